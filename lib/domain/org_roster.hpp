// Maintaining the register of mediation organisations (orgs/<id>.yaml):
// checking one, applying edits, retiring, and who serves one (members,
// chair first, and the committee checks) for `org show`. Pure functions
// over records; the tables are laid out in org_table.hpp.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "area.hpp"
#include "committee_checks.hpp"
#include "mediator.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "team_settings.hpp"

namespace mediate {

class Vocabulary;

/// Fields `org add` and `org edit` accept: name, kind, level, street,
/// community, specialties, parent.
const std::vector<std::string>& OrgEditableFields();

/// Sets the fields named in `fields` on `o` from text as typed (kind and
/// level as codes or Chinese labels; specialties `,`/`;`-separated
/// categories; street and community as codes or names). kUsage for an
/// unknown field; kRejected listing every unreadable value.
Status ApplyOrgFields(Organisation* o, const std::map<std::string, std::string>& fields,
                      const Vocabulary& vocab, const AreaRegistry& areas);

/// Checks an organisation as a whole (id, name, kind, level, specialties;
/// street and community on areas/ and the community within the street; the
/// parent registered, not itself, no cycle) and reports every problem to
/// `sink` at `where`. `orgs` is the register the organisation joins (it
/// may hold `o` itself).
void CheckOrganisation(const Organisation& o, const Vocabulary& vocab, const OrgRegistry& orgs,
                       const AreaRegistry& areas, const Location& where, DiagnosticSink* sink);

/// Retires `o` (status retired). kRejected while active mediators still
/// belong to it (naming how many: move or retire them first) or active
/// organisations name it as their parent.
Status RetireOrg(Organisation* o, const OrgRegistry& orgs, const MediatorRegistry& mediators);

/// Who serves an organisation now, as `org show` lists it.
struct OrgMembers {
  Membership membership;  ///< MembershipOf the organisation
  /// Ids of its active mediators (status "active", org the organisation):
  /// those with role chair first, then the others, each group in id order.
  std::vector<std::string> members;
  /// CommitteeProblems of the organisation (People's Mediation Law Art. 8;
  /// the staffing norm, a store setting): human sentences, empty when none.
  std::vector<std::string> problems;
};

/// The members of `o` from the roster `mediators`, and the problems
/// CommitteeProblems finds with the store's staffing norms `team`. Pure.
OrgMembers OrgMembersOf(const Organisation& o, const MediatorRegistry& mediators,
                        const TeamSettings& team);

}  // namespace mediate
