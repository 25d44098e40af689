#include "lifecycle_agreement.hpp"

#include <algorithm>

#include "money.hpp"
#include "text_input.hpp"

namespace mediate {

using namespace step_options;

Step BuildAgree(const Case& c, const Derived& d, const AgreeInput& in, const StepContext& ctx,
                DiagnosticSink* sink) {
  (void)d;
  Step s;
  s.event.type = "agreed";
  std::string form = ResolveOrError(c, "form", "--form", in.form, true, sink);
  std::string not_before_what;
  Date not_before = NotBefore(c, ctx, EventKind::kAgreed, &not_before_what);
  Date on =
      DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what, sink);
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
      missing.push_back("the signature of " + Joined(unsigned_parties, ", ") + " (--signed-by)");
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
    if (d.confirmation == "withdrawn")
      sink->Error(At(c), "--result",
                  "the application was withdrawn on " + d.confirmation_decided.ToString());
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
  // A closed file takes the court's papers as a supplement (补充归档) and
  // stays closed: the state machine allows this only for an agreed case.
  const bool supplementary = d.status == CaseStatus::kClosed;
  if (supplementary) {
    p.Set("supplementary", Value::Bool(true));
    s.notes.push_back("the case file was closed on " + d.closed.ToString() +
                      ": recorded as a supplement to it (补充归档); the case stays closed");
  }
  // Recorded with warnings, never refused: the court decides (Law Art. 33).
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
  s.subject =
      result + (court.empty() ? "" : " " + court) + (supplementary ? " (supplementary)" : "");
  return s;
}

Step BuildPerform(const Case& c, const Derived& d, const PerformInput& in, const StepContext& ctx,
                  DiagnosticSink* sink) {
  (void)d;
  Step s;
  s.event.type = "performance";
  // The command's positional (`perform ID full`), not an option.
  std::string perf =
      ResolveOrError(c, "performance", "PERFORMANCE (full, partial, none or 已履行 …)",
                     in.performance, true, sink);
  std::string not_before_what;
  Date not_before = NotBefore(c, ctx, EventKind::kPerformance, &not_before_what);
  Date on =
      DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what, sink);
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
  std::string not_before_what;
  Date not_before = NotBefore(c, ctx, EventKind::kVisited, &not_before_what);
  Date on =
      DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what, sink);
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

}  // namespace mediate
