#include "ledger_history.hpp"

#include <algorithm>
#include <functional>

#include "i18n.hpp"

namespace mediate {
namespace {

/// "调解成功" for messages.
const char* OutcomeZh(const std::string& outcome) {
  return outcome == "agreed" ? "调解成功" : outcome == "terminated" ? "调解不成功" : "?";
}

/// Prefers an active organisation: the first active match, else the first.
const Organisation* Pick(const OrgRegistry& orgs,
                         const std::function<bool(const Organisation&)>& match) {
  const Organisation* fallback = nullptr;
  for (const auto& [id, org] : orgs) {
    if (!match(org)) continue;
    if (org.status == "active") return &org;
    if (!fallback) fallback = &org;
  }
  return fallback;
}

Event MakeEvent(const char* type, Date on, const TimeZone& tz, const std::string& by) {
  Event e;
  e.type = type;
  e.at = tz.At(on);
  e.by = by;
  e.payload.Set("date", Value::String(on.ToString()));
  return e;
}

}  // namespace

bool LedgerHistory::empty() const {
  return level.empty() && outcome.empty() && form.empty() && !concluded.valid() &&
         performance.empty() && !confirmed.valid() && !visited.valid();
}

std::vector<HistoryProblem> CheckHistory(const LedgerHistory& h, Date received) {
  std::vector<HistoryProblem> out;
  auto error = [&](HistoryField f, std::string m) {
    out.push_back({f, std::move(m), Severity::kError});
  };
  auto warning = [&](HistoryField f, std::string m) {
    out.push_back({f, std::move(m), Severity::kWarning});
  };
  if (h.empty()) return out;

  const bool any_conclusion = !h.level.empty() || !h.outcome.empty() || h.concluded.valid();
  if (!any_conclusion) {
    // Later steps with nothing they could follow.
    const std::string given =
        _("is given without a conclusion (化解层级, 调解结果 and 结案日期 are blank)");
    if (!h.form.empty()) error(HistoryField::kForm, given);
    if (!h.performance.empty()) error(HistoryField::kPerformance, given);
    if (h.confirmed.valid())
      error(HistoryField::kConfirmed,
            Tr("a judicial confirmation on {0} without a conclusion (化解层级, 调解结果 and "
               "结案日期 are blank)",
               h.confirmed.ToString()));
    if (h.visited.valid())
      error(HistoryField::kVisited,
            Tr("a return visit on {0} without a conclusion (化解层级, 调解结果 and 结案日期 are "
               "blank)",
               h.visited.ToString()));
    return out;
  }
  if (h.level.empty())
    error(HistoryField::kLevel,
          _("is blank, but the row has an outcome: say where the case was settled (网格, 社区, "
            "街道 or 区)"));
  else if (h.level != "grid" && h.level != "community" && h.level != "street" &&
           h.level != "district")
    error(HistoryField::kLevel,
          _("is not a level a district ledger settles at: 网格, 社区, 街道 or 区"));
  if (h.outcome.empty())
    error(HistoryField::kOutcome,
          _("is blank, but the row has a history: say 调解成功 or 调解不成功"));
  else if (h.outcome != "agreed" && h.outcome != "terminated")
    error(HistoryField::kOutcome,
          _("cannot be migrated: a ledger's history is 调解成功 (agreed) or 调解不成功 "
            "(terminated)"));
  if (!h.concluded.valid())
    error(HistoryField::kConcluded,
          _("is blank, but the row has a history: give the date the case was concluded (调结)"));

  if (h.concluded.valid() && received.valid() && h.concluded < received)
    error(HistoryField::kConcluded,
          Tr("{0} is before the date registered ({1}): a case is concluded after it is received",
             h.concluded.ToString(), received.ToString()));
  const bool failed = h.outcome == "terminated";
  if (failed) {
    const char* zh = OutcomeZh(h.outcome);
    if (!h.form.empty())
      error(HistoryField::kForm,
            Tr("is given, but a failed mediation ({0}) has no agreement (Law Art. 26)", zh));
    if (!h.performance.empty())
      error(HistoryField::kPerformance,
            Tr("is given, but a failed mediation ({0}) has no agreement to perform (Law Art. 26)",
               zh));
    if (h.confirmed.valid())
      error(HistoryField::kConfirmed,
            Tr("a judicial confirmation on {0}, but a failed mediation ({1}) has no agreement to "
               "confirm (Law Art. 26)",
               h.confirmed.ToString(), zh));
    if (h.visited.valid())
      error(HistoryField::kVisited,
            Tr("a return visit on {0}, but a failed mediation ({1}) has no agreement whose "
               "performance a visit checks (Law Art. 31)",
               h.visited.ToString(), zh));
  }
  if (h.concluded.valid() && h.confirmed.valid() && h.confirmed < h.concluded && !failed)
    error(HistoryField::kConfirmed,
          Tr("{0} is before the date concluded ({1}): judicial confirmation is applied for after "
             "the agreement (Law Art. 33)",
             h.confirmed.ToString(), h.concluded.ToString()));
  if (h.concluded.valid() && h.visited.valid() && h.visited < h.concluded)
    error(HistoryField::kVisited,
          Tr("{0} is before the date concluded ({1}): a return visit follows the conclusion",
             h.visited.ToString(), h.concluded.ToString()));
  if (h.outcome == "agreed") {
    if (h.form.empty())
      warning(HistoryField::kForm,
              _("is blank for a successful case: the agreement form is left unknown"));
    if (h.performance.empty() && h.visited.valid())
      warning(HistoryField::kPerformance,
              _("is blank, so the visited case cannot be closed (closing needs performance "
                "recorded and a return visit); it stays agreed"));
  }
  return out;
}

Result<const Organisation*> SettlingOrganisation(const std::string& level, const Place& place,
                                                 const OrgRegistry& orgs) {
  if (level == "grid" || level == "community") {
    if (place.community.empty())
      return Status::Rejected(
          _("a case settled at community or grid level needs its community (所属社区 or "
            "网格编号)"));
    const Organisation* org = Pick(orgs, [&](const Organisation& o) {
      return o.kind == "community_committee" && o.community == place.community;
    });
    if (!org)
      return Status::Rejected(
          Tr("no community committee of {0} in orgs/: register it before migrating its cases",
             place.community));
    return org;
  }
  if (level == "street") {
    const Organisation* org = Pick(orgs, [&](const Organisation& o) {
      return o.kind == "street_committee" && o.street == place.street;
    });
    if (!org)
      return Status::Rejected(
          Tr("no street committee of {0} in orgs/: register it before migrating its cases",
             place.street));
    return org;
  }
  if (level == "district") {
    const Organisation* org =
        Pick(orgs, [](const Organisation& o) { return o.kind == "district_centre"; });
    if (!org)
      return Status::Rejected(
          _("no district centre (kind district_centre) in orgs/: register it before migrating "
            "its cases"));
    return org;
  }
  return Status::Rejected(Tr("no organisation settles cases at level \"{0}\"", level));
}

void AppendMigratedEvents(Case* c, const LedgerHistory& h, const Organisation& org,
                          const TimeZone& tz, const std::string& by) {
  const Date received = tz.LocalDate(c->received);
  if (!c->events.empty() && !c->events.front().payload.Find("date"))
    c->events.front().payload.Set("date", Value::String(received.ToString()));
  std::vector<Event> events;

  Event routed = MakeEvent("routed", received, tz, by);
  routed.payload.Set("org", Value::String(org.id));
  routed.payload.Set("level", Value::String(h.level));
  if (h.level == "grid") routed.payload.Set("grid_worker", Value::Null());
  events.push_back(std::move(routed));

  const bool agreed = h.outcome == "agreed";
  Event concluded = MakeEvent(agreed ? "agreed" : "terminated", h.concluded, tz, by);
  if (agreed && !h.form.empty()) concluded.payload.Set("form", Value::String(h.form));
  events.push_back(std::move(concluded));

  if (agreed && h.confirmed.valid()) {
    Event e = MakeEvent("confirmation", h.confirmed, tz, by);
    e.payload.Set("result", Value::String("confirmed"));
    e.payload.Set("applied", Value::String(h.confirmed.ToString()));
    events.push_back(std::move(e));
  }
  if (agreed && !h.performance.empty()) {
    Event e = MakeEvent("performance", h.visited.valid() ? h.visited : h.concluded, tz, by);
    e.payload.Set("performance", Value::String(h.performance));
    events.push_back(std::move(e));
  }
  if (h.visited.valid()) events.push_back(MakeEvent("visited", h.visited, tz, by));
  if (agreed && !h.performance.empty() && h.visited.valid()) {
    // The file is closed once the visit is made — or, when the court's
    // confirmation came later, with the confirmation papers in it.
    Date on = h.confirmed.valid() && h.confirmed > h.visited ? h.confirmed : h.visited;
    events.push_back(MakeEvent("closed", on, tz, by));
  } else if (!agreed) {
    events.push_back(MakeEvent("closed", h.concluded, tz, by));
  }

  // Date order; same-day events keep the order above.
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.at < b.at; });
  for (Event& e : events) c->events.push_back(std::move(e));
  c->migrated = true;
}

}  // namespace mediate
