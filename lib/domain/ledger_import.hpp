// Ledger import (`mediate import LEDGER.csv`): the rows of a mediation
// ledger (台账) kept in a spreadsheet become case files.
//
// Pure: rows in, cases and diagnostics out. Reading the file, choosing the
// encoding, allocating case IDs and writing are the command's business
// (cli/cmd_import.cpp); everything that decides whether a row is good is
// here, so it is unit-tested on small hand-made ledgers.
//
// The ledger's columns are those of examples/ledgers/ledger-2026q1.csv
// (data/README.md): 序号, 登记日期, 案件来源, 纠纷类型, 申请人, 申请人证件号码,
// 申请人电话, 被申请人, 被申请人证件号码, 被申请人电话, 纠纷简要情况, 涉及金额(元),
// 涉及人数, 所属街道, 所属社区, 网格编号, 风险等级 (a few common variants of these
// headers are accepted too, see LedgerColumns()); a history ledger such as
// ledger-2022.csv adds 化解层级, 调解结果, 协议形式, 结案日期, 履行情况, 司法确认日期,
// 回访日期, and its rows become migrated cases with their timelines
// (ledger_history.hpp). Other header sets and labels are read through a
// mapping (ledger_mapping.hpp); TSV, JSON Lines and YAML input become the
// same table first (ledger_input.hpp).
//
// Every problem of every row is reported at once, as
//   ledger.csv:45: column 纠纷类型 (category): unknown label "外星纠纷"
//     known labels: 婚姻家庭纠纷, 邻里纠纷, …
// and one error anywhere refuses the whole ledger.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "csv_table.hpp"
#include "ledger_columns.hpp"      // LedgerColumns(), kRejectsErrorColumn
#include "ledger_fingerprint.hpp"  // ImportFingerprint(): import.fingerprint
#include "ledger_mapping.hpp"
#include "ledger_party.hpp"  // ClassifyPartyKind()
#include "ledger_row.hpp"    // LedgerImportOptions, ReadLedgerRow()
#include "organisation.hpp"
#include "settings.hpp"
#include "sha256.hpp"
#include "status.hpp"
#include "time.hpp"

namespace mediate {

/// One ledger row that became a case.
struct LedgerCase {
  int line = 0;  ///< file line the row starts on (1-based; the header is line 1)
  /// Complete but for `id` (the command allocates it): received at local
  /// midnight of 登记日期, one `received` event {channel: "import"} — for a
  /// row with history, followed by the migrated timeline and `migrated:
  /// true` (AppendMigratedEvents) —, state from a lifecycle replay (status
  /// "received", or the migrated case's status, and the deadline), import
  /// provenance {file, row, fingerprint}; file_no empty.
  Case record;
};

/// A data row refused for its errors (kept for `--skip-invalid`).
struct LedgerReject {
  std::size_t index = 0;           ///< position in CsvTable::rows()
  int line = 0;                    ///< file line the row starts on
  std::vector<Diagnostic> errors;  ///< the row's errors, in column order
};

/// What reading a ledger found.
struct LedgerImport {
  /// The good rows' cases in ledger order, rows repeated within the ledger
  /// left out (a warning names them). Empty when there is any error, unless
  /// options.keep_valid_rows (then empty only for a header error).
  std::vector<LedgerCase> cases;
  /// The rows with errors, in ledger order.
  std::vector<LedgerReject> rejected;
  bool header_ok = true;  ///< false: the header (or an empty ledger) refused it all
  /// Errors and warnings, header problems first, then row by row in column
  /// order. Each names file:line, the column (列名 and field) and the value.
  std::vector<Diagnostic> diagnostics;
  std::size_t rows = 0;         ///< data rows read
  std::size_t error_count = 0;  ///< errors among diagnostics
  std::size_t error_rows = 0;   ///< data rows with at least one error
  std::size_t repeated = 0;     ///< rows with the same fingerprint as an earlier row of the ledger
  std::size_t migrated = 0;     ///< cases among `cases` with a migrated history

  bool ok() const { return error_count == 0; }
  /// "3 errors in 2 rows; nothing was imported." (singular forms for 1;
  /// header errors alone: "2 errors in the header; nothing was imported.").
  std::string Summary() const;
  /// kRejected with Summary() and every diagnostic when !ok(); Ok otherwise.
  Status ToStatus() const;
};

/// Reads every data row of `table` into a case, checking each cell:
/// - 登记日期 (required): a date in a ledger shape (ParseLedgerDate); an
///   impossible date ("2026-02-30 is not a date") or one after
///   `options.today` is an error. The case is received at local midnight
///   of that date in the store's time zone (no time is invented).
/// - 案件来源, 纠纷类型 (required), 风险等级 (optional): a label, code or alias
///   of the store's vocabulary (VocabList::Resolve); unknown labels are
///   errors listing the known labels.
/// - 申请人 (required) and 被申请人 (optional, but required when its ID or
///   phone is given): names. The kind of party follows
///   ClassifyPartyKind(). A person's identifier is an ID number
///   (id_number), an organisation's a credit code (credit_code) — or, for a
///   shop written with its owner's valid citizen ID, that id_number. A
///   citizen ID with a wrong check character or an impossible birth date
///   is an error (GB 11643-1999); a credit code whose
///   check character fails is only a warning (GB 32100-2015 pilot-era
///   codes are legal); a phone that is neither a mobile nor a landline with
///   area code is an error. Phones are stored normalised (NormalizePhone).
/// - 纠纷简要情况 (required): kept as written, trimmed.
/// - 涉及金额(元): yuan to fen exactly (ParseYuanToFen after NormalizeCell);
///   blank = no amount; negative is an error.
/// - 涉及人数: a whole number ≥ 1; blank = not recorded.
/// - 所属街道 (required), 所属社区, 网格编号: the street by name, the community
///   by official or short name, the grid by code, resolved to division
///   codes; the community must lie in the street and the grid in the
///   community (a blank community is taken from the grid).
/// - 序号: kept as import.row; blank or absent = the data row number.
/// - history (化解层级, 调解结果, 协议形式, 结案日期, 履行情况, 司法确认日期,
///   回访日期; all optional): labels of the level, outcome, agreement_form and
///   performance vocabularies, dates as 登记日期 (not in the future). A row
///   with any of them is migrated: CheckHistory() refuses an impossible
///   history, SettlingOrganisation() finds the organisation in `orgs`, and
///   AppendMigratedEvents() builds the timeline (ledger_history.hpp).
/// With options.mapping, its column map decides which header is which
/// column (or none), and its value map replaces cells before they are read.
/// A place may also be given by its division code.
/// A row with fewer cells than the header (or extra non-blank cells) is one
/// error and its cells are not checked further. A header missing a required
/// column, or naming a column twice, is an error at line 1 and no row is
/// read; unknown columns are warnings (not imported). A ledger without data
/// rows is an error too.
LedgerImport ImportLedger(const CsvTable& table, const Settings& settings,
                          const AreaRegistry& areas, const OrgRegistry& orgs,
                          const LedgerImportOptions& options);

/// Removes from `cases` those whose import.fingerprint is in `existing`
/// (cases imported before, from this ledger or a re-encoded copy).
/// Returns how many were removed. Order of the rest is kept.
std::size_t DropAlreadyImported(std::vector<LedgerCase>* cases,
                                const std::unordered_set<std::string>& existing);

/// The commit message of an import: "import: 120 cases from
/// ledger-2026q1.csv", a blank line, then the trailers
/// "Mediate-Action: import" and "Mediate-Source: ledger-2026q1.csv".
std::string ImportCommitMessage(std::size_t count, const std::string& source_name);

/// A count with thousands separators: 3100 → "3,100" (GroupDigits, money.hpp).
std::string GroupThousands(std::size_t n);

}  // namespace mediate
