#include "alerts_table.hpp"

#include <cstdint>
#include <string>

#include "i18n.hpp"

namespace mediate {

Table AlertsTable(const std::vector<Alert>& alerts) {
  Table t;
  t.columns = {{"kind", "kind", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
               {"kind_label", "类型", ColumnKind::kText, ColumnShown::kLabelOnly},
               {"cases", _("cases"), ColumnKind::kText},
               {"count", _("count"), ColumnKind::kInt},
               {"reason", _("reason"), ColumnKind::kText}};
  for (const auto& al : alerts) {
    std::string ids;
    for (const auto& id : al.case_ids) ids += (ids.empty() ? "" : ", ") + id;
    t.rows.push_back({al.kind, AlertKindLabel(al.kind), ids,
                      static_cast<std::int64_t>(al.case_ids.size()), al.reason});
  }
  return t;
}

}  // namespace mediate
