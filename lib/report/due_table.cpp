#include "due_table.hpp"

#include <cstdint>

namespace mediate {

Table DueTable(const DueList& due,
               const std::function<std::string(const std::string&, const std::string&)>& label) {
  Table t;
  t.columns = {{"kind", "kind", ColumnKind::kCode},
               {"kind_label", "事项", ColumnKind::kText},
               {"id", "id", ColumnKind::kCode},
               {"category", "category", ColumnKind::kCode},
               {"category_label", "类别", ColumnKind::kText},
               {"org", "org", ColumnKind::kCode},
               {"status", "status", ColumnKind::kCode},
               {"due", "due", ColumnKind::kText},
               {"days_left", "days", ColumnKind::kInt},
               {"state", "情况", ColumnKind::kText}};
  for (const DueEntry& e : due.entries)
    t.rows.push_back({e.deadline.kind, DeadlineKindLabel(e.deadline.kind), e.id, e.category,
                      label ? label("category", e.category) : std::string(), e.org, e.status,
                      e.deadline.due.ToString(), static_cast<std::int64_t>(e.days_left),
                      DaysLeftText(e.days_left)});
  const std::size_t n = due.entries.size();
  t.notes.push_back(std::to_string(n) + (n == 1 ? " item" : " items") + ", " +
                    std::to_string(due.overdue) + " overdue");
  return t;
}

}  // namespace mediate
