// Reading one data row of a ledger into a case, checking each cell (the
// rules are listed at ImportLedger(), ledger_import.hpp).
#pragma once

#include <cstddef>
#include <optional>

#include "area.hpp"
#include "case.hpp"
#include "csv_table.hpp"
#include "ledger_columns.hpp"
#include "ledger_import.hpp"
#include "organisation.hpp"
#include "settings.hpp"
#include "status.hpp"

namespace mediate {

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
