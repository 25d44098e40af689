// The table `list` prints: one row per case, starting with its id.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "case_summary.hpp"
#include "stats.hpp"
#include "table.hpp"

namespace mediate {

/// The columns of the listing: id, received (local date), category,
/// category_label, source, risk, status, level, org, org_label, street,
/// street_label, community, community_label, amount (fen), deadline,
/// summary; and source_label, risk_label, status_label, level_label, which
/// only the Chinese human table shows (ColumnShown: it shows labels only,
/// with Chinese headings). No personal data.
std::vector<Column> CaseListingColumns();

/// The row of `c` under CaseListingColumns; `label` gives the Chinese
/// labels of codes.
std::vector<Cell> CaseListingRow(const CaseSummary& c, const Labeler& label);

/// The note under the listing: "1 case", "N cases" (Chinese "N 件案件").
std::string CaseCountNote(std::size_t cases);

/// The listing of `cases` as one table: CaseListingColumns, a
/// CaseListingRow per case in the order given, and CaseCountNote.
Table CaseListing(const std::vector<CaseSummary>& cases, const Labeler& label);

}  // namespace mediate
