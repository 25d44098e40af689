#include "lifecycle.hpp"

#include <algorithm>

#include "i18n.hpp"
#include "party_lookup.hpp"
#include "personal_fields.hpp"
#include "settings.hpp"
#include "timeline_labels.hpp"
#include "vocab.hpp"

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
  return ReplayFirst(c, c.events.size(), settings);
}

Derived ReplayFirst(const Case& c, std::size_t n, const Settings& settings) {
  Derived d;
  CaseStatus status = CaseStatus::kReceived;
  d.clock_start = settings.time_zone.LocalDate(c.received);
  d.limit_days = ConcludeLimitDays(c, settings);
  if (d.clock_start.valid()) d.state.deadline = d.clock_start.AddDays(d.limit_days);
  for (std::size_t i = 0; i < std::min(n, c.events.size()); ++i) {
    const Event& e = c.events[i];
    const std::optional<EventKind> kind = ParseEventKind(e.type);
    if (!kind) continue;  // an unknown kind changes nothing (validate reports it)
    const EventKindInfo& row = InfoOf(*kind);
    const int index = static_cast<int>(i);
    Date on = EventDate(e, settings);
    // The status the table says the kind leads to; the kinds' own fields below.
    if (row.leads_to) status = *row.leads_to;
    switch (*kind) {
      case EventKind::kRouted:
      case EventKind::kEscalated: {
        d.state.org = e.Get("org");
        d.state.level = e.Get("level");
        d.state.mediators.clear();
        d.grid_worker = e.Get("grid_worker");
        if (*kind == EventKind::kEscalated) ++d.escalations;
        // A routing rule may set its own time limit (rules/routing.yaml
        // deadline_days: store setting, local practice), counted from acceptance.
        if (*kind == EventKind::kRouted) {
          std::string days = e.Get("deadline_days");
          if (!days.empty() && days.size() < 4 &&
              days.find_first_not_of("0123456789") == std::string::npos && std::stoi(days) > 0) {
            d.limit_days = std::stoi(days);
            if (d.clock_start.valid() && !d.extended)
              d.state.deadline = d.clock_start.AddDays(d.limit_days);
          }
        }
        // A grid-level case is handled by the grid worker named on routing.
        if (!d.grid_worker.empty()) status = CaseStatus::kMediating;
        break;
      }
      case EventKind::kAssigned: {
        if (e.payload.Find("mediators")) d.state.mediators = e.GetList("mediators");
        d.grid_worker = e.Get("grid_worker");
        if (std::string level = e.Get("level"); !level.empty()) d.state.level = level;
        // Mediating only once someone mediates: an assignment naming nobody
        // leaves the status as it was.
        if (d.grid_worker.empty() && d.state.mediators.empty()) status = d.status;
        // Court-invited mediation runs from the receipt of the materials (SPC 2016).
        if (auto m = Date::Parse(e.Get("materials_received")); m && IsCourtInvited(c)) {
          d.clock_start = *m;
          if (!d.extended) d.state.deadline = m->AddDays(d.limit_days);
        }
        break;
      }
      case EventKind::kExtended:
        if (auto nd = Date::Parse(e.Get("deadline"))) d.state.deadline = *nd;
        d.extended = true;
        break;
      case EventKind::kAgreed: {
        d.concluded = on;
        d.agreement_form = e.Get("form");
        auto eff = Date::Parse(e.Get("effective"));
        d.agreement_effective = eff ? *eff : on;
        if (auto pd = Date::Parse(e.Get("performance_deadline"))) d.performance_deadline = *pd;
        d.agreed_event = index;
        break;
      }
      case EventKind::kTerminated:
        d.concluded = on;
        d.terminated_event = index;
        break;
      case EventKind::kConfirmation:
        d.confirmation = e.Get("result");
        if (std::string court = e.Get("court"); !court.empty()) d.confirmation_court = court;
        if (auto a = Date::Parse(e.Get("applied"))) {
          if (!d.confirmation_applied.valid()) d.confirmation_applied = *a;
        } else if (d.confirmation == "applied" && !d.confirmation_applied.valid()) {
          d.confirmation_applied = on;
        }
        if (auto dec = Date::Parse(e.Get("decided"))) {
          d.confirmation_decided = *dec;
        } else if (d.confirmation == "confirmed" || d.confirmation == "rejected" ||
                   d.confirmation == "withdrawn") {
          d.confirmation_decided = on;
        }
        break;
      case EventKind::kPerformance:
        d.performance = e.Get("performance");
        break;
      case EventKind::kVisited:
        if (!d.visited.valid()) d.visited = on;
        if (std::string p = e.Get("performance"); !p.empty()) d.performance = p;
        d.visit_event = index;
        break;
      case EventKind::kVisitWaived:
        d.visit_waived = true;
        break;
      case EventKind::kClosed:
        d.closed = on;
        d.closed_event = index;
        break;
      case EventKind::kReceived:
      case EventKind::kRefused:
      case EventKind::kWithdrawn:
      case EventKind::kSession:
      case EventKind::kNote:
      case EventKind::kAmended:
      case EventKind::kResolved:
      case EventKind::kRenumbered:
      case EventKind::kErased:
        break;
    }
    // The outcome is the status a conclusion, withdrawal or refusal led to.
    if (row.leads_to && (status == CaseStatus::kAgreed || status == CaseStatus::kTerminated ||
                         status == CaseStatus::kWithdrawn || status == CaseStatus::kRefused))
      d.outcome = CodeOf(status);
    d.status = status;
  }
  d.status = status;
  d.state.status = CodeOf(status);
  return d;
}

bool ConfirmationPending(const Derived& d) { return d.confirmation == "applied"; }

std::vector<std::string> AllowedSteps(const Case& c, const Derived& d) {
  std::vector<std::string> steps;
  for (EventKind k : AllowedKinds(c, d)) steps.emplace_back(CodeOf(k));
  return steps;
}

std::vector<EventKind> AllowedKinds(const Case& c, const Derived& d) {
  const bool performed = !d.performance.empty();
  const bool visited = d.visited.valid() || d.visit_waived;
  std::vector<EventKind> kinds;
  for (const EventKindInfo& row : EventKinds()) {
    if (!row.listed || !MayFollow(row.kind, d.status, c.migrated)) continue;
    switch (row.guard) {
      case StepGuard::kNone:
        break;
      case StepGuard::kLevelAbove:
        if (NextLevel(d.state.level).empty()) continue;
        break;
      case StepGuard::kFileComplete:
        if (d.status == CaseStatus::kAgreed && !(performed && visited && !ConfirmationPending(d)))
          continue;
        break;
      case StepGuard::kNotVisited:
        if (visited) continue;
        break;
      case StepGuard::kWasAgreed:
        if (d.status == CaseStatus::kClosed && d.outcome != "agreed") continue;
        break;
    }
    kinds.push_back(row.kind);
  }
  return kinds;
}

namespace {

/// A level's code in English, its Chinese label when translation is on.
std::string ShownLevel(const std::string& code) {
  if (!TranslationOn()) return code;
  std::string zh = Vocabulary::Builtin().level().Zh(code);
  return zh.empty() ? code : zh;
}

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

/// The command that records `step` ("agreed" → "agree"), from the table.
std::string StepCommand(const std::string& step) {
  if (auto k = ParseEventKind(step); k && *InfoOf(*k).command) return InfoOf(*k).command;
  return step;
}

/// What `step` needs, said after the list of allowed steps.
std::string StepNeeds(const Derived& d, const std::string& step) {
  const CaseStatus s = d.status;
  // The command in English ("agree needs …"), the step's label in Chinese.
  const std::string cmd = TranslationOn() ? ShownEvent(step) : StepCommand(step);
  if (step == "closed") {
    if (s == CaseStatus::kAgreed) {
      const bool perform = d.performance.empty();
      const bool visit = !d.visited.valid() && !d.visit_waived;
      std::string out;
      if (perform && visit)
        out =
            _("close needs performance recorded (mediate perform) and a return visit (mediate "
              "visit) or a recorded reason for none (Law Art. 31)");
      else if (perform)
        out = _("close needs performance recorded (mediate perform) (Law Art. 31)");
      else if (visit)
        out =
            _("close needs a return visit (mediate visit) or a recorded reason for none (Law "
              "Art. 31)");
      if (ConfirmationPending(d)) {
        const std::string on = d.confirmation_applied.ToString();
        std::string wait =
            d.confirmation_court.empty()
                ? Tr("waits for the court: judicial confirmation was applied for on {0} and is "
                     "not decided; record the result first (mediate confirm --result "
                     "confirmed|rejected|withdrawn; Law Art. 33)",
                     on)
                : Tr("waits for the court: judicial confirmation was applied for on {0} at {1} "
                     "and is not decided; record the result first (mediate confirm --result "
                     "confirmed|rejected|withdrawn; Law Art. 33)",
                     on, d.confirmation_court);
        out = out.empty() ? Tr("close {0}", wait) : Tr("{0};\nit {1}", out, wait);
      }
      return out;
    }
    return _(
        "close needs an agreement with performance and a return visit, a termination, a "
        "refusal or a withdrawal");
  }
  if (step == "agreed" || step == "terminated" || step == "session") {
    if (s == CaseStatus::kReceived)
      return Tr("{0} needs the case routed and mediators assigned first", cmd);
    if (s == CaseStatus::kRouted)
      return Tr(
          "{0} needs mediation under way: assign mediators first (Law Art. 19), or a grid "
          "worker at grid level",
          cmd);
    return Tr("{0} needs a case under mediation", cmd);
  }
  if (step == "escalated") {
    if ((s == CaseStatus::kRouted || s == CaseStatus::kMediating) &&
        NextLevel(d.state.level).empty())
      return d.state.level.empty()
                 ? _("escalate: it is at no level and there is no level above it (2002 "
                     "Provisions Art. 21)")
                 : Tr("escalate: it is at {0} level and there is no level above it (2002 "
                      "Provisions Art. 21)",
                      ShownLevel(d.state.level));
    return _("escalate moves a routed or mediating case one level up (2002 Provisions Art. 21)");
  }
  if (step == "refused")
    return _(
        "refusal (不予受理) is decided on a received case before routing (2002 Provisions "
        "Art. 22)");
  if (step == "routed")
    return _(
        "route takes received cases; moving a case up a level is escalate (2002 Provisions "
        "Art. 21)");
  if (step == "withdrawn") return _("withdraw needs a case not yet concluded");
  if (step == "assigned") return _("assign needs a routed case not yet concluded");
  if (step == "extended")
    return _("extend needs a case not yet concluded (2002 Provisions Art. 33)");
  if (step == "confirmation")
    return s == CaseStatus::kClosed
               ? (d.outcome.empty()
                      ? _("judicial confirmation concerns an agreement; this closed case was not "
                          "agreed (Law Art. 33)")
                      : Tr("judicial confirmation concerns an agreement; this closed case was {0} "
                           "(Law Art. 33)",
                           ShownStatus(d.outcome)))
               : _("judicial confirmation follows an agreement (Law Art. 33)");
  if (step == "performance" || step == "visited" || step == "visit_waived")
    return Tr("{0} follows an agreement (Law Art. 31)", cmd);
  return "";
}

}  // namespace

Status CheckStep(const Case& c, const Derived& d, const std::string& step) {
  const std::optional<EventKind> kind = ParseEventKind(step);
  // note, amended, resolved and renumbered: allowed in every state, never listed.
  if (kind && !InfoOf(*kind).listed && MayFollow(*kind, d.status, c.migrated)) return Status::Ok();
  auto steps = AllowedSteps(c, d);
  if (std::find(steps.begin(), steps.end(), step) != steps.end()) return Status::Ok();
  std::string msg;
  if (steps.empty()) {
    msg = Tr("{0} is \"{1}\": no further step is possible", c.id, ShownStatus(d.state.status));
  } else {
    // English: "be agreed, terminated or withdrawn, or have a session
    // recorded"; Chinese: the steps' labels.
    std::string can;
    if (TranslationOn()) {
      for (const auto& s : steps) can += (can.empty() ? "" : "、") + ShownEvent(s);
    } else {
      std::vector<std::string> passive, recorded;
      for (const auto& s : steps) (IsPassiveStep(s) ? passive : recorded).push_back(s);
      for (auto& r : recorded) r = RecordedNoun(r);
      if (!passive.empty()) can += "be " + JoinOr(passive);
      if (!recorded.empty())
        can +=
            std::string(passive.empty() ? "" : ", or ") + "have " + JoinOr(recorded) + " recorded";
    }
    msg = Tr("{0} is \"{1}\": it can {2}", c.id, ShownStatus(d.state.status), can);
  }
  if (std::string needs = StepNeeds(d, step); !needs.empty())
    return Status::Rejected(Tr("{0};\n{1}.", msg, needs));
  return Status::Rejected(Tr("{0}.", msg));
}

std::string StepRule(EventKind kind, bool migrated) {
  const EventKindInfo& row = InfoOf(kind);
  std::vector<std::string> states;
  const StatusSet set = row.after | (migrated ? row.after_migrated : 0);
  for (const CaseStatusInfo& s : CaseStatuses())
    if (set & Bit(s.status)) states.emplace_back(s.code);
  const std::string code = ShownEvent(row.code);
  std::string rule;
  if (states.empty()) {
    rule = Tr("{0} opens the timeline", code);
  } else if (states.size() == CaseStatuses().size()) {
    rule = Tr("{0} may follow any state", code);
  } else if (TranslationOn()) {
    std::string labels;
    for (const auto& st : states) labels += (labels.empty() ? "" : "、") + ShownStatus(st);
    rule = Tr("{0} follows {1}", code, labels);
  } else {
    rule = Tr("{0} follows {1}", code, JoinOr(states));
  }
  switch (row.guard) {
    case StepGuard::kNone:
      break;
    case StepGuard::kLevelAbove:
      rule = Tr("{0}, when a level above exists", rule);
      break;
    case StepGuard::kFileComplete:
      rule =
          Tr("{0}, after an agreement once performance and a return visit (or a reason for none) "
             "are recorded and no judicial confirmation awaits the court",
             rule);
      break;
    case StepGuard::kNotVisited:
      rule = Tr("{0}, before a return visit", rule);
      break;
    case StepGuard::kWasAgreed:
      rule = Tr("{0}, a closed case only when it was agreed (supplementary)", rule);
      break;
  }
  return Tr("{0} ({1})", rule, _(row.article));
}

void CheckTimeline(const Case& c, const Settings& settings, const std::string& file,
                   DiagnosticSink* sink, const LocateFn& locate) {
  if (c.events.empty()) return;
  auto where = [&](const std::string& field) -> Location {
    return locate ? locate(field) : Location{file, 0, 0};
  };
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    const std::string base = "events[" + std::to_string(i) + "]";
    const std::string field = base + ".type";
    const std::optional<EventKind> kind = ParseEventKind(e.type);
    const Derived before = ReplayFirst(c, i, settings);
    if (i == 0) {
      if (kind != EventKind::kReceived) {
        sink->Error(where(field), field,
                    Tr("the timeline starts with \"{0}\", not \"{1}\"", ShownEvent("received"),
                       ShownEvent(e.type)));
        return;
      }
    } else {
      Status st = CheckStep(c, before, e.type);
      if (!st.ok()) {
        std::string why = st.message();
        std::replace(why.begin(), why.end(), '\n', ' ');
        if (kind) why = Tr("{0} The rule: {1}.", why, StepRule(*kind, c.migrated));
        sink->Error(where(field), field, Tr("\"{0}\" cannot follow: {1}", ShownEvent(e.type), why));
        return;  // later events are read against a state that never was
      }
    }
    if (!kind || !IsDatedStep(*kind)) continue;
    const EventKindInfo& row = InfoOf(*kind);
    const Date on = EventDate(e, settings);
    const bool dated = e.payload.Find("date") != nullptr;
    if (const PriorStep prior = StepBefore(c, i, *kind, settings);
        prior.index >= 0 && on.valid() && on < prior.date) {
      const std::string date_field = base + (dated ? ".date" : ".at");
      sink->Error(where(date_field), date_field,
                  Tr("\"{0}\" is dated {1}, before the {2} step it follows (events[{3}], {4}); "
                     "a step cannot precede the one before it",
                     ShownEvent(e.type), on.ToString(), ShownEvent(prior.type), prior.index,
                     prior.date.ToString()));
      return;
    }
    // A time limit on the step: recorded with a warning when past it.
    // Not for a migrated case: its dates are a ledger's past, nothing to act on.
    if (row.limit && *kind == EventKind::kConfirmation && !c.migrated &&
        before.agreement_effective.valid()) {
      const int window = settings.limits.*row.limit;
      Date applied;
      if (auto a = Date::Parse(e.Get("applied"))) {
        applied = *a;
      } else if (e.Get("result") == "applied") {
        applied = on;
      }
      if (applied.valid() && !before.confirmation_applied.valid() &&
          before.agreement_effective.DaysUntil(applied) > window) {
        std::string f = base + (e.payload.Find("applied") ? ".applied" : ".at");
        std::string text =
            Tr("judicial confirmation applied {0} days after the agreement took effect ({1}); "
               "the parties apply within {2} days ({3})",
               before.agreement_effective.DaysUntil(applied), before.agreement_effective.ToString(),
               window, _(row.article));
        if (row.late == Breach::kWarning) {
          sink->Warning(where(f), f, Tr("{0}; recorded, the court decides", text));
        } else {
          sink->Error(where(f), f, text);
        }
      }
    }
  }
}

Result<const Organisation*> EscalationTarget(const Case& c, const Derived& d,
                                             const OrgRegistry& orgs) {
  const std::string to = NextLevel(d.state.level);
  if (to.empty())
    return Status::Rejected(
        d.state.level.empty()
            ? Tr("{0} is at no level; there is no level above it (2002 Provisions Art. 21)", c.id)
            : Tr("{0} is at {1} level; there is no level above it (2002 Provisions Art. 21)", c.id,
                 ShownLevel(d.state.level)));
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
        Tr("{0}: no active community committee for community {1} in orgs/", c.id,
           c.place.community.empty() ? _("(the case names none)") : c.place.community));
  if (to == "street")
    return Status::Rejected(Tr("{0}: no active street committee for street {1} in orgs/", c.id,
                               street.empty() ? _("(the case names none)") : street));
  return Status::Rejected(
      Tr("{0}: no active district centre (kind district_centre) in orgs/", c.id));
}

CaseSummary Summarize(const Case& c, const std::string& path, const Settings& settings,
                      std::string_view lookup_key) {
  Derived d = Replay(c, settings);
  CaseSummary s;
  s.id = c.id;
  s.path = path;
  s.file_no = c.file_no;
  s.conflicts = static_cast<int>(c.conflicts.items().size());
  s.received = settings.time_zone.LocalDate(c.received);
  s.received_unix = c.received.unix_seconds;
  s.source = c.source;
  s.category = c.category;
  s.risk = c.risk;
  s.summary = c.summary;
  s.amount = c.amount;
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
  SummarizeParties(c, lookup_key, &s);
  for (const Event& e : c.events)
    if (e.type == "session")
      if (std::string note = e.Get("note"); !note.empty() && note != kSealedText)
        s.notes += note + "\n";
  return s;
}

}  // namespace mediate
