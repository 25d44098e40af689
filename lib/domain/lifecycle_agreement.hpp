// The agreement and what follows it — agree, confirm (judicial
// confirmation), perform, visit — as pure step builders, like those of
// lifecycle_steps.hpp: each checks what a person asked for against the case
// and the law, reports problems to `sink` (errors refuse the step, warnings
// are recorded and told) and gives the event to append. Dates are local
// dates (YYYY-MM-DD) in the store's time zone; money is yuan text parsed
// exactly to fen.
#pragma once

#include <string>

#include "case.hpp"
#include "lifecycle.hpp"
#include "status.hpp"
#include "step_context.hpp"

namespace mediate {

/// `agree`: the mediation agreement (Law Arts. 28–30; 2002 Provisions
/// Arts. 34–35).
struct AgreeInput {
  std::string form;  ///< written | oral (书面 | 口头); required (Law Art. 28)
  std::string
      date;  ///< the day made (written: the day the last signature/seal was put); default today
  std::string facts;               ///< main facts, points in dispute, responsibilities (Art. 29)
  std::vector<std::string> terms;  ///< the agreed terms (Art. 29); required
  std::string amount;              ///< yuan, the sum agreed
  std::string manner;              ///< manner of performance (Art. 29)
  std::string place;               ///< place of performance (2002 Provisions Art. 35)
  std::string deadline;            ///< time limit of performance, YYYY-MM-DD (Art. 29)
  bool instalments = false;        ///< performance in instalments
  std::vector<std::string>
      signed_by;  ///< party names that signed/sealed/fingerprinted; "all" = every party
  bool mediator_signed = false;  ///< the presiding mediator (or grid worker) signed
  bool sealed = false;           ///< the committee's seal is affixed
};
/// Errors: no or unknown form; no terms; a bad date, amount or deadline; a
/// deadline before the agreement; a name in signed_by that is no party. A
/// written agreement without the manner or the time limit of performance,
/// or not yet signed by every party and the mediator and sealed, is refused
/// listing everything missing (Law Art. 29: it takes effect only then).
/// Warnings: a written agreement without the place of performance (2002
/// Provisions Art. 35) or the main facts (Law Art. 29); an oral agreement
/// performed in instalments or in the future (2002 Provisions Art. 34: a
/// written agreement is required where rights and obligations are
/// involved). Effective: the agreement date (written, Art. 29 — every
/// signature and the seal given that day; oral, Art. 30 — the day made).
/// Note for a court-delegated case: the agreement goes to the court for
/// filing (SPC 2016).
Step BuildAgree(const Case& c, const Derived& d, const AgreeInput& in, const StepContext& ctx,
                DiagnosticSink* sink);

/// `confirm`: judicial confirmation (司法确认, Law Art. 33; Civil Procedure
/// Law 2023 Art. 205): the parties jointly apply within 30 days of the
/// agreement taking effect (store setting confirmation_days); the court
/// confirms or rejects. The tool records what happened: a late
/// application or an excluded matter (personal status, 确权; SPC
/// interpretation 2022 Art. 355) is recorded with a warning, not refused.
struct ConfirmInput {
  std::string result;   ///< applied | confirmed | rejected | withdrawn (the parties withdrew the
                        ///< application); required
  std::string court;    ///< court name or org id; required unless already given
  std::string applied;  ///< date applied; default today (applied) or the date recorded
  std::string decided;  ///< date decided (confirmed/rejected) or withdrawn; default today
  std::string matter;   ///< personal_status | ownership | other
};
/// Errors: unknown result; no court; bad or future dates; decided before
/// applied; a decision with no application date; applying twice; deciding
/// twice (a withdrawn application counts as settled). On a closed case
/// (the state machine allows it only when the case was agreed) the event
/// is flagged `supplementary: true`: the court's papers are added to the
/// closed file (补充归档) and the case stays closed. While an application
/// is pending (ConfirmationPending, lifecycle.hpp) the file cannot be
/// closed. Warnings: applied more than confirmation_days after the
/// agreement took effect; an excluded matter, or a marriage_family case
/// whose matter was not said (may be personal status); an oral agreement.
Step BuildConfirm(const Case& c, const Derived& d, const ConfirmInput& in, const StepContext& ctx,
                  DiagnosticSink* sink);

/// `perform`: performance of the agreement (Law Art. 31: the committee
/// supervises it).
struct PerformInput {
  std::string performance;  ///< full | instalment | none (vocab performance); required
  std::string date;         ///< default today
  std::string note;
};
Step BuildPerform(const Case& c, const Derived& d, const PerformInput& in, const StepContext& ctx,
                  DiagnosticSink* sink);

/// `visit`: the return visit (回访, Law Art. 31: the committee supervises
/// performance), or with `none` a recorded reason for making none (event
/// visit_waived).
struct VisitInput {
  std::string date;          ///< default today
  std::string visitor;       ///< default the operator's name
  std::string method;        ///< visit_method; required unless none
  std::string performance;   ///< performance found: full | instalment | none; required unless none
  std::string satisfaction;  ///< satisfied | basically_satisfied | dissatisfied
  std::string renewed_risk;  ///< signs of renewed risk, described ("" = none seen)
  bool lawsuit = false;      ///< a lawsuit followed
  std::string note;
  bool none = false;  ///< no visit: record `reason` instead
  std::string reason;
};
/// Errors: bad or future date, before the case was concluded; missing or
/// unknown method or performance; none without a reason. Warnings: a visit
/// before the performance deadline; renewed risk or a lawsuit (follow up).
Step BuildVisit(const Case& c, const Derived& d, const VisitInput& in, const StepContext& ctx,
                DiagnosticSink* sink);

}  // namespace mediate
