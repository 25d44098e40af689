#include "lifecycle_steps.hpp"

#include "routing.hpp"

#include <algorithm>
#include <map>

#include "i18n.hpp"
#include "money.hpp"
#include "text_input.hpp"

namespace mediate {

using namespace step_options;

Step BuildAssign(const Case& c, const Derived& d, const AssignInput& in, const StepContext& ctx,
                 DiagnosticSink* sink) {
  Step s;
  s.event.type = "assigned";
  const bool grid_worker = !in.grid_worker.empty();
  if (in.mediators.empty() && !grid_worker)
    sink->Error(At(c), "mediators",
                _("name the mediators by id (Law Art. 19), or at grid level the grid worker "
                  "(--grid-worker NAME)"));
  if (!in.mediators.empty() && grid_worker)
    sink->Error(At(c), "--grid-worker",
                _("a grid-level case is handled by the grid worker and needs no mediator; give "
                  "either mediators or --grid-worker"));
  auto org = ctx.orgs->find(d.state.org);
  const bool community_committee =
      org != ctx.orgs->end() && org->second.kind == "community_committee";
  if (grid_worker) {
    // At grid level the grid worker under the community committee handles
    // the case (docs/lifecycle.md): only a case at grid level, or with its
    // community committee before any escalation, can be handed to one.
    bool at_grid = d.state.level == "grid";
    bool handover = d.state.level == "community" && community_committee && d.escalations == 0;
    if (!at_grid && !handover)
      sink->Error(
          At(c), "--grid-worker",
          d.state.level.empty()
              ? Tr("a grid worker handles a case at grid level, under its community committee; "
                   "{0} is at no level with {1}: assign mediators instead",
                   c.id, d.state.org)
              : Tr("a grid worker handles a case at grid level, under its community committee; "
                   "{0} is at {1} level with {2}: assign mediators instead",
                   c.id, ShownCode("level", d.state.level), d.state.org));
    s.event.payload.Set("grid_worker", Value::String(in.grid_worker));
    s.event.payload.Set("level", Value::String("grid"));
    if (!c.place.grid.empty()) s.event.payload.Set("grid", Value::String(c.place.grid));
    s.subject = "grid worker " + in.grid_worker;
    s.shown = Tr("grid worker {0}", in.grid_worker);
  } else if (d.state.level == "grid" && !in.mediators.empty()) {
    sink->Error(At(c), "mediators",
                _("at grid level the grid worker handles the case; escalate it to the community "
                  "committee (mediate escalate) to assign mediators"));
  }
  std::vector<std::string> seen;
  std::vector<std::string> named;
  for (const auto& id : in.mediators) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
      sink->Error(At(c), "mediators", Tr("{0} is named twice", id));
      continue;
    }
    seen.push_back(id);
    auto m = ctx.mediators->find(id);
    if (m == ctx.mediators->end()) {
      sink->Error(At(c), "mediators", Tr("unknown mediator {0} (mediators/{0}.yaml)", id));
      continue;
    }
    if (m->second.status != "active") {
      sink->Error(At(c), "mediators",
                  Tr("{0} {1} is {2}, not active", id, m->second.name,
                     ShownCode("mediator_status", m->second.status)));
      continue;
    }
    named.push_back(id + " " + m->second.name);
    if (!in.chosen_by_parties && !d.state.org.empty() && m->second.org != d.state.org)
      sink->Warning(At(c), "mediators",
                    Tr("{0} {1} belongs to {2}, not to {3} which handles the case", id,
                       m->second.name, m->second.org, d.state.org));
  }
  if (!in.date.empty()) {
    // A late entry: not before the step it follows (Law Art. 27).
    std::string not_before_what;
    Date not_before = NotBefore(c, ctx, EventKind::kAssigned, &not_before_what);
    Date on =
        DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what, sink);
    if (on.valid()) s.event.payload.Set("date", Value::String(on.ToString()));
  }
  if (!grid_worker) {
    s.event.payload.Set("mediators", Value::Strings(in.mediators).set_flow());
    s.event.payload.Set("chosen_by", Value::String(in.chosen_by_parties ? "parties" : "appointed"));
    s.subject = Joined(named, ", ");
    s.shown = Joined(named, TranslationOn() ? "、" : ", ");
  }
  if (!in.materials_received.empty()) {
    if (!IsCourtInvited(c))
      sink->Error(At(c), "--materials-received",
                  Tr("only a court-delegated or court-entrusted case runs from the receipt of the "
                     "court's materials (SPC 2016); this case's source is {0}",
                     ShownCode("source", c.source)));
    Date m = DateOption(c, "--materials-received", in.materials_received, {}, ctx.today,
                        ReceivedDate(c, ctx), _("the date received"), sink);
    if (m.valid()) {
      s.event.payload.Set("materials_received", Value::String(m.ToString()));
      s.notes.push_back(TrN("the time limit of {0} day now runs from {1} (SPC 2016)",
                            "the time limit of {0} days now runs from {1} (SPC 2016)", d.limit_days,
                            d.limit_days, m.ToString()));
    }
  } else if (IsCourtInvited(c) && d.clock_start == ReceivedDate(c, ctx) && !d.extended) {
    s.notes.push_back(
        Tr("court-invited mediation: its {0}-day limit runs from the receipt of the materials "
           "(SPC 2016); record that date with --materials-received DATE if it is not the date "
           "received",
           d.limit_days));
  }
  return s;
}

Step BuildSession(const Case& c, const Derived& d, const SessionInput& in, const StepContext& ctx,
                  DiagnosticSink* sink) {
  (void)d;
  Step s;
  s.event.type = "session";
  std::string mode = ResolveOrError(c, "session_mode", "--mode", in.mode, true, sink);
  std::string not_before_what;
  Date not_before = NotBefore(c, ctx, EventKind::kSession, &not_before_what);
  Date on =
      DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what, sink);
  if (on.valid()) s.event.payload.Set("date", Value::String(on.ToString()));
  s.event.payload.SetIfNotEmpty("mode", mode);
  if (!in.participants.empty())
    s.event.payload.Set("participants", Value::Strings(in.participants).set_flow());
  s.event.payload.SetIfNotEmpty("note", in.note);
  s.subject = on.ToString() + " " + mode;
  s.shown = on.ToString() + " " + ShownCode("session_mode", mode);
  return s;
}

Step BuildEscalate(const Case& c, const Derived& d, const EscalateInput& in, const StepContext& ctx,
                   DiagnosticSink* sink) {
  Step s;
  s.event.type = "escalated";
  if (in.reason.empty())
    sink->Error(At(c), "--reason",
                _("is required: why the dispute goes up a level (2002 Provisions Art. 21: "
                  "difficult or cross-area disputes)"));
  const std::string next = NextLevel(d.state.level);
  const Organisation* chosen = nullptr;
  std::string level = next;
  RoutingDecision routed;
  if (in.policy && !next.empty()) {
    // Escalation re-routes with the same rules at the new level.
    Case now = c;
    now.state = d.state;
    routed = Route(*in.policy, now, *ctx.areas, *ctx.orgs, RouteOptions{next});
    if (routed.routed) {
      auto it = ctx.orgs->find(routed.org);
      if (it != ctx.orgs->end() && it->second.id != d.state.org) {
        chosen = &it->second;
        level = routed.level;
      }
    }
  }
  if (!chosen) {
    auto target = EscalationTarget(c, d, *ctx.orgs);
    if (!target.ok()) {
      sink->Error(At(c), "escalate", target.status().message());
      return s;
    }
    chosen = *target;
    if (in.policy && !routed.rule.empty())
      s.notes.push_back(
          routed.routed
              ? Tr("the routing rules (rule \"{0}\") keep it with {1}; it goes to the {2} "
                   "organisation of its place",
                   routed.rule, routed.org, ShownCode("level", next))
              : Tr("the routing rules (rule \"{0}\") cannot route it: {1}; it goes to the {2} "
                   "organisation of its place",
                   routed.rule, routed.problem, ShownCode("level", next)));
    routed = RoutingDecision{};
  }
  const Organisation& to = *chosen;
  s.event.payload.Set("org", Value::String(to.id));
  s.event.payload.Set("level", Value::String(level));
  s.event.payload.Set("from_level", Value::String(d.state.level));
  s.event.payload.SetIfNotEmpty("from_org", d.state.org);
  s.event.payload.SetIfNotEmpty("reason", in.reason);
  if (!routed.rule.empty()) s.event.payload.Set("rule", Value::String(routed.rule));
  if (routed.mediator_grade > 0)
    s.event.payload.Set("mediator_grade", Value::Int(routed.mediator_grade));
  s.subject = d.state.level + " → " + level + " " + to.id;
  s.shown = ShownCode("level", d.state.level) + " → " + ShownCode("level", level) + " " + to.id;
  s.notes.push_back(Tr("now with {0} {1} ({2} level); assign its mediators: mediate assign {3} M-…",
                       to.id, to.name, ShownCode("level", level), c.id));
  return s;
}

Step BuildExtend(const Case& c, const Derived& d, const ExtendInput& in, const StepContext& ctx,
                 DiagnosticSink* sink) {
  Step s;
  s.event.type = "extended";
  if (!in.consent)
    sink->Error(At(c), "--consent",
                _("an extension needs both parties' consent (2002 Provisions Art. 33; local "
                  "rules, e.g. Shenzhen 2022 Art. 25): give --consent once both agreed"));
  if (in.to.empty()) {
    sink->Error(At(c), "--to", _("is required: the new conclude-by date (YYYY-MM-DD)"));
    return s;
  }
  auto to = Date::Parse(in.to);
  if (!to) {
    sink->Error(At(c), "--to", Tr("{0} is not a date (YYYY-MM-DD)", in.to));
    return s;
  }
  Date current = d.state.deadline;
  if (current.valid() && *to <= current)
    sink->Error(At(c), "--to",
                Tr("{0} is not after the current deadline {1}", in.to, current.ToString()));
  if (current.valid() && ctx.today.valid() && current < ctx.today)
    sink->Warning(At(c), "--to",
                  Tr("the time limit already ran out on {0}; an extension should be agreed "
                     "before it ends",
                     current.ToString()));
  if (current.valid() && current.DaysUntil(*to) > d.limit_days)
    sink->Warning(At(c), "--to",
                  Tr("extends by {0} days, more than one further period of {1} days (local "
                     "rules, e.g. Shenzhen 2022 Art. 25: 30 days)",
                     current.DaysUntil(*to), d.limit_days));
  s.event.payload.Set("deadline", Value::String(to->ToString()));
  if (current.valid()) s.event.payload.Set("previous", Value::String(current.ToString()));
  s.event.payload.Set("consent", Value::String("both_parties"));
  s.event.payload.SetIfNotEmpty("reason", in.reason);
  s.subject = "to " + to->ToString();
  s.shown = Tr("to {0}", to->ToString());
  return s;
}

Step BuildTerminate(const Case& c, const Derived& d, const TerminateInput& in,
                    const StepContext& ctx, DiagnosticSink* sink) {
  (void)d;
  Step s;
  s.event.type = "terminated";
  if (in.reason.empty())
    sink->Error(At(c), "--reason",
                _("is required: why mediation ends without agreement (Law Art. 26)"));
  std::string not_before_what;
  Date not_before = NotBefore(c, ctx, EventKind::kTerminated, &not_before_what);
  Date on =
      DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what, sink);
  auto& p = s.event.payload;
  if (on.valid()) p.Set("date", Value::String(on.ToString()));
  p.SetIfNotEmpty("reason", in.reason);
  p.Set("guidance",
        Value::String(in.guidance.empty() ? "当事人可以依法通过仲裁、行政、司法等途径维护自己的权利"
                                          : in.guidance));
  if (IsCourtInvited(c)) {
    p.Set("materials", Value::String("returned_to_court"));
    s.notes.push_back(c.source == "court_delegated"
                          ? _("court-delegated case: return the materials to the court, which "
                              "files it as a lawsuit (SPC 2016 Art. 21)")
                          : _("court-entrusted case: return the materials to the court, which "
                              "resumes the trial (SPC 2016)"));
  }
  s.notes.push_back(
      Tr("tell the parties of the other routes (Law Art. 26): mediate doc {0} --kind termination",
         c.id));
  s.subject = in.reason;
  return s;
}

Step BuildWithdraw(const Case& c, const Derived& d, const std::string& reason,
                   const StepContext& ctx, DiagnosticSink* sink) {
  (void)d, (void)ctx, (void)sink, (void)c;
  Step s;
  s.event.type = "withdrawn";
  s.event.payload.SetIfNotEmpty("reason", reason);
  s.subject = reason;
  return s;
}

Step BuildRefuse(const Case& c, const Derived& d, const RefuseInput& in, const StepContext& ctx,
                 DiagnosticSink* sink) {
  (void)d, (void)ctx;
  Step s;
  s.event.type = "refused";
  if (in.reason.empty())
    sink->Error(At(c), "--reason",
                _("is required: why the matter is not accepted (2002 Provisions Art. 22)"));
  if (in.go_to.empty())
    sink->Error(At(c), "--go-to",
                _("is required: where the parties should go instead (2002 Provisions Art. 22)"));
  s.event.payload.SetIfNotEmpty("reason", in.reason);
  s.event.payload.SetIfNotEmpty("go_to", in.go_to);
  s.subject = in.reason;
  return s;
}

Step BuildClose(const Case& c, const Derived& d, const std::string& retention,
                const StepContext& ctx, DiagnosticSink* sink) {
  Step s;
  s.event.type = "closed";
  std::string code = ResolveOrError(c, "retention", "--retention", retention, false, sink);
  std::string from;
  if (retention.empty()) {
    // The store's default for the outcome (store setting mediate.yaml retention:).
    auto it = ctx.settings->retention.find(d.outcome);
    if (it != ctx.settings->retention.end()) {
      code = it->second;
      from = d.outcome;
    } else {
      // English says "an agreed", "a terminated" case.
      const std::string outcome = d.outcome.empty() ? "concluded" : d.outcome;
      const std::string shown = d.outcome.empty() ? _("concluded") : ShownCode("outcome", outcome);
      const std::string key = d.outcome.empty() ? "agreed" : d.outcome;
      sink->Error(At(c), "--retention",
                  d.outcome == "agreed"
                      ? Tr("no retention period for an {0} case: give --retention "
                           "permanent|long|short, or set the store's default in mediate.yaml "
                           "(retention: {{{1}: long}}, a store setting); nothing written",
                           shown, key)
                      : Tr("no retention period for a {0} case: give --retention "
                           "permanent|long|short, or set the store's default in mediate.yaml "
                           "(retention: {{{1}: long}}, a store setting); nothing written",
                           shown, key));
    }
  }
  if (d.status == CaseStatus::kRefused) {
    // The refusal notice goes into the file: its reason and where to go
    // (2002 Provisions Art. 22).
    for (std::size_t i = c.events.size(); i-- > 0;) {
      const Event& e = c.events[i];
      if (e.type != "refused") continue;
      if (e.Get("reason").empty() || e.Get("go_to").empty())
        sink->Error(At(c), "refused",
                    Tr("the refusal (events[{0}]) lacks its reason or where the parties should "
                       "go instead (2002 Provisions Art. 22); complete it (mediate edit {1}) "
                       "before the file is closed",
                       i, c.id));
      break;
    }
  }
  s.event.payload.SetIfNotEmpty("retention", code);
  s.subject = d.outcome + (code.empty() ? "" : ", retention " + code);
  s.shown = code.empty() ? ShownCode("outcome", d.outcome)
                         : Tr("{0}, retention {1}", ShownCode("outcome", d.outcome),
                              ShownCode("retention", code));
  if (!code.empty()) {
    // English names the code and its label ("long 长期"), Chinese the label.
    const std::string shown = TranslationOn() ? StepCodeLabel("retention", code)
                                              : code + " " + StepCodeLabel("retention", code);
    s.notes.push_back(from.empty() ? Tr("retention {0}", shown)
                                   : Tr("retention {0} (the store's retention.{1})", shown, from));
  }
  return s;
}

}  // namespace mediate
