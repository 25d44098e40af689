// Maintaining the register of mediation organisations (orgs/<id>.yaml):
// checking one, applying edits, retiring, and the tables of `org list` and
// `org show` (with members, chair and full-time count from the roster).
// Pure functions over records.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "area.hpp"
#include "mediator.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "table.hpp"
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

/// The register as a table: id, name, kind, kind_label, level, street,
/// community, parent, status, members, full_time, chair (members from the
/// roster's active mediators). Rows in id order, those `keep` accepts.
Table OrgTable(const OrgRegistry& orgs, const MediatorRegistry& mediators,
               const std::function<std::string(const std::string&)>& kind_label,
               const std::function<bool(const Organisation&)>& keep);

/// One organisation as field/value lines: its fields, place names, parent,
/// members (chair first), full-time count, and the problems
/// CommitteeProblems finds (as "warning" lines).
Table OrgCard(const Organisation& o, const OrgRegistry& orgs, const MediatorRegistry& mediators,
              const AreaRegistry& areas, const TeamSettings& team,
              const std::function<std::string(const std::string&)>& kind_label);

}  // namespace mediate
