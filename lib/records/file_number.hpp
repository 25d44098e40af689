// The file number (卷号) of a case: "（2026）万小人调字第12号", the official
// style of the MoJ document formats (2010 notice) with full-width brackets.
//
// A file number is given at acceptance (registration, status received):
// intake, consult --to-case and import store it in the case's `file_no`;
// `mediate file-numbers` stores it in the cases registered before
// (docs/offices.md). Its year and sequence are the case ID's
// (XJY-2026-000012 → 2026, 12) and its word (字号) is that of the ID's
// office (offices/XJY.yaml `file_no_word`). Case IDs never collide between
// offices and desks (each office allocates its own), and no two offices
// share a word (CheckOffice), so no two cases share a file number.
// Pure functions; no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "case.hpp"
#include "office.hpp"
#include "settings.hpp"

namespace mediate {

/// The word used when neither the office registry nor the store names one.
inline constexpr std::string_view kDefaultFileNumberWord = "人调字";

/// "（<year>）<word>第<sequence>号": year 2026, word "万小人调字", sequence
/// 12 → "（2026）万小人调字第12号" (full-width brackets U+FF08/U+FF09, the
/// sequence without leading zeros). Rule: MoJ document formats (2010 notice).
std::string FormatFileNumber(std::string_view word, int year, int sequence);

/// The parts of a file number.
struct FileNumberParts {
  int year = 0;
  std::string word;
  int sequence = 0;
};

/// Reads a file number of the form FormatFileNumber writes: "（", four
/// digits, "）", a word of at least one character without brackets, "第",
/// a positive number without leading zeros, "号". nullopt for anything else
/// (ASCII brackets included).
std::optional<FileNumberParts> ParseFileNumber(std::string_view text);

/// The word (字号) of the file numbers of `office`'s cases: its
/// `file_no_word` in `offices`; when the office has no record (a store made
/// before the registry), the store's `file_no_word` (store setting), else
/// "人调字".
std::string FileNumberWord(std::string_view office, const OfficeRegistry& offices,
                           const Settings& settings);

/// The file number derived from a case ID: its year and sequence, the word
/// of its office (FileNumberWord). "XJY-2026-000012" →
/// "（2026）万小人调字第12号". "" when `id` is not a case ID.
std::string DerivedFileNumber(const std::string& id, const OfficeRegistry& offices,
                              const Settings& settings);

/// The file number to show for a case: the stored one (`file_no`) when set,
/// else DerivedFileNumber of its id (a case registered before file numbers
/// were stored). Every view — show, documents, export, review tables — goes
/// through this.
std::string FileNumber(const Case& c, const OfficeRegistry& offices, const Settings& settings);
/// The same for a case known by its id and stored file number (a summary).
std::string FileNumber(const std::string& id, const std::string& stored,
                       const OfficeRegistry& offices, const Settings& settings);

/// What is wrong with a stored file number, as `validate` reports it.
struct FileNumberProblem {
  bool error = false;   ///< true: an error; false: a warning
  std::string message;  ///< names the value and what would be right
};

/// Checks the stored file number `file_no` of case `id` (no reads: the
/// case's own fields only). "" is fine (not yet given: rendering derives
/// it). An error when it is not of the form FormatFileNumber writes
/// (ParseFileNumber); a warning when its year or sequence differ from the
/// id's (a number set otherwise — a paper file numbered before — is kept by
/// renumber and may differ, so it is not refused, only pointed out). The
/// word is not checked: an office's word may change after its cases were
/// numbered. Rule: MoJ document formats (2010 notice); docs/offices.md.
std::optional<FileNumberProblem> CheckFileNumber(const std::string& id, const std::string& file_no);

/// When a case's id changes from `old_id` to `c->id` (renumber): a stored
/// file number that is the one derived from `old_id` becomes the one
/// derived from the new id; any other (set otherwise, or none) is kept.
/// Returns the number replaced, "" when nothing changed.
std::string RenumberFileNumber(Case* c, const std::string& old_id, const OfficeRegistry& offices,
                               const Settings& settings);

}  // namespace mediate
