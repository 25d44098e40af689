#include "lifecycle.hpp"

#include <algorithm>

#include "settings.hpp"

namespace mediate {

std::string Event::Get(const char* key) const {
  const Value* v = payload.Find(key);
  return v && v->is_scalar() ? v->text() : std::string();
}

std::vector<std::string> Event::GetList(const char* key) const {
  std::vector<std::string> out;
  const Value* v = payload.Find(key);
  if (v && v->is_sequence())
    for (const auto& item : v->items()) out.push_back(item.text());
  return out;
}

Date EventDate(const Event& e, const Settings& settings) {
  if (const Value* d = e.payload.Find("date"); d && d->is_scalar()) {
    if (auto parsed = Date::Parse(d->text())) return *parsed;
  }
  return settings.time_zone.LocalDate(e.at);
}

int ConcludeLimitDays(const Case& c, const Settings& s) {
  if (c.source == "court_delegated") return s.limits.court_delegated_days;
  if (c.source == "court_entrusted")
    return c.procedure == "court_summary" ? s.limits.court_entrusted_summary_days
                                          : s.limits.court_entrusted_ordinary_days;
  return s.limits.conclude_days;
}

Derived Replay(const Case& c, const Settings& settings) {
  Derived d;
  d.state.status = "received";
  Date received = settings.time_zone.LocalDate(c.received);
  if (received.valid()) d.state.deadline = received.AddDays(ConcludeLimitDays(c, settings));
  for (const Event& e : c.events) {
    const std::string& t = e.type;
    Date on = EventDate(e, settings);
    if (t == "received") {
      d.state.status = "received";
    } else if (t == "routed" || t == "escalated") {
      d.state.org = e.Get("org");
      d.state.level = e.Get("level");
      d.state.mediators.clear();
      d.state.status = "routed";
      if (t == "escalated") ++d.escalations;
      // A grid-level case is handled by the grid worker named on routing.
      if (!e.Get("grid_worker").empty()) d.state.status = "mediating";
    } else if (t == "assigned") {
      d.state.mediators = e.GetList("mediators");
      if (!e.Get("grid_worker").empty() || !d.state.mediators.empty())
        d.state.status = "mediating";
    } else if (t == "extended") {
      if (auto nd = Date::Parse(e.Get("deadline"))) d.state.deadline = *nd;
      d.extended = true;
    } else if (t == "agreed") {
      d.state.status = "agreed";
      d.outcome = "agreed";
      d.concluded = on;
      d.agreement_form = e.Get("form");
      auto eff = Date::Parse(e.Get("effective"));
      d.agreement_effective = eff ? *eff : on;
      if (auto pd = Date::Parse(e.Get("performance_deadline"))) d.performance_deadline = *pd;
    } else if (t == "terminated") {
      d.state.status = "terminated";
      d.outcome = "terminated";
      d.concluded = on;
    } else if (t == "withdrawn") {
      d.state.status = "withdrawn";
      d.outcome = "withdrawn";
    } else if (t == "refused") {
      d.state.status = "refused";
      d.outcome = "refused";
    } else if (t == "confirmation") {
      d.confirmation = e.Get("result");
      if (auto a = Date::Parse(e.Get("applied"))) {
        if (!d.confirmation_applied.valid()) d.confirmation_applied = *a;
      } else if (d.confirmation == "applied" && !d.confirmation_applied.valid()) {
        d.confirmation_applied = on;
      }
    } else if (t == "performance") {
      d.performance = e.Get("performance");
    } else if (t == "visited") {
      if (!d.visited.valid()) d.visited = on;
    } else if (t == "visit_waived") {
      d.visit_waived = true;
    } else if (t == "closed") {
      d.state.status = "closed";
      d.closed = on;
    }
  }
  return d;
}

std::vector<std::string> AllowedSteps(const Case& c, const Derived& d) {
  const std::string& s = d.state.status;
  std::vector<std::string> steps;
  if (s == "received") {
    steps = {"routed", "refused", "withdrawn"};
  } else if (s == "routed") {
    steps = {"assigned", "escalated", "withdrawn", "extended"};
  } else if (s == "mediating") {
    steps = {"session", "assigned", "agreed", "terminated", "withdrawn", "escalated", "extended"};
  } else if (s == "agreed") {
    steps = {"confirmation", "performance", "visited", "visit_waived"};
    bool performed = !d.performance.empty();
    bool visited = d.visited.valid() || d.visit_waived;
    if (performed && visited) steps.push_back("closed");
  } else if (s == "terminated") {
    steps = {"closed"};
  }
  (void)c;
  return steps;
}

Status CheckStep(const Case& c, const Derived& d, const std::string& step) {
  auto steps = AllowedSteps(c, d);
  if (std::find(steps.begin(), steps.end(), step) != steps.end()) return Status::Ok();
  std::string list;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (i) list += i + 1 == steps.size() ? " or " : ", ";
    list += steps[i];
  }
  std::string msg = c.id + " is \"" + d.state.status + "\": ";
  msg += steps.empty() ? "no further step is possible" : "it can be " + list;
  return Status::Rejected(msg);
}

CaseSummary Summarize(const Case& c, const std::string& path, const Settings& settings) {
  Derived d = Replay(c, settings);
  CaseSummary s;
  s.id = c.id;
  s.path = path;
  s.file_no = c.file_no;
  s.received = settings.time_zone.LocalDate(c.received);
  s.received_unix = c.received.unix_seconds;
  s.source = c.source;
  s.category = c.category;
  s.risk = c.risk;
  s.summary = c.summary;
  s.amount_fen = c.amount_fen;
  s.people_involved = c.people_involved;
  s.street = c.place.street;
  s.community = c.place.community;
  s.grid = c.place.grid;
  s.status = d.state.status;
  s.level = d.state.level;
  s.org = d.state.org;
  s.mediators = d.state.mediators;
  s.deadline = d.state.deadline;
  s.outcome = d.outcome;
  s.concluded = d.concluded;
  s.closed = d.closed;
  s.agreement_form = d.agreement_form;
  s.performance = d.performance;
  s.agreement_effective = d.agreement_effective;
  s.confirmation_applied = d.confirmation_applied;
  s.confirmation = d.confirmation;
  s.visited = d.visited;
  s.escalations = d.escalations;
  s.extended = d.extended;
  s.migrated = c.migrated;
  s.import_fingerprint = c.import.fingerprint;
  for (const Party& p : c.parties) {
    std::string key = !p.id_number.empty()     ? p.id_number
                      : !p.credit_code.empty() ? p.credit_code
                                               : p.name + "|" + p.phone;
    s.party_keys.push_back(std::move(key));
    s.party_kinds.push_back(p.kind);
  }
  return s;
}

}  // namespace mediate
