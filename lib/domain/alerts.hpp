// Early warning (风险评估、研判、监测预警, docs/law.md): what the bureau should
// look at now, computed from case summaries. Pure functions; no I/O.
//
// Kinds, each with the case ids and a reason:
//   risk_response  a red or orange case (settings risk: response_hours)
//                  not yet under mediation — still received or routed, no
//                  mediator or grid worker — later than its response time
//                  after receipt;
//   overdue        a pending case (received, routed, mediating) past its
//                  conclude-by date (MoJ 2002 Provisions Art. 33, or the
//                  extended date);
//   near_deadline  a pending case whose deadline is within
//                  `alerts.near_deadline_days`;
//   repeated_party the same party — ID number or credit code, else name +
//                  phone (a name alone is not an identity) — in at least
//                  alerts.repeat_party_cases cases received within
//                  alerts.repeat_window_days up to today;
//   repeated_grid  the same grid in at least alerts.repeat_grid_cases cases
//                  of that window;
//   mass           a pending case with at least alerts.mass_people people
//                  involved (群体性纠纷).
// Every threshold is a store setting (local practice; docs/law.md: "keep the
// scheme and its response times in store configuration").
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "case_summary.hpp"
#include "settings.hpp"
#include "status.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

class Store;

/// Early-warning thresholds: mediate.yaml `alerts:` (init copies them from
/// setup.yaml). All local practice (docs/law.md: risk schemes and early
/// warning are not fixed by national law), so every one is a store setting;
/// each key is optional and keeps its default when absent.
struct AlertSettings {
  /// A pending case whose conclude-by date is this many days away or fewer
  /// is "near its deadline".
  int near_deadline_days = 3;
  /// Repeated disputes are looked for among cases received within this
  /// many days up to today.
  int repeat_window_days = 90;
  /// The same party in at least this many cases of the window.
  int repeat_party_cases = 2;
  /// The same grid in at least this many cases of the window.
  int repeat_grid_cases = 3;
  /// A pending case with at least this many people involved is a mass
  /// dispute (群体性纠纷).
  int mass_people = 10;

  /// Reads the `alerts:` map (`v` may be null: defaults). kRejected with
  /// each bad value at file:line:column (not a non-negative integer, or
  /// below its minimum: window 1, cases 2, people 2).
  static Result<AlertSettings> FromValue(const Value* v, const std::string& file);
  /// The map as written into mediate.yaml.
  Value ToValue() const;
};

/// The store's alert settings (mediate.yaml `alerts:`).
Result<AlertSettings> LoadAlertSettings(const Store& store);

/// One early warning.
struct Alert {
  std::string kind;                   ///< risk_response, overdue, near_deadline, repeated_party,
                                      ///< repeated_grid, mass
  std::vector<std::string> case_ids;  ///< sorted
  std::string reason;                 ///< why, in words, with the facts and the threshold
  std::string key;                    ///< the party (masked) or grid, for repeated_*; "" otherwise
};

/// The Chinese label of an alert kind (风险响应超时, 逾期未结, 临近期限,
/// 同一当事人重复纠纷, 同一网格多发纠纷, 群体性纠纷), or "" for an unknown kind.
std::string AlertKindLabel(const std::string& kind);

/// The alerts of cases seen one at a time, for a scan of a large store that
/// holds no case: Add every selected case, then Finish once. Keeps only what
/// can become an alert (the alerts of pending cases; per party and per grid
/// the ids of the cases received in the repeat window). The rules are those
/// of ComputeAlerts.
class AlertScan {
 public:
  /// A scan at instant `now` (`today` its local date in the store's time
  /// zone), by `settings` (risk response times; must outlive the scan) and
  /// `thresholds`.
  AlertScan(Timestamp now, Date today, const Settings& settings, const AlertSettings& thresholds);
  /// Counts `c` (in any order).
  void Add(const CaseSummary& c);
  /// The alerts, ordered by kind as Alert lists them, then by first case id.
  std::vector<Alert> Finish();

 private:
  Timestamp now_;
  Date today_;
  const Settings& settings_;
  AlertSettings a_;
  Date window_start_;
  std::vector<Alert> risk_, overdue_, near_, mass_;
  std::map<std::string, std::set<std::string>> by_party_, by_grid_;
  std::map<std::string, std::string> shown_;  ///< party hash → masked key for messages
};

/// The alerts for `cases` (the cases a filter selected) at instant `now`
/// (`today` its local date in the store's time zone), by `settings` (risk
/// response times) and `thresholds`. Ordered by kind as listed above, then
/// by first case id.
std::vector<Alert> ComputeAlerts(const std::vector<CaseSummary>& cases, Timestamp now, Date today,
                                 const Settings& settings, const AlertSettings& thresholds);

}  // namespace mediate
