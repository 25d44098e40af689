#include "lifecycle_steps.hpp"

#include "routing.hpp"

#include <algorithm>
#include <map>

#include "money.hpp"
#include "text_input.hpp"

namespace mediate {
namespace {

struct Code {
  const char* code;
  const char* zh;
};

const std::map<std::string, std::vector<Code>>& StepVocabs() {
  static const std::map<std::string, std::vector<Code>> kLists = {
      {"session_mode",
       {{"on_site", "现场"}, {"phone", "电话"}, {"video", "视频"}, {"online", "网上"}}},
      {"visit_method",
       {{"on_site", "现场"}, {"phone", "电话"}, {"video", "视频"}, {"online", "网上"}}},
      {"satisfaction",
       {{"satisfied", "满意"}, {"basically_satisfied", "基本满意"}, {"dissatisfied", "不满意"}}},
      {"confirmation_result",
       {{"applied", "已申请"}, {"confirmed", "已确认"}, {"rejected", "驳回"}}},
      {"matter", {{"personal_status", "身份关系"}, {"ownership", "确权"}, {"other", "其他"}}},
      {"retention", {{"permanent", "永久"}, {"long", "长期"}, {"short", "短期"}}},
      {"performance", {{"full", "已履行"}, {"instalment", "分期履行"}, {"none", "未履行"}}},
      {"form", {{"written", "书面"}, {"oral", "口头"}}},
  };
  return kLists;
}

Location At(const Case& c) { return {c.id, 0, 0}; }

/// Parses an optional date option: `text` or, when empty, `fallback`. Refuses
/// dates after today and before `not_before` (when valid), naming `what`.
Date DateOption(const Case& c, const std::string& option, const std::string& text, Date fallback,
                Date today, Date not_before, const std::string& what, DiagnosticSink* sink) {
  if (text.empty()) return fallback;
  auto d = Date::Parse(text);
  if (!d) {
    sink->Error(At(c), option, text + " is not a date (YYYY-MM-DD)");
    return {};
  }
  if (today.valid() && *d > today) sink->Error(At(c), option, text + " is in the future");
  if (not_before.valid() && *d < not_before)
    sink->Error(At(c), option, text + " is before " + what + " (" + not_before.ToString() + ")");
  return *d;
}

std::string ResolveOrError(const Case& c, const std::string& list, const std::string& option,
                           const std::string& text, bool required, DiagnosticSink* sink) {
  if (text.empty()) {
    if (required) sink->Error(At(c), option, "is required: " + StepCodeList(list));
    return {};
  }
  std::string code = ResolveStepCode(list, text);
  if (code.empty())
    sink->Error(At(c), option, "unknown value \"" + text + "\"; known: " + StepCodeList(list));
  return code;
}

std::string Joined(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

Date ReceivedDate(const Case& c, const StepContext& ctx) {
  return ctx.settings->time_zone.LocalDate(c.received);
}

/// The latest event of `c` that changed the status (the table's
/// `leads_to`, timeline.hpp): the step a new one follows, as CheckTimeline
/// (lifecycle.hpp) reads it. -1 when none.
int LastStatusStep(const Case& c) {
  for (std::size_t i = c.events.size(); i-- > 0;)
    if (auto k = ParseEventKind(c.events[i].type); k && InfoOf(*k).leads_to)
      return static_cast<int>(i);
  return -1;
}

/// The earliest date a session, agreement or termination may carry: the
/// date of the step it follows (LastStatusStep), which validate checks too;
/// the date received when that step is the receipt. Sets `what` for the
/// message.
Date NotBefore(const Case& c, const StepContext& ctx, std::string* what) {
  *what = "the date received";
  Date received = ReceivedDate(c, ctx);
  int last = LastStatusStep(c);
  if (last < 0) return received;
  const Event& e = c.events[static_cast<std::size_t>(last)];
  Date on = EventDate(e, *ctx.settings);
  if (!on.valid() || !received.valid() || on <= received) return received;
  *what = "the " + e.type + " step it follows";
  return on;
}

}  // namespace

std::string ResolveStepCode(const std::string& list, const std::string& text) {
  auto it = StepVocabs().find(list);
  if (it == StepVocabs().end()) return {};
  for (const Code& c : it->second)
    if (text == c.code || text == c.zh) return c.code;
  return {};
}

std::string StepCodeLabel(const std::string& list, const std::string& code) {
  auto it = StepVocabs().find(list);
  if (it == StepVocabs().end()) return {};
  for (const Code& c : it->second)
    if (code == c.code) return c.zh;
  return {};
}

std::string StepCodeList(const std::string& list) {
  std::string out;
  auto it = StepVocabs().find(list);
  if (it == StepVocabs().end()) return out;
  for (const Code& c : it->second)
    out += (out.empty() ? "" : ", ") + std::string(c.code) + " " + c.zh;
  return out;
}

Step BuildAssign(const Case& c, const Derived& d, const AssignInput& in, const StepContext& ctx,
                 DiagnosticSink* sink) {
  Step s;
  s.event.type = "assigned";
  const bool grid_worker = !in.grid_worker.empty();
  if (in.mediators.empty() && !grid_worker)
    sink->Error(At(c), "mediators",
                "name the mediators by id (Law Art. 19), or at grid level the grid worker "
                "(--grid-worker NAME)");
  if (!in.mediators.empty() && grid_worker)
    sink->Error(At(c), "--grid-worker",
                "a grid-level case is handled by the grid worker and needs no mediator; give "
                "either mediators or --grid-worker");
  auto org = ctx.orgs->find(d.state.org);
  const bool community_committee =
      org != ctx.orgs->end() && org->second.kind == "community_committee";
  if (grid_worker) {
    // At grid level the grid worker under the community committee handles
    // the case (DOMAIN §1, §3): only a case at grid level, or with its
    // community committee before any escalation, can be handed to one.
    bool at_grid = d.state.level == "grid";
    bool handover = d.state.level == "community" && community_committee && d.escalations == 0;
    if (!at_grid && !handover)
      sink->Error(At(c), "--grid-worker",
                  "a grid worker handles a case at grid level, under its community committee; " +
                      c.id + " is at " + (d.state.level.empty() ? "no" : d.state.level) +
                      " level with " + d.state.org + ": assign mediators instead");
    s.event.payload.Set("grid_worker", Value::String(in.grid_worker));
    s.event.payload.Set("level", Value::String("grid"));
    if (!c.place.grid.empty()) s.event.payload.Set("grid", Value::String(c.place.grid));
    s.subject = "grid worker " + in.grid_worker;
  } else if (d.state.level == "grid" && !in.mediators.empty()) {
    sink->Error(At(c), "mediators",
                "at grid level the grid worker handles the case; escalate it to the community "
                "committee (mediate escalate) to assign mediators");
  }
  std::vector<std::string> seen;
  std::vector<std::string> named;
  for (const auto& id : in.mediators) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
      sink->Error(At(c), "mediators", id + " is named twice");
      continue;
    }
    seen.push_back(id);
    auto m = ctx.mediators->find(id);
    if (m == ctx.mediators->end()) {
      sink->Error(At(c), "mediators", "unknown mediator " + id + " (mediators/" + id + ".yaml)");
      continue;
    }
    if (m->second.status != "active") {
      sink->Error(At(c), "mediators",
                  id + " " + m->second.name + " is " + m->second.status + ", not active");
      continue;
    }
    named.push_back(id + " " + m->second.name);
    if (!in.chosen_by_parties && !d.state.org.empty() && m->second.org != d.state.org)
      sink->Warning(At(c), "mediators",
                    id + " " + m->second.name + " belongs to " + m->second.org + ", not to " +
                        d.state.org + " which handles the case");
  }
  if (!grid_worker) {
    s.event.payload.Set("mediators", Value::Strings(in.mediators).set_flow());
    s.event.payload.Set("chosen_by", Value::String(in.chosen_by_parties ? "parties" : "appointed"));
    s.subject = Joined(named);
  }
  if (!in.materials_received.empty()) {
    if (!IsCourtInvited(c))
      sink->Error(At(c), "--materials-received",
                  "only a court-delegated or court-entrusted case runs from the receipt of the "
                  "court's materials (SPC 2016); this case's source is " +
                      c.source);
    Date m = DateOption(c, "--materials-received", in.materials_received, {}, ctx.today,
                        ReceivedDate(c, ctx), "the date received", sink);
    if (m.valid()) {
      s.event.payload.Set("materials_received", Value::String(m.ToString()));
      s.notes.push_back("the time limit of " + std::to_string(d.limit_days) +
                        " days now runs from " + m.ToString() + " (SPC 2016)");
    }
  } else if (IsCourtInvited(c) && d.clock_start == ReceivedDate(c, ctx) && !d.extended) {
    s.notes.push_back("court-invited mediation: its " + std::to_string(d.limit_days) +
                      "-day limit runs from the receipt of the materials (SPC 2016); record that "
                      "date with --materials-received DATE if it is not the date received");
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
  Date not_before = NotBefore(c, ctx, &not_before_what);
  Date on = DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what,
                       sink);
  if (on.valid()) s.event.payload.Set("date", Value::String(on.ToString()));
  s.event.payload.SetIfNotEmpty("mode", mode);
  if (!in.participants.empty())
    s.event.payload.Set("participants", Value::Strings(in.participants).set_flow());
  s.event.payload.SetIfNotEmpty("note", in.note);
  s.subject = on.ToString() + " " + mode;
  return s;
}

Step BuildEscalate(const Case& c, const Derived& d, const EscalateInput& in, const StepContext& ctx,
                   DiagnosticSink* sink) {
  Step s;
  s.event.type = "escalated";
  if (in.reason.empty())
    sink->Error(At(c), "--reason",
                "is required: why the dispute goes up a level (2002 Provisions Art. 21: "
                "difficult or cross-area disputes)");
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
          "the routing rules (rule \"" + routed.rule + "\") " +
          (routed.routed ? "keep it with " + routed.org : "cannot route it: " + routed.problem) +
          "; it goes to the " + next + " organisation of its place");
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
  s.notes.push_back("now with " + to.id + " " + to.name + " (" + level +
                    " level); assign its mediators: mediate assign " + c.id + " M-…");
  return s;
}

Step BuildExtend(const Case& c, const Derived& d, const ExtendInput& in, const StepContext& ctx,
                 DiagnosticSink* sink) {
  Step s;
  s.event.type = "extended";
  if (!in.consent)
    sink->Error(At(c), "--consent",
                "an extension needs both parties' consent (2002 Provisions Art. 33; local "
                "rules, e.g. Shenzhen 2022 Art. 25): give --consent once both agreed");
  if (in.to.empty()) {
    sink->Error(At(c), "--to", "is required: the new conclude-by date (YYYY-MM-DD)");
    return s;
  }
  auto to = Date::Parse(in.to);
  if (!to) {
    sink->Error(At(c), "--to", in.to + " is not a date (YYYY-MM-DD)");
    return s;
  }
  Date current = d.state.deadline;
  if (current.valid() && *to <= current)
    sink->Error(At(c), "--to", in.to + " is not after the current deadline " + current.ToString());
  if (current.valid() && ctx.today.valid() && current < ctx.today)
    sink->Warning(At(c), "--to",
                  "the time limit already ran out on " + current.ToString() +
                      "; an extension should be agreed before it ends");
  if (current.valid() && current.DaysUntil(*to) > d.limit_days)
    sink->Warning(At(c), "--to",
                  "extends by " + std::to_string(current.DaysUntil(*to)) +
                      " days, more than one further period of " + std::to_string(d.limit_days) +
                      " days (local rules, e.g. Shenzhen 2022 Art. 25: 30 days)");
  s.event.payload.Set("deadline", Value::String(to->ToString()));
  if (current.valid()) s.event.payload.Set("previous", Value::String(current.ToString()));
  s.event.payload.Set("consent", Value::String("both_parties"));
  s.event.payload.SetIfNotEmpty("reason", in.reason);
  s.subject = "to " + to->ToString();
  return s;
}

Step BuildAgree(const Case& c, const Derived& d, const AgreeInput& in, const StepContext& ctx,
                DiagnosticSink* sink) {
  (void)d;
  Step s;
  s.event.type = "agreed";
  std::string form = ResolveOrError(c, "form", "--form", in.form, true, sink);
  std::string not_before_what;
  Date not_before = NotBefore(c, ctx, &not_before_what);
  Date on = DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what,
                       sink);
  if (in.terms.empty())
    sink->Error(At(c), "--terms", "is required: the agreed terms (Law Art. 28/29)");
  std::int64_t fen = -1;
  if (!in.amount.empty()) {
    auto parsed = ParseYuanToFen(NormalizeCell(in.amount));
    if (!parsed || *parsed < 0)
      sink->Error(At(c), "--amount", in.amount + " is not an amount in yuan (3500.00)");
    else
      fen = *parsed;
  }
  Date deadline;
  if (!in.deadline.empty()) {
    if (auto pd = Date::Parse(in.deadline)) {
      deadline = *pd;
      if (on.valid() && deadline < on)
        sink->Error(At(c), "--deadline",
                    in.deadline + " is before the agreement (" + on.ToString() + ")");
    } else {
      sink->Error(At(c), "--deadline", in.deadline + " is not a date (YYYY-MM-DD)");
    }
  }
  // Signatures: party names, or "all".
  std::vector<std::string> signed_by;
  for (const auto& name : in.signed_by) {
    if (name == "all") {
      for (const Party& p : c.parties) signed_by.push_back(p.name);
      continue;
    }
    bool known = std::any_of(c.parties.begin(), c.parties.end(),
                             [&](const Party& p) { return p.name == name; });
    if (!known)
      sink->Error(At(c), "--signed-by", name + " is not a party of " + c.id);
    else if (std::find(signed_by.begin(), signed_by.end(), name) == signed_by.end())
      signed_by.push_back(name);
  }
  if (form == "written") {
    // Law Art. 29: manner and time limit of performance are required, and the
    // agreement takes effect only when every party and the mediator signed
    // and the committee's seal is affixed.
    std::vector<std::string> missing;
    if (in.manner.empty()) missing.push_back("the manner of performance (--manner)");
    if (in.deadline.empty()) missing.push_back("the time limit of performance (--deadline)");
    std::vector<std::string> unsigned_parties;
    for (const Party& p : c.parties)
      if (std::find(signed_by.begin(), signed_by.end(), p.name) == signed_by.end())
        unsigned_parties.push_back(p.name);
    if (!unsigned_parties.empty())
      missing.push_back("the signature of " + Joined(unsigned_parties) + " (--signed-by)");
    if (!in.mediator_signed) missing.push_back("the mediator's signature (--mediator-signed)");
    if (!in.sealed) missing.push_back("the committee's seal (--sealed)");
    for (const auto& m : missing)
      sink->Error(At(c), "written agreement",
                  "missing " + m + " (Law Art. 29; 2002 Provisions Art. 35)");
    if (in.place.empty())
      sink->Warning(At(c), "--place",
                    "a written agreement should state the place of performance (2002 "
                    "Provisions Art. 35)");
    if (in.facts.empty())
      sink->Warning(At(c), "--facts",
                    "a written agreement should state the main facts, the points in dispute and "
                    "the responsibilities (Law Art. 29); the agreement document needs them");
  } else if (form == "oral") {
    bool future = deadline.valid() && on.valid() && deadline > on;
    if (in.instalments || future)
      sink->Warning(At(c), "--form",
                    std::string("an oral agreement performed ") +
                        (in.instalments ? "in instalments"
                                        : "in the future (by " + deadline.ToString() + ")") +
                        ": a written agreement is required where rights and obligations are "
                        "involved (2002 Provisions Art. 34); recorded, and quality review will "
                        "flag it");
  }
  auto& p = s.event.payload;
  if (on.valid()) p.Set("date", Value::String(on.ToString()));
  p.SetIfNotEmpty("form", form);
  if (on.valid()) p.Set("effective", Value::String(on.ToString()));  // Law Art. 29 / 30
  p.SetIfNotEmpty("facts", in.facts);
  if (!in.terms.empty()) p.Set("terms", Value::Strings(in.terms).set_flow());
  if (fen >= 0) p.Set("amount", Value::String(Money::FromFen(fen).Yuan()));
  p.SetIfNotEmpty("manner", in.manner);
  p.SetIfNotEmpty("place", in.place);
  if (deadline.valid()) p.Set("performance_deadline", Value::String(deadline.ToString()));
  if (in.instalments) p.Set("instalments", Value::Bool(true));
  if (form == "written") {
    p.Set("signed_by", Value::Strings(signed_by).set_flow());
    p.Set("mediator_signed", Value::Bool(in.mediator_signed));
    p.Set("sealed", Value::Bool(in.sealed));
  }
  s.subject = form + (fen >= 0 ? " " + Money::FromFen(fen).Yuan() + " yuan" : "");
  if (on.valid())
    s.notes.push_back(std::string("effective ") + on.ToString() +
                      (form == "oral" ? " (Law Art. 30)" : " (Law Art. 29)") +
                      "; judicial confirmation may be applied for by " +
                      on.AddDays(ctx.settings->limits.confirmation_days).ToString() +
                      " (Law Art. 33)");
  if (c.source == "court_delegated")
    s.notes.push_back(
        "court-delegated case: send the agreement to the court for filing (SPC 2016)");
  return s;
}

Step BuildTerminate(const Case& c, const Derived& d, const TerminateInput& in,
                    const StepContext& ctx, DiagnosticSink* sink) {
  (void)d;
  Step s;
  s.event.type = "terminated";
  if (in.reason.empty())
    sink->Error(At(c), "--reason",
                "is required: why mediation ends without agreement (Law Art. 26)");
  std::string not_before_what;
  Date not_before = NotBefore(c, ctx, &not_before_what);
  Date on = DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what,
                       sink);
  auto& p = s.event.payload;
  if (on.valid()) p.Set("date", Value::String(on.ToString()));
  p.SetIfNotEmpty("reason", in.reason);
  p.Set("guidance",
        Value::String(in.guidance.empty() ? "当事人可以依法通过仲裁、行政、司法等途径维护自己的权利"
                                          : in.guidance));
  if (IsCourtInvited(c)) {
    p.Set("materials", Value::String("returned_to_court"));
    s.notes.push_back(c.source == "court_delegated"
                          ? "court-delegated case: return the materials to the court, which files "
                            "it as a lawsuit (SPC 2016 Art. 21)"
                          : "court-entrusted case: return the materials to the court, which "
                            "resumes the trial (SPC 2016)");
  }
  s.notes.push_back("tell the parties of the other routes (Law Art. 26): mediate doc " + c.id +
                    " --kind termination");
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
                "is required: why the matter is not accepted (2002 Provisions Art. 22)");
  if (in.go_to.empty())
    sink->Error(At(c), "--go-to",
                "is required: where the parties should go instead (2002 Provisions Art. 22)");
  s.event.payload.SetIfNotEmpty("reason", in.reason);
  s.event.payload.SetIfNotEmpty("go_to", in.go_to);
  s.subject = in.reason;
  return s;
}

Step BuildConfirm(const Case& c, const Derived& d, const ConfirmInput& in, const StepContext& ctx,
                  DiagnosticSink* sink) {
  Step s;
  s.event.type = "confirmation";
  std::string result = ResolveOrError(c, "confirmation_result", "--result", in.result, true, sink);
  std::string matter = ResolveOrError(c, "matter", "--matter", in.matter, false, sink);
  const Date effective = d.agreement_effective;
  std::string court = in.court;
  if (auto o = ctx.orgs->find(court); o != ctx.orgs->end()) court = o->second.name;
  if (court.empty() && d.confirmation.empty())
    sink->Error(At(c), "--court", "is required: the court applied to");
  Date applied;
  if (result == "applied") {
    if (d.confirmation_applied.valid())
      sink->Error(
          At(c), "--result",
          "judicial confirmation was already applied for on " + d.confirmation_applied.ToString());
    applied = DateOption(c, "--applied", in.applied, ctx.today, ctx.today, effective,
                         "the date the agreement took effect", sink);
  } else if (!result.empty()) {
    if (d.confirmation == "confirmed" || d.confirmation == "rejected")
      sink->Error(At(c), "--result", "the court already decided: " + d.confirmation);
    applied = DateOption(c, "--applied", in.applied, d.confirmation_applied, ctx.today, effective,
                         "the date the agreement took effect", sink);
    if (!applied.valid() && in.applied.empty())
      sink->Error(At(c), "--applied",
                  "is required: no application is recorded; when did the parties apply?");
    Date decided = DateOption(c, "--decided", in.decided, ctx.today, ctx.today, applied,
                              "the application", sink);
    if (decided.valid()) s.event.payload.Set("decided", Value::String(decided.ToString()));
  }
  auto& p = s.event.payload;
  p.SetIfNotEmpty("result", result);
  p.SetIfNotEmpty("court", court);
  if (applied.valid()) p.Set("applied", Value::String(applied.ToString()));
  p.SetIfNotEmpty("matter", matter);
  // Recorded with warnings, never refused: the court decides (DOMAIN §2).
  const int window = ctx.settings->limits.confirmation_days;
  if (applied.valid() && effective.valid() && effective.DaysUntil(applied) > window) {
    p.Set("late", Value::Bool(true));
    sink->Warning(At(c), "--applied",
                  "applied " + std::to_string(effective.DaysUntil(applied)) +
                      " days after the agreement took effect (" + effective.ToString() +
                      "); the parties apply within " + std::to_string(window) +
                      " days (Law Art. 33; Civil Procedure Law 2023 Art. 205). Recorded: the "
                      "court decides");
  }
  if (matter == "personal_status" || matter == "ownership")
    sink->Warning(At(c), "--matter",
                  "judicial confirmation is not available for personal-status matters "
                  "(marriage, parentage, adoption) or ownership/IP confirmation (确权) (SPC "
                  "interpretation 2022 Art. 355). Recorded: the court decides");
  else if (matter.empty() && c.category == "marriage_family")
    sink->Warning(At(c), "--matter",
                  "a marriage & family case may be a personal-status matter, which judicial "
                  "confirmation excludes (SPC interpretation 2022 Art. 355); say --matter other "
                  "if it is not. Recorded: the court decides");
  if (d.agreement_form == "oral")
    sink->Warning(At(c), "--result",
                  "the agreement is oral; the court confirms a written agreement (Law Art. 33)");
  s.subject = result + (court.empty() ? "" : " " + court);
  return s;
}

Step BuildPerform(const Case& c, const Derived& d, const PerformInput& in, const StepContext& ctx,
                  DiagnosticSink* sink) {
  Step s;
  s.event.type = "performance";
  std::string perf = ResolveOrError(c, "performance", "--performance", in.performance, true, sink);
  Date on =
      DateOption(c, "--date", in.date, ctx.today, ctx.today, d.concluded, "the agreement", sink);
  if (on.valid()) s.event.payload.Set("date", Value::String(on.ToString()));
  s.event.payload.SetIfNotEmpty("performance", perf);
  s.event.payload.SetIfNotEmpty("note", in.note);
  if (perf == "none")
    s.notes.push_back(
        "not performed: the parties may apply for enforcement of a confirmed "
        "agreement, or sue on the agreement (Law Art. 32, 33)");
  s.subject = perf;
  return s;
}

Step BuildVisit(const Case& c, const Derived& d, const VisitInput& in, const StepContext& ctx,
                DiagnosticSink* sink) {
  Step s;
  auto& p = s.event.payload;
  if (in.none) {
    s.event.type = "visit_waived";
    if (in.reason.empty())
      sink->Error(At(c), "--reason", "is required with --none: why no return visit is made");
    p.SetIfNotEmpty("reason", in.reason);
    s.subject = "none: " + in.reason;
    return s;
  }
  s.event.type = "visited";
  Date on =
      DateOption(c, "--date", in.date, ctx.today, ctx.today, d.concluded, "the agreement", sink);
  std::string method = ResolveOrError(c, "visit_method", "--method", in.method, true, sink);
  std::string perf = ResolveOrError(c, "performance", "--performance", in.performance, true, sink);
  std::string satisfaction =
      ResolveOrError(c, "satisfaction", "--satisfaction", in.satisfaction, false, sink);
  if (on.valid() && d.performance_deadline.valid() && on <= d.performance_deadline)
    sink->Warning(At(c), "--date",
                  "the visit is on or before the performance deadline " +
                      d.performance_deadline.ToString() +
                      "; a return visit checks performance after it (Law Art. 31)");
  if (!in.renewed_risk.empty())
    sink->Warning(At(c), "--renewed-risk",
                  "signs of renewed risk recorded: review the case's risk and follow up");
  if (in.lawsuit)
    sink->Warning(At(c), "--lawsuit", "a lawsuit followed the agreement: recorded for review");
  if (on.valid()) p.Set("date", Value::String(on.ToString()));
  p.Set("visitor", Value::String(in.visitor.empty() ? ctx.operator_name : in.visitor));
  p.SetIfNotEmpty("method", method);
  p.SetIfNotEmpty("performance", perf);
  p.SetIfNotEmpty("satisfaction", satisfaction);
  p.Set("renewed_risk", Value::Bool(!in.renewed_risk.empty()));
  p.SetIfNotEmpty("risk_note", in.renewed_risk);
  p.Set("lawsuit", Value::Bool(in.lawsuit));
  p.SetIfNotEmpty("note", in.note);
  s.subject = on.ToString() + " " + method + " " + perf;
  return s;
}

Step BuildClose(const Case& c, const Derived& d, const std::string& retention,
                const StepContext& ctx, DiagnosticSink* sink) {
  (void)ctx;
  Step s;
  s.event.type = "closed";
  std::string code = ResolveOrError(c, "retention", "--retention", retention, false, sink);
  s.event.payload.SetIfNotEmpty("retention", code);
  s.subject = d.outcome;
  return s;
}

}  // namespace mediate
