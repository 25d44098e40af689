// The lifecycle steps after routing — assign, session, escalate, extend,
// agree, terminate, withdraw, refuse, confirm, perform, visit, close — each
// as a pure function that checks what a person asked for against the case
// and the law, and gives the event to append (lifecycle.hpp lists the
// event types and payloads). No I/O: case_step.hpp writes the result.
//
// Every builder takes the case, its replay, the inputs and a StepContext;
// it reports problems to `sink` (errors: the step is refused and nothing is
// written; warnings: the step is recorded and the operator told) with the
// case id as the location and the option concerned as the field, and
// returns the Step. The state machine (CheckStep) has already allowed the
// step's event type when a builder runs. Dates are local dates
// (YYYY-MM-DD) in the store's time zone; a session, agreement or
// termination may not be dated before the step it follows (the latest
// status-changing event), as validate checks (CheckTimeline); money is yuan text parsed exactly to
// fen.
#pragma once

#include <string>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "lifecycle.hpp"
#include "mediator.hpp"
#include "organisation.hpp"
#include "settings.hpp"
#include "status.hpp"

namespace mediate {

class RoutingPolicy;

/// What the builders may consult. All pointers are required.
struct StepContext {
  const Settings* settings = nullptr;
  const AreaRegistry* areas = nullptr;
  const OrgRegistry* orgs = nullptr;
  const MediatorRegistry* mediators = nullptr;
  Date today;                 ///< local date now; later dates are refused
  std::string operator_name;  ///< the operator's name (default visitor)
};

/// What a builder gives: the event (type and payload; RecordStep sets `at`
/// and `by`), the commit subject after "<verb>: <id> ", and notes for the
/// operator (what to do next, what the law asks).
struct Step {
  Event event;
  std::string subject;
  std::vector<std::string> notes;
};

/// The code of `text` in one of the small step vocabularies, given as the
/// code or its Chinese label: "session_mode" (on_site 现场, phone 电话, video
/// 视频, online 网上), "visit_method" (the same codes), "satisfaction"
/// (satisfied 满意, basically_satisfied 基本满意, dissatisfied 不满意),
/// "confirmation_result" (applied 已申请, confirmed 已确认, rejected 驳回),
/// "matter" (personal_status 身份关系, ownership 确权, other 其他),
/// "retention" (permanent 永久, long 长期, short 短期). "" when unknown.
std::string ResolveStepCode(const std::string& list, const std::string& text);
/// The Chinese label of `code` in `list` ("" when unknown).
std::string StepCodeLabel(const std::string& list, const std::string& code);
/// "on_site 现场, phone 电话, …" for messages.
std::string StepCodeList(const std::string& list);

/// `assign`: mediators by id (Law Art. 19: one or more, appointed by the
/// committee or chosen by the parties), or at grid level the grid worker
/// (网格员) by name instead (docs/lifecycle.md).
struct AssignInput {
  std::vector<std::string> mediators;  ///< mediator ids (M-0307)
  bool chosen_by_parties = false;      ///< Law Art. 19: the parties chose them
  std::string grid_worker;             ///< name; the case is then handled at grid level
  std::string materials_received;      ///< court-invited: the date the mediator signed for the
                                       ///< materials (SPC 2016)
};
/// Errors: neither or both of mediators and a grid worker; an unknown or
/// retired mediator, or one named twice; a grid worker for a case that is
/// not at grid level nor with its community committee before any
/// escalation; mediators at grid level; materials_received on a case that
/// is not court-invited, or not a date, or in the future, or before
/// received. Warning: a mediator of another organisation (when not chosen
/// by the parties). Payload {mediators, chosen_by} or {grid_worker, level:
/// "grid", grid}, plus materials_received.
Step BuildAssign(const Case& c, const Derived& d, const AssignInput& in, const StepContext& ctx,
                 DiagnosticSink* sink);

/// `session`: one mediation session (调解记录).
struct SessionInput {
  std::string date;  ///< default today
  std::string mode;  ///< session_mode code or label; required
  std::vector<std::string> participants;
  std::string note;
};
/// Errors: no mode or an unknown one; a date that is not one, in the future,
/// or before the case was received.
Step BuildSession(const Case& c, const Derived& d, const SessionInput& in, const StepContext& ctx,
                  DiagnosticSink* sink);

/// `escalate`: up one level — grid → community → street → district — to
/// the organisation of that level (EscalationTarget), with a reason (MoJ
/// 2002 Provisions Art. 21: difficult or cross-area disputes go up).
struct EscalateInput {
  std::string reason;  ///< required
  /// The store's routing policy: when given, the case is re-routed with the
  /// same rules at the new level (the `level` condition sees the new level;
  /// a target below it is lifted to the place's organisation at that
  /// level, routing.hpp RouteOptions). When the rules cannot route it, or
  /// none is given, the place's organisation one level up is taken.
  const RoutingPolicy* policy = nullptr;
};
/// Errors: no reason; no level above; no organisation at the new level.
/// The mediators (or grid worker) are cleared: the new organisation assigns
/// its own. Payload {org, level, from_level, from_org, reason, rule?,
/// mediator_grade?}.
Step BuildEscalate(const Case& c, const Derived& d, const EscalateInput& in, const StepContext& ctx,
                   DiagnosticSink* sink);

/// `extend`: a new conclude-by date, only with both parties' consent (MoJ
/// 2002 Provisions Art. 33 "normally within one month"; extension by
/// consent is local practice, e.g. Shenzhen 2022 Art. 25; SPC 2016 for
/// court-invited mediation: by agreement).
struct ExtendInput {
  std::string to;        ///< new deadline, YYYY-MM-DD; required
  bool consent = false;  ///< both parties consented; required
  std::string reason;
};
/// Errors: no consent; `to` missing, not a date, or not after the current
/// deadline. Warnings: the limit had already passed; the extension is
/// longer than one more limit period. Payload {deadline, previous,
/// consent: "both_parties", reason}.
Step BuildExtend(const Case& c, const Derived& d, const ExtendInput& in, const StepContext& ctx,
                 DiagnosticSink* sink);

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

/// `terminate`: mediation failed (Law Art. 26).
struct TerminateInput {
  std::string reason;    ///< required
  std::string date;      ///< default today
  std::string guidance;  ///< other routes the parties were told of; default arbitration,
                         ///< administrative channels or a lawsuit (Art. 26)
};
/// Errors: no reason; a bad date. For a court-delegated (or -entrusted)
/// case the materials go back to the court (SPC 2016 Art. 21): payload
/// materials "returned_to_court" and a note. Payload {date, reason,
/// guidance, materials?}.
Step BuildTerminate(const Case& c, const Derived& d, const TerminateInput& in,
                    const StepContext& ctx, DiagnosticSink* sink);

/// `withdraw`: the applicant withdraws (Law Art. 17: mediation is voluntary;
/// if a party refuses, it must not go on). Payload {reason} (optional).
Step BuildWithdraw(const Case& c, const Derived& d, const std::string& reason,
                   const StepContext& ctx, DiagnosticSink* sink);

/// `refuse`: not accepted (不予受理, MoJ 2002 Provisions Art. 22: a matter
/// reserved to another body, or already accepted or decided by a court,
/// police or administrative organ), with the reason and where to go.
struct RefuseInput {
  std::string reason;  ///< required
  std::string go_to;   ///< where the parties should go instead; required
};
Step BuildRefuse(const Case& c, const Derived& d, const RefuseInput& in, const StepContext& ctx,
                 DiagnosticSink* sink);

/// `confirm`: judicial confirmation (司法确认, Law Art. 33; Civil Procedure
/// Law 2023 Art. 205): the parties jointly apply within 30 days of the
/// agreement taking effect (store setting confirmation_days); the court
/// confirms or rejects. The tool records what happened: a late
/// application or an excluded matter (personal status, 确权; SPC
/// interpretation 2022 Art. 355) is recorded with a warning, not refused.
struct ConfirmInput {
  std::string result;   ///< applied | confirmed | rejected; required
  std::string court;    ///< court name or org id; required unless already given
  std::string applied;  ///< date applied; default today (applied) or the date recorded
  std::string decided;  ///< date decided (confirmed/rejected); default today
  std::string matter;   ///< personal_status | ownership | other
};
/// Errors: unknown result; no court; bad or future dates; decided before
/// applied; a decision with no application date; applying twice; deciding
/// twice. Warnings: applied more than confirmation_days after the
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

/// `close`: the case file is closed (归档; concluded vs closed as docs/lifecycle.md
/// tells; Law Art. 27: one case, one file). Retention is optional (retention
/// vocabulary), shown on the cover.
Step BuildClose(const Case& c, const Derived& d, const std::string& retention,
                const StepContext& ctx, DiagnosticSink* sink);

}  // namespace mediate
