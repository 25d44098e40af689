#include "committee_checks.hpp"

#include "i18n.hpp"

#include <map>

namespace mediate {

namespace {

void Count(const Mediator& med, Membership* m) {
  ++m->members;
  if (med.role == "chair") {
    if (m->chair.empty()) m->chair = med.id;
    ++m->chairs;
  }
  if (med.sex == "female") ++m->women;
  if (med.employment == "full_time") ++m->full_time;
}

}  // namespace

bool IsMediationCommittee(const std::string& kind) {
  return kind == "community_committee" || kind == "street_committee" ||
         kind == "enterprise_committee" || kind == "industry_committee" ||
         kind == "chamber_committee";
}

Membership MembershipOf(const std::string& org_id, const MediatorRegistry& mediators) {
  Membership m;
  for (const auto& [id, med] : mediators) {
    if (med.status == "active" && med.org == org_id) Count(med, &m);
  }
  return m;
}

namespace {

/// Law Art. 8's problems of an active committee (CommitteeProblems without
/// the staffing norm).
std::vector<std::string> LawProblems(const Organisation& org, const Membership& m) {
  std::vector<std::string> out;
  if (org.status != "active") return out;
  if (IsMediationCommittee(org.kind)) {
    if (m.members < 3 || m.members > 9)
      out.push_back(
          Tr("has {0} members; a committee has 3 to 9 (People's Mediation Law Art. 8)", m.members));
    if (m.chairs == 0)
      out.push_back(_("has no chair (主任); a committee has one (People's Mediation Law Art. 8)"));
    if (m.chairs > 1)
      out.push_back(
          Tr("has {0} chairs; a committee has one (People's Mediation Law Art. 8)", m.chairs));
    if (m.women == 0)
      out.push_back(
          _("has no woman among its members; a committee has at least one (People's Mediation "
            "Law Art. 8)"));
  }
  return out;
}

/// The staffing norm's problem of an active organisation, "" when none.
std::string NormProblem(const Organisation& org, const Membership& m, const TeamSettings& team) {
  if (org.status != "active") return "";
  if (auto it = team.full_time_norm.find(org.kind);
      it != team.full_time_norm.end() && m.full_time < it->second)
    return Tr(
        "has {0} full-time mediators; the staffing norm is {1} (store setting "
        "staffing.full_time.{2}, local practice)",
        m.full_time, it->second, org.kind);
  return "";
}

/// The field of a staffing-norm warning (IsStaffingNormWarning).
constexpr const char* kNormField = "members.full_time";

}  // namespace

std::vector<std::string> CommitteeProblems(const Organisation& org, const Membership& m,
                                           const TeamSettings& team) {
  std::vector<std::string> out = LawProblems(org, m);
  if (std::string norm = NormProblem(org, m, team); !norm.empty()) out.push_back(norm);
  return out;
}

bool IsStaffingNormWarning(const Diagnostic& d) {
  return d.severity == Severity::kWarning && d.field == kNormField;
}

std::vector<Diagnostic> CheckCommittees(const OrgRegistry& orgs, const MediatorRegistry& mediators,
                                        const TeamSettings& team,
                                        const std::function<bool(const Organisation&)>& include) {
  std::map<std::string, Membership> by_org;
  for (const auto& [id, med] : mediators) {
    if (med.status == "active") Count(med, &by_org[med.org]);
  }
  std::vector<Diagnostic> out;
  for (const auto& [id, org] : orgs) {
    if (include && !include(org)) continue;
    const Membership& m = by_org[id];
    for (auto& p : LawProblems(org, m))
      out.push_back({Severity::kWarning, {org.Path(), 0, 0}, "members", org.name + " " + p});
    if (std::string norm = NormProblem(org, m, team); !norm.empty())
      out.push_back({Severity::kWarning, {org.Path(), 0, 0}, kNormField, org.name + " " + norm});
  }
  return out;
}

}  // namespace mediate
