#include "alerts_table.hpp"

#include <cstdint>
#include <string>

namespace mediate {

Table AlertsTable(const std::vector<Alert>& alerts) {
  Table t;
  t.columns = {{"kind", "kind", ColumnKind::kCode},
               {"cases", "cases", ColumnKind::kText},
               {"count", "count", ColumnKind::kInt},
               {"reason", "reason", ColumnKind::kText}};
  for (const auto& al : alerts) {
    std::string ids;
    for (const auto& id : al.case_ids) ids += (ids.empty() ? "" : ", ") + id;
    t.rows.push_back({al.kind, ids, static_cast<std::int64_t>(al.case_ids.size()), al.reason});
  }
  return t;
}

}  // namespace mediate
