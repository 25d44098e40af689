// How far apart two words are, for "did you mean …?" suggestions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mediate {

/// The optimal-string-alignment distance of `a` and `b`: the fewest
/// insertions, deletions, substitutions of one byte and swaps of two
/// adjacent bytes that turn `a` into `b` ("shwo" → "show" is 1). Bytes, not
/// characters: meant for ASCII words such as command names.
std::size_t EditDistance(std::string_view a, std::string_view b);

/// The word of `candidates` nearest to `word` by EditDistance, the first
/// of them on a tie, when that distance is at most 2 and less than the
/// length of `word`; nullopt otherwise (no candidate is close enough to be
/// what was meant).
std::optional<std::string> NearestWord(std::string_view word,
                                       const std::vector<std::string>& candidates);

}  // namespace mediate
