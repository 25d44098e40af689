// UTF-8 text as Unicode code points, for scanners that look at Chinese
// characters one at a time (std::regex works on bytes and cannot). Decoding
// and encoding go through utf8proc. Pure functions; no I/O.
#pragma once

#include <string>
#include <string_view>

namespace mediate {

/// The code points of UTF-8 `text`; a byte that does not start a valid
/// sequence becomes U+FFFD, so the result is always defined.
std::u32string DecodeUtf8(std::string_view text);

/// `text` encoded as UTF-8 (the inverse of DecodeUtf8 for valid input).
std::string EncodeUtf8(std::u32string_view text);

/// True for a CJK unified ideograph (U+4E00–U+9FFF, extension A
/// U+3400–U+4DBF, compatibility U+F900–U+FAFF): a Chinese character.
bool IsHan(char32_t c);

/// True for an ASCII digit 0–9 or a full-width digit ０–９ (U+FF10–U+FF19).
bool IsDigitChar(char32_t c);

/// True for an ASCII letter A–Z, a–z or a full-width one (Ａ–Ｚ, ａ–ｚ).
bool IsLatinLetter(char32_t c);

/// `c` with full-width digits and letters folded to ASCII, upper-cased
/// (ａ → 'A', ５ → '5'); other code points unchanged.
char32_t FoldAscii(char32_t c);

}  // namespace mediate
