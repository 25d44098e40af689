// Training measures for any period (docs/law.md): sessions, trainee-times
// (人次), hours per mediator and coverage, overall or per group; and the
// mediators below the store's yearly hours requirement. Pure functions over
// records returning typed results; lib/report/training_stats lays them out.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mediator.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "time.hpp"
#include "training.hpp"

namespace mediate {

/// Hours from tenths of an hour (training hours are kept in tenths).
double HoursOf(std::int64_t tenths);

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

/// One group of `training stats --by`: its key (a year, kind or level code,
/// a lecturer id or "external", an org id, a mediator id), its label ("" when
/// none) and its measures.
struct TrainingGroup {
  std::string key;
  std::string label;
  TrainingMeasures measures;
};

/// The sessions of a period measured in groups.
struct TrainingGroups {
  std::string by;                     ///< the grouping (a TrainingGroupNames entry)
  std::vector<TrainingGroup> groups;  ///< sorted by key
  TrainingMeasures total;             ///< every session of the period, all mediators
};

/// Measures the sessions of `trainings` held within `period` per group of
/// `by` (a TrainingGroupNames entry). For `org` and `mediator` the groups are
/// the roster's active mediators: a group's sessions are those one of its
/// active members attended and its coverage is over its members (so group
/// sessions do not add up to the total); for year, kind, level and lecturer
/// a session counts in its one group. Labels: `kind_label` for kinds, the
/// mediator's name for a lecturer ("外聘" for external), the org's name
/// (from `orgs`), the mediator's name. kUsage for an unknown grouping,
/// naming the known ones.
Result<TrainingGroups> GroupTraining(
    const std::vector<Training>& trainings, const MediatorRegistry& mediators,
    const OrgRegistry& orgs, const DateRange& period, const std::string& by,
    const std::function<std::string(const std::string&)>& kind_label);

/// An active mediator below the yearly hours.
struct TrainingShortfall {
  const Mediator* mediator = nullptr;  ///< into the registry given
  std::int64_t sessions = 0;           ///< sessions attended in the year
  std::int64_t hours_tenths = 0;       ///< hours received in the year, tenths
};

/// The mediators below the yearly training hours.
struct TrainingDue {
  int year = 0;
  int required_hours = 0;
  std::vector<TrainingShortfall> below;  ///< sorted by hours received, then id
};

/// Active mediators who received fewer than `required_hours` hours of
/// training in calendar `year` (store setting training.yearly_hours; Law
/// Art. 14 and local practice, default 20 h — Ya'an, docs/law.md). Mediators
/// filed after the year ended are left out. Pure; the result points into
/// `mediators`.
TrainingDue FindTrainingDue(const std::vector<Training>& trainings,
                            const MediatorRegistry& mediators, int year, int required_hours);

}  // namespace mediate
