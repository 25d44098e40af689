#include "lifecycle_agreement.hpp"

#include <algorithm>

#include "i18n.hpp"
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
    sink->Error(At(c), "--terms", _("is required: the agreed terms (Law Art. 28/29)"));
  std::int64_t fen = -1;
  if (!in.amount.empty()) {
    auto parsed = ParseYuanToFen(NormalizeCell(in.amount));
    if (!parsed || *parsed < 0)
      sink->Error(At(c), "--amount", Tr("{0} is not an amount in yuan (3500.00)", in.amount));
    else
      fen = *parsed;
  }
  Date deadline;
  if (!in.deadline.empty()) {
    if (auto pd = Date::Parse(in.deadline)) {
      deadline = *pd;
      if (on.valid() && deadline < on)
        sink->Error(At(c), "--deadline",
                    Tr("{0} is before the agreement ({1})", in.deadline, on.ToString()));
    } else {
      sink->Error(At(c), "--deadline", Tr("{0} is not a date (YYYY-MM-DD)", in.deadline));
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
      sink->Error(At(c), "--signed-by", Tr("{0} is not a party of {1}", name, c.id));
    else if (std::find(signed_by.begin(), signed_by.end(), name) == signed_by.end())
      signed_by.push_back(name);
  }
  if (form == "written") {
    // Law Art. 29: manner and time limit of performance are required, and the
    // agreement takes effect only when every party and the mediator signed
    // and the committee's seal is affixed.
    std::vector<std::string> missing;
    if (in.manner.empty()) missing.push_back(_("the manner of performance (--manner)"));
    if (in.deadline.empty()) missing.push_back(_("the time limit of performance (--deadline)"));
    std::vector<std::string> unsigned_parties;
    for (const Party& p : c.parties)
      if (std::find(signed_by.begin(), signed_by.end(), p.name) == signed_by.end())
        unsigned_parties.push_back(p.name);
    if (!unsigned_parties.empty())
      missing.push_back(Tr("the signature of {0} (--signed-by)",
                           Joined(unsigned_parties, TranslationOn() ? "、" : ", ")));
    if (!in.mediator_signed) missing.push_back(_("the mediator's signature (--mediator-signed)"));
    if (!in.sealed) missing.push_back(_("the committee's seal (--sealed)"));
    for (const auto& m : missing)
      sink->Error(At(c), _("written agreement"),
                  Tr("missing {0} (Law Art. 29; 2002 Provisions Art. 35)", m));
    if (in.place.empty())
      sink->Warning(At(c), "--place",
                    _("a written agreement should state the place of performance (2002 "
                      "Provisions Art. 35)"));
    if (in.facts.empty())
      sink->Warning(At(c), "--facts",
                    _("a written agreement should state the main facts, the points in dispute "
                      "and the responsibilities (Law Art. 29); the agreement document needs "
                      "them"));
  } else if (form == "oral") {
    bool future = deadline.valid() && on.valid() && deadline > on;
    if (in.instalments)
      sink->Warning(At(c), "--form",
                    _("an oral agreement performed in instalments: a written agreement is "
                      "required where rights and obligations are involved (2002 Provisions Art. "
                      "34); recorded, and quality review will flag it"));
    else if (future)
      sink->Warning(At(c), "--form",
                    Tr("an oral agreement performed in the future (by {0}): a written agreement "
                       "is required where rights and obligations are involved (2002 Provisions "
                       "Art. 34); recorded, and quality review will flag it",
                       deadline.ToString()));
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
  s.shown = fen >= 0 ? Tr("{0} {1} yuan", ShownCode("form", form), Money::FromFen(fen).Yuan())
                     : ShownCode("form", form);
  if (on.valid()) {
    const std::string by = on.AddDays(ctx.settings->limits.confirmation_days).ToString();
    s.notes.push_back(form == "oral" ? Tr("effective {0} (Law Art. 30); judicial confirmation may "
                                          "be applied for by {1} (Law Art. 33)",
                                          on.ToString(), by)
                                     : Tr("effective {0} (Law Art. 29); judicial confirmation may "
                                          "be applied for by {1} (Law Art. 33)",
                                          on.ToString(), by));
  }
  if (c.source == "court_delegated")
    s.notes.push_back(
        _("court-delegated case: send the agreement to the court for filing (SPC 2016)"));
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
    sink->Error(At(c), "--court", _("is required: the court applied to"));
  Date applied;
  if (result == "applied") {
    if (d.confirmation_applied.valid())
      sink->Error(At(c), "--result",
                  Tr("judicial confirmation was already applied for on {0}",
                     d.confirmation_applied.ToString()));
    applied = DateOption(c, "--applied", in.applied, ctx.today, ctx.today, effective,
                         _("the date the agreement took effect"), sink);
  } else if (!result.empty()) {
    if (d.confirmation == "confirmed" || d.confirmation == "rejected")
      sink->Error(
          At(c), "--result",
          Tr("the court already decided: {0}", ShownCode("confirmation_result", d.confirmation)));
    if (d.confirmation == "withdrawn")
      sink->Error(At(c), "--result",
                  Tr("the application was withdrawn on {0}", d.confirmation_decided.ToString()));
    applied = DateOption(c, "--applied", in.applied, d.confirmation_applied, ctx.today, effective,
                         _("the date the agreement took effect"), sink);
    if (!applied.valid() && in.applied.empty())
      sink->Error(At(c), "--applied",
                  _("is required: no application is recorded; when did the parties apply?"));
    Date decided = DateOption(c, "--decided", in.decided, ctx.today, ctx.today, applied,
                              _("the application"), sink);
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
    s.notes.push_back(
        Tr("the case file was closed on {0}: recorded as a supplement to it "
           "(补充归档); the case stays closed",
           d.closed.ToString()));
  }
  // Recorded with warnings, never refused: the court decides (Law Art. 33).
  const int window = ctx.settings->limits.confirmation_days;
  if (applied.valid() && effective.valid() && effective.DaysUntil(applied) > window) {
    p.Set("late", Value::Bool(true));
    sink->Warning(At(c), "--applied",
                  Tr("applied {0} days after the agreement took effect ({1}); the parties apply "
                     "within {2} days (Law Art. 33; Civil Procedure Law 2023 Art. 205). "
                     "Recorded: the court decides",
                     effective.DaysUntil(applied), effective.ToString(), window));
  }
  if (matter == "personal_status" || matter == "ownership")
    sink->Warning(At(c), "--matter",
                  _("judicial confirmation is not available for personal-status matters "
                    "(marriage, parentage, adoption) or ownership/IP confirmation (确权) (SPC "
                    "interpretation 2022 Art. 355). Recorded: the court decides"));
  else if (matter.empty() && c.category == "marriage_family")
    sink->Warning(At(c), "--matter",
                  _("a marriage & family case may be a personal-status matter, which judicial "
                    "confirmation excludes (SPC interpretation 2022 Art. 355); say --matter "
                    "other if it is not. Recorded: the court decides"));
  if (d.agreement_form == "oral")
    sink->Warning(At(c), "--result",
                  _("the agreement is oral; the court confirms a written agreement (Law Art. 33)"));
  s.subject =
      result + (court.empty() ? "" : " " + court) + (supplementary ? " (supplementary)" : "");
  const std::string shown_result = ShownCode("confirmation_result", result);
  s.shown = court.empty() ? shown_result : shown_result + " " + court;
  if (supplementary) s.shown = Tr("{0} (supplementary)", s.shown);
  return s;
}

Step BuildPerform(const Case& c, const Derived& d, const PerformInput& in, const StepContext& ctx,
                  DiagnosticSink* sink) {
  (void)d;
  Step s;
  s.event.type = "performance";
  // The command's positional (`perform ID full`), not an option; the
  // message lists the known values.
  std::string perf = ResolveOrError(c, "performance", "PERFORMANCE", in.performance, true, sink);
  std::string not_before_what;
  Date not_before = NotBefore(c, ctx, EventKind::kPerformance, &not_before_what);
  Date on =
      DateOption(c, "--date", in.date, ctx.today, ctx.today, not_before, not_before_what, sink);
  if (on.valid()) s.event.payload.Set("date", Value::String(on.ToString()));
  s.event.payload.SetIfNotEmpty("performance", perf);
  s.event.payload.SetIfNotEmpty("note", in.note);
  if (perf == "none")
    s.notes.push_back(
        _("not performed: the parties may apply for enforcement of a confirmed "
          "agreement, or sue on the agreement (Law Art. 32, 33)"));
  s.subject = perf;
  s.shown = ShownCode("performance", perf);
  return s;
}

Step BuildVisit(const Case& c, const Derived& d, const VisitInput& in, const StepContext& ctx,
                DiagnosticSink* sink) {
  Step s;
  auto& p = s.event.payload;
  if (in.none) {
    s.event.type = "visit_waived";
    if (in.reason.empty())
      sink->Error(At(c), "--reason", _("is required with --none: why no return visit is made"));
    p.SetIfNotEmpty("reason", in.reason);
    s.subject = "none: " + in.reason;
    s.shown = Tr("none: {0}", in.reason);
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
                  Tr("the visit is on or before the performance deadline {0}; a return visit "
                     "checks performance after it (Law Art. 31)",
                     d.performance_deadline.ToString()));
  if (!in.renewed_risk.empty())
    sink->Warning(At(c), "--renewed-risk",
                  _("signs of renewed risk recorded: review the case's risk and follow up"));
  if (in.lawsuit)
    sink->Warning(At(c), "--lawsuit", _("a lawsuit followed the agreement: recorded for review"));
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
  s.shown = on.ToString() + " " + ShownCode("visit_method", method) + " " +
            ShownCode("performance", perf);
  return s;
}

}  // namespace mediate
