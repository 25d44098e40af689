// Checks of people's mediation committees against the law and the store's
// staffing norm, for `validate` (warnings: exit 0) and `org show`.
//
//   People's Mediation Law Art. 8: a committee has 3–9 members, one chair
//   (主任), and at least one woman (and members of each ethnic group where
//   several live — not checkable from the roster).
//   Staffing norm for full-time (专职) mediators: store setting
//   staffing.full_time (local practice; defaults Henan 2019, docs/law.md).
//
// Members are the active mediators on the roster whose org is the
// committee (engaged mediators included). Pure functions.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "mediator.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "team_settings.hpp"

namespace mediate {

/// True for the organisation kinds that are people's mediation committees
/// under the Law (Art. 7–8, 34): village/community, street/township,
/// enterprise, industry/professional and chamber-of-commerce committees.
bool IsMediationCommittee(const std::string& org_kind);

/// Who serves an organisation now.
struct Membership {
  int members = 0;    ///< active mediators whose org is this one
  int chairs = 0;     ///< of them with role chair
  int women = 0;      ///< of them female
  int full_time = 0;  ///< of them full-time
  std::string chair;  ///< id of the (first) chair, "" when none
};

/// The membership of `org_id` from the roster.
Membership MembershipOf(const std::string& org_id, const MediatorRegistry& mediators);

/// Problems of one active organisation, as human sentences (empty when
/// none): for a committee, Law Art. 8 (member count outside 3–9, no chair,
/// more than one chair, no woman); for any kind with a staffing norm in
/// `team`, fewer full-time mediators than the norm.
std::vector<std::string> CommitteeProblems(const Organisation& org, const Membership& m,
                                           const TeamSettings& team);

/// CommitteeProblems of every active organisation `include` accepts, as
/// warnings located at the organisation's file (orgs/<id>.yaml), field
/// "members" (Law Art. 8) or "members.full_time" (the staffing norm).
std::vector<Diagnostic> CheckCommittees(const OrgRegistry& orgs, const MediatorRegistry& mediators,
                                        const TeamSettings& team,
                                        const std::function<bool(const Organisation&)>& include);

/// True for a warning CheckCommittees gives about the staffing norm (fewer
/// full-time mediators than store setting staffing.full_time): local
/// practice, not law, and on a new store one per organisation, so
/// `validate` counts them in one line unless asked to list them.
bool IsStaffingNormWarning(const Diagnostic& d);

}  // namespace mediate
