#include "grade_eligibility.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "i18n.hpp"
#include "store.hpp"
#include "timeline.hpp"

namespace mediate {

namespace {

int WholeYears(Date from, Date to) {
  if (!from.valid() || !to.valid() || to < from) return from.valid() ? 0 : -1;
  int years = to.year() - from.year();
  if (to.month() < from.month() || (to.month() == from.month() && to.day() < from.day())) --years;
  return years;
}

std::string Percent(double ratio) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", ratio * 100.0);
  return buf;
}

}  // namespace

std::vector<std::string> EscalatedFrom(const Case& c) {
  std::vector<std::string> current, out;
  for (const auto& e : c.events) {
    if (ParseEventKind(e.type) == EventKind::kAssigned) {
      current = e.GetList("mediators");
    } else if (ParseEventKind(e.type) == EventKind::kRouted) {
      current.clear();
    } else if (ParseEventKind(e.type) == EventKind::kEscalated) {
      for (const auto& m : current)
        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
      current.clear();
    }
  }
  return out;
}

std::map<std::string, MediatorRecord> ComputeRecordsFrom(
    const std::vector<CaseSummary>& cases,
    const std::map<std::string, std::vector<std::string>>& escalated_from,
    const std::vector<Training>& trainings, const MediatorRegistry& mediators, Date as_of) {
  std::map<std::string, MediatorRecord> out;
  for (const auto& [id, m] : mediators) out[id].years = WholeYears(m.filed, as_of);
  for (const auto& c : cases) {
    if (c.received.valid() && c.received > as_of) continue;
    if (auto it = escalated_from.find(c.id); it != escalated_from.end())
      for (const auto& m : it->second)
        if (auto r = out.find(m); r != out.end()) ++r->second.escalations;
    bool concluded = (c.outcome == "agreed" || c.outcome == "terminated") && c.concluded.valid() &&
                     c.concluded <= as_of;
    if (!concluded) continue;
    for (const auto& m : c.mediators) {
      auto r = out.find(m);
      if (r == out.end()) continue;
      ++r->second.cases;
      if (c.outcome == "agreed") {
        ++r->second.agreed;
        if (c.agreement_form == "oral") ++r->second.oral;
      }
    }
  }
  for (const auto& t : trainings) {
    if (!t.date.valid() || t.date > as_of) continue;
    for (const auto& a : t.attendees)
      if (auto r = out.find(a); r != out.end()) r->second.training_tenths += t.hours_tenths;
  }
  return out;
}

Result<std::map<std::string, MediatorRecord>> ComputeMediatorRecords(
    const Store& store, const std::vector<Training>& trainings, Date as_of) {
  ScanOptions options;
  options.keep = [](const CaseSummary& c) { return !c.mediators.empty() || c.escalations > 0; };
  CaseScan scan = store.ScanCases(options);
  MEDIATE_RETURN_IF_ERROR(RefuseDuplicateCaseIds(scan.duplicates));
  if (scan.unreadable > 0)
    return Status::Rejected(
        Tr("{0} case files cannot be read; no records were computed", scan.unreadable),
        scan.problems);
  std::map<std::string, std::vector<std::string>> escalated_from;
  DiagnosticSink sink;
  for (const auto& c : scan.cases) {
    if (c.escalations == 0) continue;
    LoadedCase lc = store.LoadCaseFile(c.path);
    if (!lc.ok) {
      sink.Append(lc.diagnostics);
      continue;
    }
    escalated_from[c.id] = EscalatedFrom(lc.record);
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(_("case files cannot be read; no records were computed")));
  return ComputeRecordsFrom(scan.cases, escalated_from, trainings, store.mediators(), as_of);
}

std::vector<std::string> UnmetThresholds(const MediatorRecord& r, const GradeThresholds& g) {
  std::vector<std::string> out;
  if (g.min_years >= 0 && r.years < g.min_years)
    out.push_back("years " + (r.years < 0 ? std::string("unknown") : std::to_string(r.years)) +
                  " < " + std::to_string(g.min_years));
  if (g.min_cases >= 0 && r.cases < g.min_cases)
    out.push_back("cases " + std::to_string(r.cases) + " < " + std::to_string(g.min_cases));
  if (g.min_success_percent >= 0 && r.success() * 100.0 < g.min_success_percent - 1e-9)
    out.push_back("success " + Percent(r.success()) + " < " +
                  std::to_string(g.min_success_percent) + "%");
  if (g.max_oral_percent >= 0 && r.oral_share() * 100.0 > g.max_oral_percent + 1e-9)
    out.push_back("oral " + Percent(r.oral_share()) + " > " + std::to_string(g.max_oral_percent) +
                  "%");
  if (g.min_training_hours >= 0 && r.training_tenths < g.min_training_hours * 10LL)
    out.push_back("training " + FormatHours(r.training_tenths) + " h < " +
                  std::to_string(g.min_training_hours) + " h");
  if (g.max_escalations >= 0 && r.escalations > g.max_escalations)
    out.push_back("escalations " + std::to_string(r.escalations) + " > " +
                  std::to_string(g.max_escalations));
  return out;
}

std::vector<GradeCheck> CheckGrades(const std::map<std::string, MediatorRecord>& records,
                                    const MediatorRegistry& mediators, const TeamSettings& team,
                                    const std::vector<int>& grades) {
  std::vector<int> order = grades;
  std::sort(order.begin(), order.end());
  std::vector<GradeCheck> out;
  for (int g : order) {
    auto th = team.grades.find(g);
    if (th == team.grades.end()) continue;
    for (const auto& [id, m] : mediators) {
      if (m.status != "active") continue;
      GradeCheck c;
      c.id = id;
      c.name = m.name;
      c.org = m.org;
      c.current_grade = m.grade;
      c.checked_grade = g;
      auto r = records.find(id);
      if (r != records.end()) c.record = r->second;
      c.unmet = UnmetThresholds(c.record, th->second);
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace mediate
