// The case lifecycle: replaying the timeline into the derived state, and
// the state machine that says which step may follow which.
//
//   received → routed → mediating → agreed | terminated   ("concluded")
//   received → refused            (MoJ 2002 Provisions Art. 22)
//   received | routed | mediating → withdrawn   (Law Art. 17: mediation is voluntary)
//   routed | mediating → escalated (re-routed one level up; 2002 Provisions Art. 21)
//   agreed → closed   once performance and a return visit (or a recorded
//                     reason for none) are recorded (Law Art. 31) and no
//                     judicial confirmation awaits the court (Law Art. 33)
//   terminated | withdrawn | refused → closed   (Law Art. 27)
//   closed (agreed) → confirmation, supplementary: the file stays closed
//
// Events are the truth: each step appends one event and the
// state fields at the top of a case file are a replay of them. Event
// types and the payload fields the replay reads:
//
//   received     {channel}
//   routed       {org, level, rule, grid_worker?}
//   assigned     {mediators: [ids], chosen_by: parties|appointed,
//                 grid_worker?, level?: "grid", materials_received?: DATE}
//   session      {date, mode, participants, note}
//   escalated    {org, level, from_level, from_org, reason}
//   extended     {deadline: DATE, consent: "both_parties", reason}
//   agreed       {date, form, effective, facts, terms, amount, manner, place,
//                 performance_deadline, instalments, signed_by, mediator_signed, sealed}
//   terminated   {date, reason, guidance, materials}
//   withdrawn    {reason}
//   refused      {reason, go_to}
//   confirmation {result: applied|confirmed|rejected|withdrawn, court, applied, decided, matter,
//                 supplementary?: true (recorded after the file was closed, 补充归档)}
//   performance  {date, performance: full|instalment|none, note}
//   visited      {date, visitor, method, performance, satisfaction, renewed_risk, lawsuit, note}
//   visit_waived {reason}
//   closed       {date, retention}
//   note         {text}            (no change of state; allowed at any time)
//   amended      {...}             (reserved for a correction command; the same)
//   renumbered   {from: OLD-ID, reason?}  (a duplicate id replaced; the same)
//   erased       {reason, basis?}  (the case's personal data erased; the same)
//
// The kinds, the statuses and the rules between them are one table:
// timeline.hpp (docs/lifecycle.md, "The timeline table").
//
// Every date in a payload is a local date (YYYY-MM-DD) in the store's time
// zone; `at` is the instant the event was recorded.
//
// Migrated cases (`migrated: true`, a ledger's history imported) may lack
// what the ledger never recorded — mediators or the grid worker's name,
// agreement terms, signatures — and carry a payload `date` on their
// agreed/terminated/confirmation/performance/visited/closed events. For
// them only, a routed case may be concluded without an assignment.
//
// Pure functions over records; no I/O.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "case.hpp"
#include "case_summary.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "step_dates.hpp"  // EventDate
#include "timeline.hpp"

namespace mediate {

struct Settings;

/// Everything the timeline implies about a case. Dates are local dates in
/// the store's time zone; "no date" when the event has not happened.
struct Derived {
  CaseStatus status = CaseStatus::kReceived;  ///< the status; state.status holds its code
  CaseState state;
  std::string outcome;         ///< agreed | terminated | withdrawn | refused | ""
  Date concluded;              ///< date of the agreement or termination (结案/调结)
  Date closed;                 ///< date the case file was closed (归档)
  std::string agreement_form;  ///< written | oral
  Date agreement_effective;   ///< Law Art. 29 (written: all signed and sealed) / Art. 30 (oral: the
                              ///< day made)
  Date performance_deadline;  ///< time limit of performance, from the agreement
  std::string performance;  ///< full | instalment | none (latest recorded, by `perform` or a visit)
  std::string confirmation;        ///< applied | confirmed | rejected | withdrawn (latest)
  std::string confirmation_court;  ///< the court applied to (latest named)
  Date confirmation_applied;       ///< the date the parties applied to the court
  Date confirmation_decided;       ///< the date the court confirmed or rejected, or the application
                                   ///< was withdrawn
  Date visited;                    ///< first return visit
  bool visit_waived = false;       ///< a reason for no return visit was recorded
  int escalations = 0;
  bool extended = false;
  std::string grid_worker;  ///< the grid worker (网格员) handling a grid-level case
  /// The date the conclude limit runs from: the local date received, or for
  /// a court-invited case the date the materials were received when that
  /// was recorded (SPC 2016).
  Date clock_start;
  int limit_days = 0;  ///< the conclude limit that applies (ConcludeLimitDays)
  /// Index in c.events of the latest agreed / terminated / visited / closed
  /// event (-1 when none): documents read their payloads.
  int agreed_event = -1, terminated_event = -1, visit_event = -1, closed_event = -1;
};

/// The time limit (days) for concluding a case of `source`/`procedure`:
/// court_delegated → court_delegated_days (30, SPC 2016); court_entrusted
/// with procedure "court_summary" → court_entrusted_summary_days (7), else
/// court_entrusted_ordinary_days (15) (SPC 2016); otherwise conclude_days
/// (30: "normally within one month", MoJ 2002 Provisions Art. 33). All are
/// store settings (mediate.yaml time_limits).
int ConcludeLimitDays(const Case& c, const Settings& settings);

/// True for the court-invited sources (court_delegated, court_entrusted),
/// whose limit runs from the receipt of the materials (SPC 2016).
bool IsCourtInvited(const Case& c);

/// The level above `level` in the three-level filter and above (docs/law.md,
/// 2002 Provisions Art. 21): grid → community → street → district; "" for
/// district, city or an unknown level (no escalation from there).
std::string NextLevel(const std::string& level);

/// Replays `c.events` in order into the derived state. Events are trusted
/// to be in an allowed order (CheckStep guards writes; CheckTimeline and
/// validate report files whose events or stored state disagree).
/// Deadline: clock_start + limit_days, replaced by the latest `extended`
/// deadline (extensions only through `extend`, with both parties' consent).
Derived Replay(const Case& c, const Settings& settings);

/// Replay of the first `n` events only (all of them when n exceeds their
/// number): the state a case was in before its event `n`.
Derived ReplayFirst(const Case& c, std::size_t n, const Settings& settings);

/// True while judicial confirmation was applied for and the court has not
/// decided (nor the application been withdrawn): the latest confirmation
/// result is "applied". The case file then waits for the court (Law Art.
/// 33): close refuses.
bool ConfirmationPending(const Derived& d);

/// The steps (event types) the state machine allows from `d`, in the order
/// messages list them. `note` is always allowed and not listed.
/// - received: routed, refused (2002 Art. 22), withdrawn (Law Art. 17)
/// - routed: assigned (Law Art. 19), escalated (2002 Art. 21, when a level
///   above exists), extended, withdrawn; for a migrated case also agreed
///   and terminated (its ledger named no mediator)
/// - mediating: session, assigned, agreed (Law Art. 28), terminated (Art.
///   26), withdrawn, escalated, extended (2002 Art. 33 and local rules)
/// - agreed: confirmation (Law Art. 33), performance and visited (Law Art. 31),
///   visit_waived, and closed once performance is recorded, a return
///   visit made or waived and no judicial confirmation is pending
///   (ConfirmationPending)
/// - terminated, withdrawn, refused: closed (Law Art. 27)
/// - closed: confirmation when the case was agreed (a court's decision
///   added to the closed file, 补充归档); nothing else
std::vector<std::string> AllowedSteps(const Case& c, const Derived& d);

/// AllowedSteps as event kinds: the rows of the event-kind table
/// (timeline.hpp) that are listed, may follow d.status (the migrated
/// relaxation when c.migrated) and whose guard holds. The guards: a level
/// above (escalate; 2002 Provisions Art. 21); an agreed case closes once
/// performed, visited or excused, and not while judicial confirmation
/// awaits the court (Law Arts. 31, 33; ConfirmationPending); a closed case
/// takes a confirmation only when it was agreed (a supplement to the
/// file, Law Arts. 27, 33).
std::vector<EventKind> AllowedKinds(const Case& c, const Derived& d);

/// Ok when `step` may follow; otherwise kRejected saying the current state,
/// the allowed steps, and what the refused step needs, for example:
/// `WBL-2026-000017 is "mediating": it can be agreed, terminated,
/// withdrawn, escalated or extended, …; close needs an agreement with
/// performance and a return visit, a termination, a refusal or a
/// withdrawal.` An agreed case whose judicial confirmation is pending is
/// told so, with the date applied and the court (ConfirmationPending).
Status CheckStep(const Case& c, const Derived& d, const std::string& step);

/// The rule of the event-kind table for `kind`, said in words with the
/// article that allows the step: "terminated follows mediating (Law Art.
/// 26)"; for a migrated case the ledger relaxation is included ("agreed
/// follows routed or mediating (Law Art. 28)").
std::string StepRule(EventKind kind, bool migrated);

/// Where a field of the case file is ("events[3].type" → file:line:column);
/// validate passes one built from the parsed YAML (case_checks.hpp
/// LocateField).
using LocateFn = std::function<Location(const std::string& field)>;

/// Checks the timeline against the event-kind table (timeline.hpp) and
/// reports the first event that breaks it, then stops (later events would
/// be read against a state that never was):
/// - the first event is `received`;
/// - each later event may follow the state the events before it lead to
///   (AllowedSteps; note and amended always; migrated cases may be
///   concluded from routed, as a ledger records no assignment): an error
///   on `events[i].type` naming the rule and its article (StepRule);
/// - no event is dated (EventDate) before the latest status-changing event
///   before it: an error on `events[i].date` (or `.at` when undated).
/// A judicial-confirmation application more than
/// settings.limits.confirmation_days (30) after the agreement took effect
/// is a warning on `events[i].applied`: recorded, the court decides (Law
/// Art. 33); not for migrated cases (a ledger's past). Locations come from `locate` when given,
/// else {file, 0, 0}.
void CheckTimeline(const Case& c, const Settings& settings, const std::string& file,
                   DiagnosticSink* sink, const LocateFn& locate = nullptr);

/// The organisation an escalation from `d.state.level` goes to (2002
/// Provisions Art. 21): to community → the active community_committee of
/// c.place.community; to street → the active street_committee of the
/// case's street (c.place.street, else the first 9 digits of its community
/// code); to district → the active district_centre. kRejected when there
/// is no level above or no such organisation (naming what is missing).
Result<const Organisation*> EscalationTarget(const Case& c, const Derived& d,
                                             const OrgRegistry& orgs);

/// The flattened read-path view of a case (index rows, list, stats).
/// `lookup_key` is the clone's key for the keyed hashes of party numbers
/// (Store::LookupKey; party_lookup.hpp): the summary keeps no plain number.
CaseSummary Summarize(const Case& c, const std::string& path, const Settings& settings,
                      std::string_view lookup_key = {});

}  // namespace mediate
