// The mediator roster laid out as Tables for rendering: the list
// (`mediator list`), one mediator (`mediator show`) and the counts of the
// active mediators (`mediator stats`, the annual report; counted by
// CountRoster, roster.hpp).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "mediator.hpp"
#include "organisation.hpp"
#include "roster.hpp"
#include "table.hpp"

namespace mediate {

/// The roster as a table with the record's field names as columns: id,
/// name, sex, born, org, role, employment, grade, graded, specialties,
/// lecturer, honours, filed, status, phone (dates YYYY-MM-DD or empty;
/// lists `;`-joined, lecturer true/false, grade empty when not graded).
/// Phone numbers are masked (People's Mediation Law Art. 15; PIPL Art. 51)
/// unless `reveal`. Rows in id order, those `keep` accepts (all when
/// `keep` is empty). No totals, no notes.
Table RosterTable(const MediatorRegistry& mediators, bool reveal,
                  const std::function<bool(const Mediator&)>& keep);

/// The Chinese name of mediator grade `grade` (1–4: "一级" … "四级"; any
/// other value, 0 included: "未评级", not graded); the grading is local
/// practice (docs/law.md, grade eligibility).
std::string_view MediatorGradeLabel(int grade);

/// `counts` as a table, columns dimension, value, label, mediators (int),
/// rows in this order: active; grade 4, 3, 2, 1, 1-2 (grades 1 and 2
/// together), none (not graded); employment, role and sex by code (code
/// order); lecturer true (授课骨干); honours any (with an honour); honour
/// by honour (as written). `label(vocabulary, code)` gives the Chinese
/// label of a code of vocabulary employment, mediator_role or sex.
Table RosterStatsTable(
    const RosterCounts& counts,
    const std::function<std::string(const std::string&, const std::string&)>& label);

/// RosterStatsTable of CountRoster(mediators): the counts of the active
/// mediators of `mediators`.
Table RosterStatsTable(
    const MediatorRegistry& mediators,
    const std::function<std::string(const std::string&, const std::string&)>& label);

/// One mediator as field/value lines for `mediator show`, columns field,
/// value; a field left empty is left out. The org with its name (from
/// `orgs`), lists `, `-joined (sanctions `; `), the status with the
/// retirement date, the phone masked unless `reveal` (PIPL Art. 51), then
/// one "rating" line per grade rating. When translation is on (i18n.hpp)
/// the fields go by their Chinese names (姓名, 性别, 职务, …) and the values
/// by their labels (男, 聘任调解员, 专职, 三级, 在职, 是), the org by its
/// name alone; otherwise fields and codes as in the record.
Table MediatorCard(const Mediator& m, const OrgRegistry& orgs, bool reveal);

}  // namespace mediate
