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

bool IsCourtInvited(const Case& c) {
  return c.source == "court_delegated" || c.source == "court_entrusted";
}

std::string NextLevel(const std::string& level) {
  if (level == "grid") return "community";
  if (level == "community") return "street";
  if (level == "street") return "district";
  return "";
}

Derived Replay(const Case& c, const Settings& settings) {
  Derived d;
  d.state.status = "received";
  d.clock_start = settings.time_zone.LocalDate(c.received);
  d.limit_days = ConcludeLimitDays(c, settings);
  if (d.clock_start.valid()) d.state.deadline = d.clock_start.AddDays(d.limit_days);
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    const std::string& t = e.type;
    const int index = static_cast<int>(i);
    Date on = EventDate(e, settings);
    if (t == "received") {
      d.state.status = "received";
    } else if (t == "routed" || t == "escalated") {
      d.state.org = e.Get("org");
      d.state.level = e.Get("level");
      d.state.mediators.clear();
      d.grid_worker = e.Get("grid_worker");
      d.state.status = "routed";
      if (t == "escalated") ++d.escalations;
      // A routing rule may set its own time limit (rules/routing.yaml
      // deadline_days: store setting, local practice), counted from acceptance.
      if (t == "routed") {
        std::string days = e.Get("deadline_days");
        if (!days.empty() && days.size() < 4 &&
            days.find_first_not_of("0123456789") == std::string::npos && std::stoi(days) > 0) {
          d.limit_days = std::stoi(days);
          if (d.clock_start.valid() && !d.extended)
            d.state.deadline = d.clock_start.AddDays(d.limit_days);
        }
      }
      // A grid-level case is handled by the grid worker named on routing.
      if (!d.grid_worker.empty()) d.state.status = "mediating";
    } else if (t == "assigned") {
      if (e.payload.Find("mediators")) d.state.mediators = e.GetList("mediators");
      d.grid_worker = e.Get("grid_worker");
      if (std::string level = e.Get("level"); !level.empty()) d.state.level = level;
      if (!d.grid_worker.empty() || !d.state.mediators.empty()) d.state.status = "mediating";
      // Court-invited mediation runs from the receipt of the materials (SPC 2016).
      if (auto m = Date::Parse(e.Get("materials_received")); m && IsCourtInvited(c)) {
        d.clock_start = *m;
        if (!d.extended) d.state.deadline = m->AddDays(d.limit_days);
      }
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
      d.agreed_event = index;
    } else if (t == "terminated") {
      d.state.status = "terminated";
      d.outcome = "terminated";
      d.concluded = on;
      d.terminated_event = index;
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
      if (auto dec = Date::Parse(e.Get("decided"))) {
        d.confirmation_decided = *dec;
      } else if (d.confirmation == "confirmed" || d.confirmation == "rejected") {
        d.confirmation_decided = on;
      }
    } else if (t == "performance") {
      d.performance = e.Get("performance");
    } else if (t == "visited") {
      if (!d.visited.valid()) d.visited = on;
      if (std::string p = e.Get("performance"); !p.empty()) d.performance = p;
      d.visit_event = index;
    } else if (t == "visit_waived") {
      d.visit_waived = true;
    } else if (t == "closed") {
      d.state.status = "closed";
      d.closed = on;
      d.closed_event = index;
    }
  }
  return d;
}

std::vector<std::string> AllowedSteps(const Case& c, const Derived& d) {
  const std::string& s = d.state.status;
  const bool can_escalate = !NextLevel(d.state.level).empty();
  std::vector<std::string> steps;
  if (s == "received") {
    steps = {"routed", "refused", "withdrawn"};
  } else if (s == "routed") {
    steps = {"assigned"};
    if (c.migrated) steps.insert(steps.end(), {"agreed", "terminated"});
    steps.push_back("withdrawn");
    if (can_escalate) steps.push_back("escalated");
    steps.push_back("extended");
  } else if (s == "mediating") {
    steps = {"assigned", "agreed", "terminated", "withdrawn"};
    if (can_escalate) steps.push_back("escalated");
    steps.insert(steps.end(), {"extended", "session"});
  } else if (s == "agreed") {
    bool performed = !d.performance.empty();
    bool visited = d.visited.valid() || d.visit_waived;
    if (performed && visited) steps.push_back("closed");
    steps.insert(steps.end(), {"confirmation", "performance", "visited"});
    if (!visited) steps.push_back("visit_waived");
  } else if (s == "terminated") {
    steps = {"closed"};
  }
  return steps;
}

namespace {

/// Steps that read "it can be <x>" and those that read "have <x> recorded".
bool IsPassiveStep(const std::string& step) {
  return step != "session" && step != "confirmation" && step != "performance" &&
         step != "visited" && step != "visit_waived";
}

std::string RecordedNoun(const std::string& step) {
  if (step == "session") return "a session";
  if (step == "confirmation") return "a judicial confirmation";
  if (step == "performance") return "performance";
  if (step == "visited") return "a return visit";
  if (step == "visit_waived") return "a reason for no return visit";
  return step;
}

std::string JoinOr(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

/// The command that records `step` ("agreed" → "agree").
std::string StepCommand(const std::string& step) {
  static const std::pair<const char*, const char*> kCommands[] = {{"routed", "route"},
                                                                  {"assigned", "assign"},
                                                                  {"session", "session"},
                                                                  {"escalated", "escalate"},
                                                                  {"extended", "extend"},
                                                                  {"agreed", "agree"},
                                                                  {"terminated", "terminate"},
                                                                  {"withdrawn", "withdraw"},
                                                                  {"refused", "refuse"},
                                                                  {"confirmation", "confirm"},
                                                                  {"performance", "perform"},
                                                                  {"visited", "visit"},
                                                                  {"visit_waived", "visit --none"},
                                                                  {"closed", "close"}};
  for (const auto& [s, cmd] : kCommands)
    if (step == s) return cmd;
  return step;
}

/// What `step` needs, said after the list of allowed steps.
std::string StepNeeds(const Derived& d, const std::string& step) {
  const std::string& s = d.state.status;
  const std::string cmd = StepCommand(step);
  if (step == "closed") {
    if (s == "agreed") {
      std::vector<std::string> missing;
      if (d.performance.empty()) missing.push_back("performance recorded (mediate perform)");
      if (!d.visited.valid() && !d.visit_waived)
        missing.push_back("a return visit (mediate visit) or a recorded reason for none");
      std::string needs;
      for (const auto& m : missing) needs += (needs.empty() ? "" : " and ") + m;
      return "close needs " + needs + " (Law Art. 31)";
    }
    return "close needs an agreement with performance and a return visit, or a termination";
  }
  if (step == "agreed" || step == "terminated" || step == "session") {
    if (s == "received") return cmd + " needs the case routed and mediators assigned first";
    if (s == "routed")
      return cmd +
             " needs mediation under way: assign mediators first (Law Art. 19), or a grid "
             "worker at grid level";
    return cmd + " needs a case under mediation";
  }
  if (step == "escalated") {
    if ((s == "routed" || s == "mediating") && NextLevel(d.state.level).empty())
      return "escalate: it is at " + (d.state.level.empty() ? "no" : d.state.level) +
             " level and there is no level above it (2002 Provisions Art. 21)";
    return "escalate moves a routed or mediating case one level up (2002 Provisions Art. 21)";
  }
  if (step == "refused")
    return "refusal (不予受理) is decided on a received case before routing (2002 Provisions Art. "
           "22)";
  if (step == "routed")
    return "route takes received cases; moving a case up a level is escalate (2002 Provisions "
           "Art. 21)";
  if (step == "withdrawn") return "withdraw needs a case not yet concluded";
  if (step == "assigned") return "assign needs a routed case not yet concluded";
  if (step == "extended") return "extend needs a case not yet concluded (2002 Provisions Art. 33)";
  if (step == "confirmation") return "judicial confirmation follows an agreement (Law Art. 33)";
  if (step == "performance" || step == "visited" || step == "visit_waived")
    return cmd + " follows an agreement (Law Art. 31)";
  return "";
}

}  // namespace

Status CheckStep(const Case& c, const Derived& d, const std::string& step) {
  if (step == "note") return Status::Ok();
  auto steps = AllowedSteps(c, d);
  if (std::find(steps.begin(), steps.end(), step) != steps.end()) return Status::Ok();
  std::vector<std::string> passive, recorded;
  for (const auto& s : steps) (IsPassiveStep(s) ? passive : recorded).push_back(s);
  for (auto& r : recorded) r = RecordedNoun(r);
  std::string msg = c.id + " is \"" + d.state.status + "\": ";
  if (steps.empty()) {
    msg += "no further step is possible";
  } else {
    msg += "it can ";
    if (!passive.empty()) msg += "be " + JoinOr(passive);
    if (!recorded.empty())
      msg += std::string(passive.empty() ? "" : ", or ") + "have " + JoinOr(recorded) + " recorded";
  }
  if (std::string needs = StepNeeds(d, step); !needs.empty()) msg += ";\n" + needs;
  return Status::Rejected(msg + ".");
}

void CheckTimeline(const Case& c, const Settings& settings, const std::string& file,
                   DiagnosticSink* sink) {
  if (c.events.empty()) return;
  Case partial = c;
  partial.events.clear();
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    std::string field = "events[" + std::to_string(i) + "].type";
    if (i == 0) {
      if (e.type != "received")
        sink->Error({file, 0, 0}, field,
                    "the timeline starts with \"received\", not \"" + e.type + "\"");
    } else if (e.type != "note") {
      Status st = CheckStep(partial, Replay(partial, settings), e.type);
      if (!st.ok()) {
        std::string why = st.message();
        std::replace(why.begin(), why.end(), '\n', ' ');
        sink->Error({file, 0, 0}, field, "\"" + e.type + "\" cannot follow: " + why);
      }
    }
    partial.events.push_back(e);
  }
}

Result<const Organisation*> EscalationTarget(const Case& c, const Derived& d,
                                             const OrgRegistry& orgs) {
  const std::string to = NextLevel(d.state.level);
  if (to.empty())
    return Status::Rejected(c.id + " is at " + (d.state.level.empty() ? "no" : d.state.level) +
                            " level; there is no level above it (2002 Provisions Art. 21)");
  std::string street = c.place.street;
  if (street.empty() && c.place.community.size() >= 9) street = c.place.community.substr(0, 9);
  for (const auto& [id, o] : orgs) {
    if (o.status != "active") continue;
    if (to == "community" && o.kind == "community_committee" && !c.place.community.empty() &&
        o.community == c.place.community)
      return &o;
    if (to == "street" && o.kind == "street_committee" && !street.empty() && o.street == street)
      return &o;
    if (to == "district" && o.kind == "district_centre") return &o;
  }
  if (to == "community")
    return Status::Rejected(
        c.id + ": no active community committee for community " +
        (c.place.community.empty() ? std::string("(the case names none)") : c.place.community) +
        " in orgs/");
  if (to == "street")
    return Status::Rejected(c.id + ": no active street committee for street " +
                            (street.empty() ? std::string("(the case names none)") : street) +
                            " in orgs/");
  return Status::Rejected(c.id + ": no active district centre (kind district_centre) in orgs/");
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
