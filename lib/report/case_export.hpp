// The export of cases (`mediate export`): one row per case with derived
// state, local dates, place codes and labels, amounts and a timeline
// summary — a stable schema (docs/export.md) that a city loads from many
// districts into an existing engine. Personal data (ID, credit
// code and phone numbers; docs/law.md, PIPL Art. 51, Civil Code Art. 1034) is
// masked unless revealed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "case_summary.hpp"
#include "stats.hpp"
#include "table.hpp"

namespace mediate {

/// Version of the export schema, written into every row as
/// `schema`; bumped only for incompatible changes (docs/export.md).
inline constexpr const char* kExportSchema = "mediate-export/2";

/// What an export row needs besides the case: `label` gives Chinese
/// labels (none when empty); `source_group` and `org_kind` map codes to
/// their group / kind (none when empty); `today` (store time zone) decides
/// `overdue`; `reveal` writes party identifiers in full.
struct ExportContext {
  Labeler label;
  std::function<std::string(const std::string&)> source_group;
  std::function<std::string(const std::string&)> org_kind;
  Date today;
  bool reveal = false;
  /// With `reveal`: the parties' keys in full (PartyKey) for a case — the
  /// index keeps them only masked and hashed, so the caller reads the case
  /// file. Unset: masked even with `reveal`.
  std::function<std::vector<std::string>(const CaseSummary&)> revealed_parties;
  /// The file number of a case (FileNumber, file_number.hpp: the stored
  /// one, else the one derived from its id). Unset: the stored one.
  std::function<std::string(const CaseSummary&)> file_no;
};

/// The columns of the export, as documented in docs/export.md (names are
/// stable). `amount` is money (fen, shown as yuan) and `amount_fen` the same
/// fen as an integer; `mediators`, `party_kinds` and `parties` are kList
/// columns (JSON arrays).
std::vector<Column> ExportColumns();

/// The row of `c` under ExportColumns: a ';' inside a list item written as
/// '；'. Party identifiers are masked (CaseSummary::party_masked) unless
/// `context.reveal` and `context.revealed_parties` give them (PIPL Art. 51).
std::vector<Cell> ExportRow(const CaseSummary& c, const ExportContext& context);

/// One row per case, in the order given: ExportColumns and an ExportRow
/// per case.
Table ExportTable(const std::vector<CaseSummary>& cases, const Labeler& label,
                  const std::function<std::string(const std::string&)>& source_group,
                  const std::function<std::string(const std::string&)>& org_kind, Date today,
                  bool reveal);

}  // namespace mediate
