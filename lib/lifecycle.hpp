// The case lifecycle: replaying the timeline into the derived state, and
// the state machine that says which step may follow which.
//
//   received → routed → mediating → agreed | terminated   ("concluded")
//   received → refused            (MoJ 2002 Provisions Art. 22)
//   received | routed | mediating → withdrawn
//   routed | mediating → escalated (re-routed one level up; Art. 21)
//   agreed → closed   once performance and a return visit are recorded
//   terminated → closed
//
// Pure functions over records; no I/O.
#pragma once

#include <string>
#include <vector>

#include "case.hpp"
#include "case_summary.hpp"
#include "status.hpp"

namespace mediate {

struct Settings;

/// Everything the timeline implies about a case.
struct Derived {
  CaseState state;
  std::string outcome;          ///< agreed | terminated | withdrawn | refused | ""
  Date concluded;               ///< date of the agreement or termination
  Date closed;
  std::string agreement_form;   ///< written | oral
  Date agreement_effective;     ///< Law Art. 29/30
  Date performance_deadline;    ///< from the agreement
  std::string performance;      ///< full | instalment | none (latest recorded)
  std::string confirmation;     ///< applied | confirmed | rejected (latest)
  Date confirmation_applied;
  Date visited;                 ///< first return visit
  bool visit_waived = false;    ///< a reason for no return visit was recorded
  int escalations = 0;
  bool extended = false;
};

/// The date an event counts for: its payload `date` when given (a session
/// or a conclusion recorded later), else the local date of `at` in the
/// store's time zone.
Date EventDate(const Event& e, const Settings& settings);

/// The time limit (days) for concluding a case of `source`/`procedure`:
/// court_delegated → court_delegated_days; court_entrusted with procedure
/// "court_summary" → court_entrusted_summary_days, else the ordinary days;
/// otherwise conclude_days (MoJ 2002 Provisions Art. 33; SPC 2016; store
/// settings).
int ConcludeLimitDays(const Case& c, const Settings& settings);

/// Replays `c.events` in order into the derived state. Events are trusted
/// to be in an allowed order (CheckStep guards writes; validate reports
/// files whose stored state disagrees with this replay).
Derived Replay(const Case& c, const Settings& settings);

/// The steps (event types) the state machine allows from `d`.
std::vector<std::string> AllowedSteps(const Case& c, const Derived& d);

/// Ok when `step` may follow; otherwise kRejected saying the current state
/// and the allowed steps: `WBL-2026-000017 is "mediating": it can be
/// agreed, terminated, withdrawn, escalated or extended`.
Status CheckStep(const Case& c, const Derived& d, const std::string& step);

/// The flattened read-path view of a case (index rows, list, stats).
CaseSummary Summarize(const Case& c, const std::string& path, const Settings& settings);

}  // namespace mediate
