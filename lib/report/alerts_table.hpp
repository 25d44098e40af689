// The early warnings of `mediate alerts` (alerts.hpp computes them) laid out
// as a Table for rendering.
#pragma once

#include <vector>

#include "alerts.hpp"
#include "table.hpp"

namespace mediate {

/// `alerts` as a table, one row per alert in the given order: kind, cases
/// (the case ids joined by ", "), count (how many cases), reason (in the
/// interface's language); and kind_label (AlertKindLabel), which only the
/// Chinese human table shows (ColumnShown). No totals, no notes.
Table AlertsTable(const std::vector<Alert>& alerts);

}  // namespace mediate
