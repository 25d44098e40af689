// The `due` report (deadlines.hpp decides what is due and orders it) laid
// out as a Table for rendering.
#pragma once

#include <functional>
#include <string>

#include "deadlines.hpp"
#include "table.hpp"

namespace mediate {

/// `due` as the report table, one row per entry in the list's order: kind,
/// kind_label (事项), id, category, category_label (类别), org, status, due
/// (YYYY-MM-DD, the last allowed day in the store's time zone), days_left
/// (int, negative = overdue), state (情况: "3 days overdue", in the
/// interface's language); and org_label, status_label, which only the
/// Chinese human table shows (ColumnShown). One note: "N items, M overdue".
/// `label(field, code)` names codes (may be empty: no labels).
Table DueTable(const DueList& due,
               const std::function<std::string(const std::string&, const std::string&)>& label);

}  // namespace mediate
