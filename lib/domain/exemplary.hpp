// Typical cases (优秀调解案例): the cases tagged
// "exemplary", written as a Markdown case library for training and
// publicity with personal data removed (PIPL Art. 51;
// People's Mediation Law Art. 15): names reduced to a surname and 某,
// ID numbers, credit codes, phone numbers and addresses dropped, and
// sensitive cases (PIPL Art. 28: health data, children under 14, flagged
// by hand) never included.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "case.hpp"
#include "store.hpp"

namespace mediate {

/// The tag that marks a typical case.
inline constexpr const char* kExemplaryTag = "exemplary";

/// A person's name reduced to the surname and 某: 张三 → 张某, 李某某 →
/// 李某, 欧阳娜娜 → 欧阳某 (two-character compound surnames kept whole). An
/// organisation's name keeps only its kind: 太原市某某装饰工程有限公司 →
/// 某有限公司, 万柏林区人民医院 → 某医院; "某单位" when no kind is
/// recognised. Empty stays empty.
std::string ReduceName(const std::string& name, bool organisation);

/// `text` with personal data of `c` removed: each party's name replaced by
/// its ReduceName, each party's ID number, credit code and phone number and
/// the case's address replaced by "[已删除]", and any remaining run of 11
/// or more digits (with a trailing X: an ID number; 11 digits: a mobile
/// number) or a landline with area code (0351-6012345) replaced by
/// "[已删除]" too.
std::string ScrubText(const std::string& text, const Case& c);

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
/// with reduced names, the summary scrubbed, the course of mediation
/// (sessions, escalations) and the result (outcome, agreement form, terms
/// scrubbed, judicial confirmation, performance). Pure: reads no files.
ExemplaryLibrary BuildExemplaryLibrary(const std::vector<Case>& cases, const Store& store);

}  // namespace mediate
