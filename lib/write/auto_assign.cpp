#include "auto_assign.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

#include "case_checks.hpp"
#include "case_record.hpp"
#include "case_selection.hpp"
#include "case_step.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "lifecycle_steps.hpp"
#include "store_write.hpp"

namespace mediate {

namespace {

bool HasSpecialty(const Mediator& m, const std::string& category) {
  return std::find(m.specialties.begin(), m.specialties.end(), category) != m.specialties.end();
}

std::string GradeText(int grade) { return grade == 0 ? _("ungraded") : Tr("grade {0}", grade); }

/// Group identity: org + members.
std::string GroupKey(const std::string& org, const std::vector<std::string>& members) {
  std::string k = org + "|";
  for (const auto& m : members) k += m + ",";
  return k;
}

}  // namespace

bool MeetsGrade(int grade, int required) {
  if (required <= 0) return true;
  return grade >= 1 && grade <= required;
}

std::vector<std::string> PreferenceGroup(const std::string& org, const std::string& category,
                                         int required_grade, const MediatorRegistry& mediators) {
  std::vector<std::string> eligible, specialists;
  for (const auto& [id, m] : mediators) {
    if (m.org != org || m.status != "active" || !MeetsGrade(m.grade, required_grade)) continue;
    eligible.push_back(id);
    if (HasSpecialty(m, category)) specialists.push_back(id);
  }
  return specialists.empty() ? eligible : specialists;
}

std::vector<AssignChoice> PlanAssignments(const std::vector<AssignableCase>& to_assign,
                                          const std::vector<AssignableCase>& open,
                                          const MediatorRegistry& mediators,
                                          const VocabList* categories) {
  // Caseloads: all open cases per mediator, and open cases per (group, mediator).
  std::map<std::string, int> load;
  std::map<std::string, std::map<std::string, int>> group_load;
  std::map<std::string, std::vector<std::string>> group_cache;
  auto group_of = [&](const AssignableCase& c) -> const std::vector<std::string>& {
    std::string k = c.org + "|" + c.category + "|" + std::to_string(c.required_grade);
    auto it = group_cache.find(k);
    if (it == group_cache.end())
      it = group_cache.emplace(k, PreferenceGroup(c.org, c.category, c.required_grade, mediators))
               .first;
    return it->second;
  };
  auto count = [&](const AssignableCase& c) {
    const auto& members = group_of(c);
    std::string key = GroupKey(c.org, members);
    for (const auto& m : c.mediators) {
      ++load[m];
      if (std::find(members.begin(), members.end(), m) != members.end()) ++group_load[key][m];
    }
  };
  for (const auto& c : open) count(c);

  std::vector<AssignChoice> out;
  for (const auto& c : to_assign) {
    AssignChoice ch;
    ch.case_id = c.id;
    ch.org = c.org;
    ch.category = c.category;
    ch.required_grade = c.required_grade;
    const std::string category = categories ? categories->Shown(c.category) : c.category;
    const auto& members = group_of(c);
    const std::string key = GroupKey(c.org, members);
    bool any_specialist = false;
    for (const auto& id : members)
      any_specialist = any_specialist || HasSpecialty(mediators.find(id)->second, c.category);
    ch.group = any_specialist
                   ? Tr("specialists in {0}", category)
                   : Tr("all eligible mediators of {0} (none lists {1})", c.org, category);
    int active = 0;
    for (const auto& [id, m] : mediators) {
      if (m.org != c.org || m.status != "active") continue;
      ++active;
      AssignCandidate a;
      a.id = id;
      a.name = m.name;
      a.grade = m.grade;
      a.specialist = HasSpecialty(m, c.category);
      a.eligible = MeetsGrade(m.grade, c.required_grade);
      a.preferred = std::find(members.begin(), members.end(), id) != members.end();
      a.open_load = load[id];
      a.group_load = group_load[key][id];
      if (!a.eligible)
        a.note =
            Tr("{0}: the rule asks for grade {1} or higher", GradeText(m.grade), c.required_grade);
      else if (!a.preferred)
        a.note = Tr("not a specialist in {0}; specialists come first", category);
      ch.candidates.push_back(std::move(a));
    }
    if (members.empty()) {
      ch.because = active == 0
                       ? Tr("no active mediator belongs to {0}", c.org)
                       : Tr("none of the {0} active mediators of {1} is grade {2} or higher",
                            active, c.org, c.required_grade);
      out.push_back(std::move(ch));
      continue;
    }
    // Fewest open cases of this group, then fewest open cases, then id.
    const AssignCandidate* best = nullptr;
    for (const auto& a : ch.candidates) {
      if (!a.preferred) continue;
      if (!best || std::tie(a.group_load, a.open_load, a.id) <
                       std::tie(best->group_load, best->open_load, best->id))
        best = &a;
    }
    ch.chosen = best->id;
    int tied_group = 0, tied_open = 0;
    for (const auto& a : ch.candidates) {
      if (!a.preferred || a.id == best->id) continue;
      if (a.group_load == best->group_load) {
        ++tied_group;
        if (a.open_load == best->open_load) ++tied_open;
      }
    }
    if (tied_group == 0)
      ch.because = Tr("{0}: {1} {2} has the fewest open cases of this group ({3})", ch.group,
                      best->id, best->name, best->group_load);
    else if (tied_open > 0)
      ch.because =
          Tr("{0}: {1} {2} has the fewest open cases of this group ({3}), as many open cases in "
             "all ({4}) as another, and the lowest id",
             ch.group, best->id, best->name, best->group_load, best->open_load);
    else
      ch.because =
          Tr("{0}: {1} {2} has the fewest open cases of this group ({3}) and the fewest open cases "
             "in all ({4})",
             ch.group, best->id, best->name, best->group_load, best->open_load);
    for (auto& a : ch.candidates) {
      if (a.preferred && a.id != best->id && a.note.empty())
        a.note = Tr("open cases of this group {0}, in all {1}", a.group_load, a.open_load);
    }
    AssignableCase done = c;
    done.mediators = {best->id};
    count(done);
    out.push_back(std::move(ch));
  }
  return out;
}

int RequiredGrade(const Case& c) {
  for (auto it = c.events.rbegin(); it != c.events.rend(); ++it) {
    if (it->type != "routed" && it->type != "escalated") continue;
    std::string g = it->Get("mediator_grade");
    if (g.size() == 1 && g[0] >= '1' && g[0] <= '4') return g[0] - '0';
    return 0;
  }
  return 0;
}

Result<AutoAssignOutcome> AutoAssign(StoreWrite& w, const Filter& filter, const Signature& op,
                                     Timestamp now, Date today) {
  const Store& store = w.store();
  const Settings& settings = store.settings();
  // Routed cases the filter selects with no mediator named and not settled
  // at grid level, each still so in its file; the scan keeps every pending
  // case, for the open cases of their organisations.
  auto selection = SelectCases(
      store, [&](const CaseSummary& s) { return IsPendingStatus(s.status); },
      [&](const CaseSummary& s) {
        return ParseCaseStatus(s.status) == CaseStatus::kRouted && s.mediators.empty() &&
               s.level != "grid" && filter.Matches(s, today);
      },
      [](const Derived& d) {
        return d.status == CaseStatus::kRouted && d.state.mediators.empty() &&
               d.grid_worker.empty();
      },
      "assigned");
  if (!selection.ok()) return selection.status();
  const CaseScan& scan = selection->scan;
  // The organisations of the cases to assign; only their open cases count.
  std::vector<LoadedCase> targets;
  std::vector<AssignableCase> to_assign;
  for (PickedCase& picked : selection->picked) {
    const Case& c = picked.loaded.record;
    to_assign.push_back({c.id, picked.derived.state.org, c.category, RequiredGrade(c), {}});
    targets.push_back(std::move(picked.loaded));
  }
  AutoAssignOutcome out;
  if (to_assign.empty()) return out;
  std::vector<std::string> orgs;
  for (const auto& c : to_assign) orgs.push_back(c.org);
  std::vector<AssignableCase> open;
  for (const CaseSummary& s : scan.cases) {
    if (s.mediators.empty() || std::find(orgs.begin(), orgs.end(), s.org) == orgs.end()) continue;
    int grade = 0;
    auto loaded = store.LoadCase(s.id);
    if (loaded.ok()) grade = RequiredGrade(loaded->record);
    open.push_back({s.id, s.org, s.category, grade, s.mediators});
  }
  out.choices = PlanAssignments(to_assign, open, store.mediators(), &store.vocab().category());

  DiagnosticSink refused;
  for (const auto& ch : out.choices)
    if (ch.chosen.empty())
      refused.Error({ch.case_id, 0, 0}, "mediators", Tr("no eligible mediator: {0}", ch.because));
  if (refused.error_count() > 0)
    return Status::Rejected(
        Tr("{0} case(s) have no eligible mediator; nothing was assigned", refused.error_count()),
        refused.items());

  StepContext ctx{&settings, &store.areas(), &store.orgs(), &store.mediators(), today, op.name};
  CheckContext cc{&settings, &store.areas(), &store.orgs(), &store.mediators(), today};
  DiagnosticSink problems;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    Case& c = targets[i].record;
    Derived before = Replay(c, settings);
    if (Status st = CheckStep(c, before, "assigned"); !st.ok()) {
      problems.Error({c.id, 0, 0}, "assign", st.message());
      continue;
    }
    AssignInput in;
    in.mediators = {out.choices[i].chosen};
    DiagnosticSink sink;
    Step step = BuildAssign(c, before, in, ctx, &sink);
    for (const auto& dgn : sink.items())
      if (dgn.severity == Severity::kError) problems.Append({dgn});
    step.event.payload.Set("by_rule", Value::String("auto"));
    step.event.at = settings.time_zone.ToLocal(now);
    step.event.by = op.ToString();
    c.events.push_back(step.event);
    c.state = Replay(c, settings).state;
    DiagnosticSink checks;
    CheckCase(c, Value(), targets[i].path, cc, &checks);
    for (const auto& dgn : checks.items())
      if (dgn.severity == Severity::kError) problems.Append({dgn});
    w.Put(targets[i].path, CaseToValue(c));
  }
  if (problems.error_count() > 0)
    return Status::Rejected(
        Tr("{0} problem(s); assign --auto refused, nothing written", problems.error_count()),
        problems.items());
  std::string message = "assign: " + std::to_string(targets.size()) +
                        (targets.size() == 1 ? " case" : " cases") +
                        " (auto)\n\nMediate-Action: assign\n";
  if (targets.size() <= 20)
    for (const auto& t : targets) message += "Mediate-Case: " + t.record.id + "\n";
  auto commit = w.Commit(op, message);
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
