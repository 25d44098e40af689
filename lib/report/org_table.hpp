// The register of mediation organisations laid out as Tables for
// rendering: the list (`org list`) and one organisation (`org show`; its
// members and committee checks from OrgMembersOf, org_roster.hpp).
#pragma once

#include <functional>
#include <string>

#include "area.hpp"
#include "mediator.hpp"
#include "org_roster.hpp"
#include "organisation.hpp"
#include "table.hpp"

namespace mediate {

/// The register as a table: id, name, kind, kind_label, level, street,
/// community, parent, status, members, full_time (ints: the organisation's
/// active mediators and the full-time ones among them, MembershipOf),
/// chair (the first chair's id). Rows in id order, those `keep` accepts
/// (all when `keep` is empty). `kind_label(code)` names an org_kind code.
Table OrgTable(const OrgRegistry& orgs, const MediatorRegistry& mediators,
               const std::function<std::string(const std::string&)>& kind_label,
               const std::function<bool(const Organisation&)>& keep);

/// One organisation as field/value lines (columns field, value; a field
/// left empty is left out): id, name, kind with its label, level, street
/// and community with their names (from `areas`), specialties, parent with
/// its name, status, members ("N (W women, F full-time)"), chair with name,
/// one "member" line per member of `members` (id, name, role, employment,
/// grade, looked up in `mediators`), one "warning" line per problem.
/// When translation is on (i18n.hpp) the fields go by their Chinese names
/// (类型, 层级, 状态, …) and coded values by their labels alone (街道调委会,
/// 街道/乡镇, 在册 or 已撤销, 主任, 专职, 四级) instead of the code beside them.
Table OrgCard(const Organisation& o, const OrgMembers& members, const OrgRegistry& orgs,
              const MediatorRegistry& mediators, const AreaRegistry& areas,
              const std::function<std::string(const std::string&)>& kind_label);

}  // namespace mediate
