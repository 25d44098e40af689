#include "consultation_table.hpp"

#include "i18n.hpp"

#include <string>

namespace mediate {

Table ConsultationCountTable(const ConsultationCounts& counts) {
  Table t;
  t.columns = {{"year", _("year"), ColumnKind::kCode},
               {"consultations", _("consultations"), ColumnKind::kInt},
               {"to_case", _("to case"), ColumnKind::kInt},
               {"referred", _("referred"), ColumnKind::kInt}};
  for (const auto& [year, k] : counts.by_year)
    t.rows.push_back({std::to_string(year), k.consultations, k.to_case, k.referred});
  const ConsultationCount& total = counts.total;
  t.rows.push_back({std::string("total"), total.consultations, total.to_case, total.referred});
  return t;
}

Table ConsultationCountTable(const std::vector<Consultation>& all, const TimeZone& tz) {
  return ConsultationCountTable(CountConsultations(all, tz));
}

}  // namespace mediate
