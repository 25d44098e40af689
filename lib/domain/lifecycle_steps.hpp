// The lifecycle steps after routing — assign, session, escalate, extend,
// agree, terminate, withdraw, refuse, confirm, perform, visit, close — each
// as a pure function that checks what a person asked for against the case
// and the law, and gives the event to append (lifecycle.hpp lists the
// event types and payloads). No I/O: case_step.hpp writes the result. The
// agreement and what follows it (agree, confirm, perform, visit) are in
// lifecycle_agreement.hpp; the context and option checks every builder
// shares in step_context.hpp.
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
#include "step_context.hpp"

namespace mediate {

class RoutingPolicy;

/// `assign`: mediators by id (Law Art. 19: one or more, appointed by the
/// committee or chosen by the parties), or at grid level the grid worker
/// (网格员) by name instead (docs/lifecycle.md).
struct AssignInput {
  std::vector<std::string> mediators;  ///< mediator ids (M-0307)
  bool chosen_by_parties = false;      ///< Law Art. 19: the parties chose them
  std::string grid_worker;             ///< name; the case is then handled at grid level
  std::string materials_received;      ///< court-invited: the date the mediator signed for the
                                       ///< materials (SPC 2016)
  std::string date;                    ///< late entry: the day assigned (default: the day
                                       ///< recorded); not before the step it follows
};
/// Errors: neither or both of mediators and a grid worker; an unknown or
/// retired mediator, or one named twice; a grid worker for a case that is
/// not at grid level nor with its community committee before any
/// escalation; mediators at grid level; materials_received on a case that
/// is not court-invited, or not a date, or in the future, or before
/// received; a date that is not one, in the future, or before the step it
/// follows (NotBefore). Warning: a mediator of another organisation (when
/// not chosen by the parties). Payload {mediators, chosen_by} or
/// {grid_worker, level: "grid", grid}, plus materials_received and date.
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

/// `close`: the case file is closed (归档; concluded vs closed as docs/lifecycle.md
/// tells; Law Art. 27: one case, one file) — an agreed case once performed,
/// visited and with no judicial confirmation pending, a terminated or
/// withdrawn case, a refused one with its refusal notice (the state
/// machine, CheckStep). `retention` (permanent | long | short or their
/// labels, the retention vocabulary; shown on the cover) defaults to the
/// store's setting for the case's outcome (Settings::retention, mediate.yaml
/// `retention:`). Errors: an unknown retention; none given and none set
/// for the outcome (saying how to fix either way); a refused case whose
/// refusal lacks its reason or where to go (2002 Provisions Art. 22).
/// Payload {retention}.
Step BuildClose(const Case& c, const Derived& d, const std::string& retention,
                const StepContext& ctx, DiagnosticSink* sink);

}  // namespace mediate
