// Migrating a year of history (docs/import.md): a ledger (台账) whose rows
// carry their outcome — 化解层级 (level settled), 调解结果 (result), 协议形式
// (agreement form), 结案日期 (date concluded, 调结), 履行情况 (performance),
// 司法确认日期 (judicial confirmation applied for and granted), 回访日期
// (return visit) — becomes case files whose timelines reconstruct that
// history (the timeline is the truth; concluded vs closed as
// docs/lifecycle.md tells).
//
// Pure functions, no I/O: ledger_import.cpp reads the cells, these check
// that the history is possible and build the events. What a ledger never
// recorded — mediator and grid-worker names, agreement terms, signatures,
// the agreement's effective date and performance deadline — is left
// unknown, never invented; such a case is marked `migrated: true`, and the
// lifecycle accepts its gaps for migrated cases only (a routed case that is
// agreed with no mediator assigned).
#pragma once

#include <string>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "time.hpp"

namespace mediate {

/// What one ledger row says about a case's outcome, as codes and local
/// dates. Every member is optional in the ledger; a row with none of them
/// is an ordinary registration (no history to migrate).
struct LedgerHistory {
  std::string level;        ///< 化解层级: grid | community | street | district | ""
  std::string outcome;      ///< 调解结果: agreed | terminated | "" (other codes are refused)
  std::string form;         ///< 协议形式: written | oral | "" (not recorded)
  Date concluded;           ///< 结案日期: the agreement or termination (调结)
  std::string performance;  ///< 履行情况: full | instalment | none | "" (not recorded)
  Date confirmed;           ///< 司法确认日期: applied for and granted that day
  Date visited;             ///< 回访日期: the return visit

  /// True when the row records no history at all.
  bool empty() const;
};

/// Which history cell a problem is about.
enum class HistoryField { kLevel, kOutcome, kForm, kConcluded, kPerformance, kConfirmed, kVisited };

/// One problem of a row's history: the cell and what is wrong with it.
/// Messages about a date cell start with the date; those about a label cell
/// (level, outcome, form, performance) read on from the cell's value, which
/// the caller puts in front ("已履行" + " is given without a conclusion …").
struct HistoryProblem {
  HistoryField field;
  std::string message;  ///< "2022-01-03 is before the date registered (2022-01-05): …"
  Severity severity = Severity::kError;
};

/// Checks that `h` is a possible history for a case received on
/// `received` (a local date). Errors, each on the cell at fault:
/// - a conclusion is 化解层级 + 调解结果 + 结案日期 together: when any history
///   is given, a blank one of these is an error; so a form, performance,
///   confirmation or visit without a conclusion is refused;
/// - 调解结果 other than agreed/terminated (撤回, 不予受理 are not migrated);
///   a level above district (市) is not a level a district ledger settles at;
/// - concluded before received; a confirmation before the conclusion (Law
///   Art. 33: the application follows the agreement); a visit before the
///   conclusion (Law Art. 31: the visit checks the agreement's performance);
/// - a failed case (terminated) with an agreement form, a performance, a
///   judicial confirmation or a return visit (Law Art. 26: there is no
///   agreement to confirm or perform; Art. 31: a return visit checks an
///   agreement's performance — and a terminated case is closed when
///   concluded, so nothing may follow).
/// Warnings: an agreed case without 协议形式 (the form is left unknown); a
/// visited agreed case without 履行情况 (it cannot be closed: closing needs
/// performance recorded and a visit, 2002 Provisions Art. 31 practice).
/// Dates in the future are the caller's check (it knows today).
/// Quality problems that are possible history — concluded after the 30-day
/// limit, an oral agreement paid in instalments, a confirmation applied for
/// after the 30-day window — are not problems here: quality review flags them.
std::vector<HistoryProblem> CheckHistory(const LedgerHistory& h, Date received);

/// The organisation that settled a case at `level` in `place`, looked up
/// by kind and place in `orgs` (never by a hard-coded id), an active one
/// preferred over a retired one:
/// - grid, community: the community committee (kind community_committee)
///   whose community is place.community — at grid level the case was handled
///   by the grid worker of its grid, under that committee (docs/lifecycle.md);
/// - street: the street committee (street_committee) of place.street;
/// - district: the district centre (district_centre).
/// kRejected saying which organisation is missing ("no community committee
/// of 140109003002 in orgs/"), or that the place lacks the community.
Result<const Organisation*> SettlingOrganisation(const std::string& level, const Place& place,
                                                 const OrgRegistry& orgs);

/// Appends to `c` (whose timeline holds its `received` event) the events
/// `h` implies, each with a payload `date` and `at` = local midnight of that
/// date in `tz`, `by` the operator, in date order (same-day events in the
/// order listed):
/// - routed on the date received: {org, level}; at grid level the
///   organisation is the community committee and `grid_worker: null` (a grid
///   worker handled it; the name is unknown). No mediators are assigned.
/// - agreed {form} (form omitted when unknown) or terminated, on `concluded`;
/// - confirmation {result: "confirmed", applied: confirmed} on `confirmed`;
/// - performance {performance} on the visit date when visited (the return
///   visit is where performance is checked), else on `concluded`;
/// - visited on `visited`;
/// - closed: agreed + performance + visited → on the visit date, or on
///   the confirmation date when the court confirmed the agreement after the
///   visit (the confirmation papers go into the file, Law Art. 33; nothing
///   follows `closed` in the state machine); terminated → on `concluded`;
///   otherwise (a successful case with no return visit or no performance
///   recorded) the case stays agreed, due for its visit.
/// Sets `c->migrated`. The caller replays the timeline for the state.
/// Precondition: CheckHistory(h, …) found no errors and `h` is not empty.
void AppendMigratedEvents(Case* c, const LedgerHistory& h, const Organisation& org,
                          const TimeZone& tz, const std::string& by);

}  // namespace mediate
