// Training measures for any period (docs/law.md): sessions, trainee-times
// (人次), hours per mediator and coverage; and the mediators below the
// store's yearly hours requirement. Pure functions over records; results
// are Tables (rendered last).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mediator.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "table.hpp"
#include "time.hpp"
#include "training.hpp"

namespace mediate {

/// An inclusive range of dates; an invalid end is open.
struct DateRange {
  Date from;
  Date to;
  /// True when `d` lies in the range.
  bool Contains(Date d) const {
    return d.valid() && (!from.valid() || d >= from) && (!to.valid() || d <= to);
  }
};

/// Parses the period options of `training stats`: `years` "2020-2022" or
/// "2022" (whole calendar years), else `from`/`to` dates (YYYY-MM-DD,
/// either may be empty = open). kUsage when malformed or when both forms
/// are given.
Result<DateRange> ParsePeriod(const std::string& years, const std::string& from,
                              const std::string& to);

/// The measures of a set of sessions against the current roster.
struct TrainingMeasures {
  std::size_t sessions = 0;
  std::size_t trainee_times = 0;         ///< attendances, all mediators (人次)
  std::int64_t person_hours_tenths = 0;  ///< Σ hours × attendees, tenths of an hour
  std::size_t active_mediators = 0;      ///< status active on the roster now
  std::size_t trained_active = 0;        ///< active mediators with ≥ 1 session
  /// trained_active ÷ active_mediators (0 when there are none): docs/law.md,
  /// coverage = trained mediators ÷ active mediators.
  double coverage() const;
  /// Hours received by active mediators ÷ active mediators (0 when none).
  double hours_per_mediator() const;
  std::int64_t active_hours_tenths = 0;  ///< Σ hours of the sessions active mediators attended
};

/// Measures the sessions of `trainings` held within `period`.
TrainingMeasures MeasureTraining(const std::vector<Training>& trainings,
                                 const MediatorRegistry& mediators, const DateRange& period);

/// Names of the groupings `training stats --by` accepts: year, kind, level,
/// lecturer, org, mediator.
std::vector<std::string> TrainingGroupNames();

/// The measures as a table: without `by`, one row for the period; with
/// `by` (a TrainingGroupNames entry) one row per group and a totals row.
/// Columns: [group, group label,] sessions, trainee_times, hours (person-
/// hours), active_mediators, trained_mediators, coverage, hours_per_mediator.
/// For `org` and `mediator` the groups are the roster's active mediators
/// (a session counts in every group one of its attendees belongs to, so
/// group sessions do not add up to the total). kUsage for an unknown group.
/// `kind_label` gives the Chinese label of a training kind code.
Result<Table> TrainingStatsTable(const std::vector<Training>& trainings,
                                 const MediatorRegistry& mediators, const OrgRegistry& orgs,
                                 const DateRange& period, const std::string& by,
                                 const std::function<std::string(const std::string&)>& kind_label);

/// Active mediators who received fewer than `required_hours` hours of
/// training in calendar `year` (store setting training.yearly_hours; local
/// practice, default 20 h — Ya'an, docs/law.md). Mediators filed after the
/// year ended are left out. Columns: id, name, org, org_name, sessions,
/// hours, required, short (hours missing), sorted by hours then id.
Table TrainingDueTable(const std::vector<Training>& trainings, const MediatorRegistry& mediators,
                       const OrgRegistry& orgs, int year, int required_hours);

/// Sessions as a list: id, date, kind, kind_label, title, level, hours,
/// lecturer, attendees (count), filtered by `period`.
Table TrainingListTable(const std::vector<Training>& trainings, const DateRange& period,
                        const std::function<std::string(const std::string&)>& kind_label);

}  // namespace mediate
