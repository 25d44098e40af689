// The table `list` prints: one row per case, starting with its id.
#pragma once

#include <vector>

#include "case_summary.hpp"
#include "stats.hpp"
#include "table.hpp"

namespace mediate {

/// Columns: id, received (local date), category, category_label, source,
/// risk, status, level, org, org_label, street, street_label, community,
/// community_label, amount (fen), deadline, summary. No personal data.
Table CaseListing(const std::vector<CaseSummary>& cases, const Labeler& label);

}  // namespace mediate
