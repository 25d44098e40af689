// The date order of a case file's steps (Law Art. 27: the case file records
// the mediation as it happened, one step after another): a step may not be
// dated before the step it follows. Read by validate (CheckTimeline,
// lifecycle.hpp) and by every verb that takes a date (the step builders'
// NotBefore, step_context.hpp; routing with --date), so that what the verbs
// write is what validate accepts. Pure functions; no I/O.
#pragma once

#include <cstddef>
#include <string>

#include "case.hpp"
#include "settings.hpp"
#include "status.hpp"
#include "time.hpp"
#include "timeline.hpp"

namespace mediate {

/// The date an event counts for: its payload `date` when given (a session
/// or a conclusion recorded later, a migrated ledger's dates), else the
/// local date of `at` in the store's time zone.
Date EventDate(const Event& e, const Settings& settings);

/// The step a new step follows, for its date.
struct PriorStep {
  int index = -1;    ///< its place in c.events; -1 when there is none
  std::string type;  ///< its event type: "session"
  Date date;         ///< its date (EventDate, lifecycle.hpp): a local date
};

/// True for the event kinds that are steps of the mediation and so are
/// ordered by date; note, amended, resolved and renumbered are records
/// about the file, allowed at any time and never ordered (Law Art. 27).
bool IsDatedStep(EventKind kind);

/// The step that an event of `kind` placed after the first `n` events of
/// `c` follows, and may not be dated before:
/// - a step that changes the status (routed, assigned, agreed, terminated,
///   withdrawn, refused, escalated, closed: the event-kind table's
///   `leads_to`) follows every step before it: the latest-dated of them,
///   sessions included — an agreement is not dated before a session, a
///   case file not closed before its return visit;
/// - any other step (session, extension, judicial confirmation,
///   performance, return visit) follows the latest step that changed the
///   status: a session is not dated before the assignment, a visit not
///   before the agreement.
/// Only dated steps (IsDatedStep) count. Dates are local dates in the
/// store's time zone. index -1 when no step comes before (the first event).
PriorStep StepBefore(const Case& c, std::size_t n, EventKind kind, const Settings& settings);

/// Ok when a new event of `kind` dated `on` (a local date) may be appended
/// to `c`: not before StepBefore(c, c.events.size(), kind). Otherwise
/// kRejected naming both dates and the earlier step: "WBL-2026-000001:
/// agreed dated 2026-03-03 is before the session step it follows
/// (2026-03-04); a step cannot precede the one before it". An invalid `on`
/// is Ok (nothing to compare).
Status CheckStepDate(const Case& c, EventKind kind, Date on, const Settings& settings);

}  // namespace mediate
