// The front-desk consultations counted by year (`stats --consultations`;
// CountConsultations, consultation.hpp, counts them) laid out as a Table
// for rendering.
#pragma once

#include <vector>

#include "consultation.hpp"
#include "table.hpp"
#include "time.hpp"

namespace mediate {

/// `counts` as a table: columns year (code), consultations, to_case (became
/// cases), referred (sent elsewhere); one row per year, oldest first, then
/// a row "total" (a row of its own, not the Table's totals). Counts only;
/// no personal data.
Table ConsultationCountTable(const ConsultationCounts& counts);

/// ConsultationCountTable of CountConsultations(all, tz): `all` counted by
/// the local year (in the store's time zone `tz`) each was asked.
Table ConsultationCountTable(const std::vector<Consultation>& all, const TimeZone& tz);

}  // namespace mediate
