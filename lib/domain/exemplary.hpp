// Typical cases (优秀调解案例): the cases tagged
// "exemplary", written as a Markdown case library for training and
// publicity with personal data removed (PIPL Art. 51, 73(3); People's
// Mediation Law Art. 15): every free text goes through Deidentify
// (deidentify.hpp) — names reduced to a surname and 某, ID, card, credit
// code and phone numbers, plates and addresses below the community
// removed — and sensitive cases (PIPL Art. 28: health data, children under
// 14, flagged by hand) are never included.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "case.hpp"
#include "deidentify.hpp"
#include "store.hpp"

namespace mediate {

/// The tag that marks a typical case.
inline constexpr const char* kExemplaryTag = "exemplary";

/// What `exemplary export` wrote and left out.
struct ExemplaryLibrary {
  std::string markdown;               ///< the case library
  std::vector<std::string> included;  ///< case ids, in order
  /// Tagged cases left out as sensitive, each with its reasons
  /// (SensitiveReasons: "health", "minor", …).
  std::vector<std::pair<std::string, std::vector<std::string>>> left_out;
};

/// Builds the library from `cases` (those tagged exemplary are used, in id
/// order; others are ignored), with labels, place names and organisation
/// names from `store` (registries loaded). Each case gets: a title (category
/// label and street), basic facts (category, source, month received,
/// street, the organisation that handled it, amount), the parties by role
/// with reduced names, the summary, the course of mediation (the number of
/// sessions with each session's note, escalations) and the result
/// (outcome, agreement form, the agreement's facts and terms, judicial
/// confirmation, performance). Every free text passes through Deidentify
/// with the case's IdentitiesOf (mediators resolved through `store`).
/// Pure: reads no files.
ExemplaryLibrary BuildExemplaryLibrary(const std::vector<Case>& cases, const Store& store);

}  // namespace mediate
