#include "due_table.hpp"

#include <cstdint>

#include "i18n.hpp"

namespace mediate {

Table DueTable(const DueList& due,
               const std::function<std::string(const std::string&, const std::string&)>& label) {
  constexpr auto kCode = ColumnShown::kCodeOfLabel;
  constexpr auto kLabel = ColumnShown::kLabelOnly;
  Table t;
  t.columns = {{"kind", "kind", ColumnKind::kCode, kCode},
               {"kind_label", "事项", ColumnKind::kText},
               {"id", _("id"), ColumnKind::kCode},
               {"category", "category", ColumnKind::kCode, kCode},
               {"category_label", "类别", ColumnKind::kText},
               {"org", "org", ColumnKind::kCode, kCode},
               {"org_label", "调解组织", ColumnKind::kText, kLabel},
               {"status", "status", ColumnKind::kCode, kCode},
               {"status_label", "状态", ColumnKind::kText, kLabel},
               {"due", _("due"), ColumnKind::kText},
               {"days_left", _("days"), ColumnKind::kInt},
               {"state", "情况", ColumnKind::kText}};
  // The labels only the Chinese human table shows (ColumnShown::kLabelOnly).
  const bool zh = TranslationOn() && label;
  for (const DueEntry& e : due.entries)
    t.rows.push_back({e.deadline.kind, DeadlineKindLabel(e.deadline.kind), e.id, e.category,
                      label ? label("category", e.category) : std::string(), e.org,
                      zh ? label("org", e.org) : std::string(), e.status,
                      zh ? label("status", e.status) : std::string(), e.deadline.due.ToString(),
                      static_cast<std::int64_t>(e.days_left), DaysLeftText(e.days_left)});
  const std::size_t n = due.entries.size();
  t.notes.push_back(TrN("{0} item, {1} overdue", "{0} items, {1} overdue", n, n, due.overdue));
  return t;
}

}  // namespace mediate
