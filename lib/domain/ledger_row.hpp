// Reading one data row of a ledger into a case, checking each cell (the
// rules are listed at ImportLedger(), ledger_import.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "area.hpp"
#include "case.hpp"
#include "csv_table.hpp"
#include "ledger_columns.hpp"
#include "ledger_mapping.hpp"
#include "organisation.hpp"
#include "settings.hpp"
#include "status.hpp"
#include "time.hpp"

namespace mediate {

/// What ImportLedger needs besides the rows and the store's registries.
struct LedgerImportOptions {
  /// The ledger's path as the user gave it; every message starts with it
  /// ("ledger.csv:45: …").
  std::string display_name;
  /// The ledger's base name, kept as provenance (import.file) on each case.
  std::string source_name;
  /// Today's local date in the store's time zone: a registration date after
  /// it is refused. No check when invalid.
  Date today;
  /// The operator, "Name <email>": the `by` of each case's received event.
  std::string by;
  /// Called after each data row with (rows done, rows in all); may be empty.
  std::function<void(std::size_t, std::size_t)> progress;
  /// Other headers and labels (`--mapping FILE`); null for none.
  const LedgerMapping* mapping = nullptr;
  /// `--skip-invalid`: keep the good rows' cases even when other rows have
  /// errors (the bad rows are listed in LedgerImport::rejected). A header
  /// error still yields no cases.
  bool keep_valid_rows = false;
};

/// What reading one ledger row gave.
struct LedgerRow {
  /// The case when the row has no error: complete but for `id` (as
  /// LedgerCase::record); nullopt otherwise.
  std::optional<Case> record;
  std::size_t errors = 0;  ///< errors the row reported to the sink
};

/// Reads `row` of `table`, whose columns are at `cols`, into a case, and
/// reports every problem of its cells to `sink` (errors and warnings, in
/// column order, each at the row's file:line naming the column). The cells
/// are checked as ImportLedger() describes, against the store's `settings`
/// (vocabularies, time zone), `areas` and `orgs`. `data_row` is the row's
/// 1-based position below the header: its import.row when 序号 is blank.
/// The row must have the header's number of cells (ImportLedger checks).
LedgerRow ReadLedgerRow(const CsvTable& table, const CsvRecord& row, const LedgerColumnMap& cols,
                        const Settings& settings, const AreaRegistry& areas,
                        const OrgRegistry& orgs, const LedgerImportOptions& options, int data_row,
                        DiagnosticSink* sink);

}  // namespace mediate
