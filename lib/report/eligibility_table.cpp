#include "eligibility_table.hpp"
#include "i18n.hpp"

#include <cstdint>
#include <string>

namespace mediate {

Table EligibilityTable(const std::vector<GradeCheck>& checks, bool all) {
  Table t;
  t.columns = {{"id", "编号", ColumnKind::kCode},
               {"name", "姓名", ColumnKind::kText},
               {"org", "组织", ColumnKind::kCode},
               {"grade", "现等级", ColumnKind::kCode},
               {"checked_grade", "评定等级", ColumnKind::kCode},
               {"years", "年限", ColumnKind::kInt},
               {"cases", "调解案件", ColumnKind::kInt},
               {"success", "成功率", ColumnKind::kPercent},
               {"oral_share", "口头协议占比", ColumnKind::kPercent},
               {"training_hours", "培训学时", ColumnKind::kDecimal},
               {"escalations", "上交", ColumnKind::kInt},
               {"eligible", "符合", ColumnKind::kCode},
               {"unmet", "未达条件", ColumnKind::kText}};
  std::size_t eligible = 0;
  for (const GradeCheck& c : checks) {
    if (c.eligible()) ++eligible;
    if (!all && !c.eligible()) continue;
    const MediatorRecord& rec = c.record;
    std::string text;
    for (const auto& u : c.unmet) text += (text.empty() ? "" : "; ") + u;
    t.rows.push_back(
        {c.id, c.name, c.org, c.current_grade ? std::to_string(c.current_grade) : std::string(),
         std::to_string(c.checked_grade), rec.years < 0 ? Cell() : Cell(std::int64_t{rec.years}),
         std::int64_t{rec.cases}, rec.cases ? Cell(rec.success()) : Cell(),
         rec.agreed ? Cell(rec.oral_share()) : Cell(),
         static_cast<double>(rec.training_tenths) / 10.0, std::int64_t{rec.escalations},
         std::string(c.eligible() ? "yes" : "no"), text});
  }
  t.notes.push_back(
      Tr("{0} eligible (mediator, grade) pairs; thresholds from mediate.yaml grades "
         "(grade 4 defaults: Guangdong 2020; store setting, local practice)",
         eligible));
  return t;
}

}  // namespace mediate
