// Training statistics and lists laid out as Tables: the typed results of
// training_measures (lib/domain) in columns, rendered last.
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
#include "training_measures.hpp"

namespace mediate {

/// The groups as a table: one row per group and a totals row. Columns:
/// `by`, its label, then the measures as below.
Table TrainingGroupsTable(const TrainingGroups& g);

/// The measures as a table: without `by`, one row for the period; with
/// `by` (a TrainingGroupNames entry) TrainingGroupsTable of GroupTraining.
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

/// The mediators below the yearly hours as a table (FindTrainingDue):
/// columns id, name, org, org_name (from `orgs`), sessions, hours,
/// required, short (hours missing), and a note naming the store setting.
Table TrainingDueTable(const TrainingDue& due, const OrgRegistry& orgs);

/// TrainingDueTable of FindTrainingDue(trainings, mediators, year,
/// required_hours).
Table TrainingDueTable(const std::vector<Training>& trainings, const MediatorRegistry& mediators,
                       const OrgRegistry& orgs, int year, int required_hours);

/// Sessions as a list: id, date, kind, kind_label, title, level, hours,
/// lecturer, attendees (count), filtered by `period`.
Table TrainingListTable(const std::vector<Training>& trainings, const DateRange& period,
                        const std::function<std::string(const std::string&)>& kind_label);

/// One session's attendance sheet (签到表), one row per attendee in the
/// session's order: session, date, kind, title, hours, attendee (mediator
/// id), name and org (from `mediators`; empty for an id the roster does not
/// hold). `training show --format csv|xlsx` prints it.
Table TrainingAttendanceTable(const Training& t, const MediatorRegistry& mediators);

}  // namespace mediate
