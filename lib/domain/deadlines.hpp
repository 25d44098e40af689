// Deadlines of a case (docs/law.md) and the `due` report: what must happen
// by when, from the store's time limits (mediate.yaml time_limits; defaults
// and sources in settings.hpp). Dates are local dates in the store's time
// zone; a deadline is the last allowed day (a case due today is not
// overdue). Pure functions; no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "case.hpp"
#include "lifecycle.hpp"
#include "settings.hpp"

namespace mediate {

/// One deadline of a case.
struct Deadline {
  /// conclude — mediation concluded (agreement or termination) by `due`:
  ///   30 days from acceptance (MoJ 2002 Provisions Art. 33), court-delegated
  ///   30 / court-entrusted 15 or 7 days from receipt of the materials
  ///   (SPC 2016), or the date an extension set (both parties' consent);
  ///   while the case is received, routed or mediating.
  /// confirmation — the last day to apply for judicial confirmation: the
  ///   agreement's effective date + confirmation_days (30, Law Art. 33;
  ///   Civil Procedure Law 2023 Art. 205); while agreed (or closed) and no
  ///   application is recorded.
  /// visit — the return visit is due from the day after the performance
  ///   deadline (the day after the agreement took effect when it set none)
  ///   (Law Art. 31: the committee supervises performance); while agreed
  ///   with no visit and no reason for none recorded.
  std::string kind;
  Date due;
  std::string rule;  ///< what the limit is and its source, for people (interface's language)
};

/// Every open deadline of `c` (replayed as `d`), in the order conclude,
/// confirmation, visit.
std::vector<Deadline> CaseDeadlines(const Case& c, const Derived& d, const Settings& settings);

/// The Chinese label of a deadline kind: 调结期限, 司法确认申请期限, 回访.
std::string DeadlineKindLabel(const std::string& kind);

/// "12 days left", "1 day left", "due today", "3 days overdue", in the
/// interface's language (Chinese "还剩 12 天", "今天到期", "逾期 3 天").
std::string DaysLeftText(int days_left);

/// DaysLeftText, except that a confirmation window that has passed reads
/// "window closed 3 days ago" (nothing is overdue: the parties may still
/// apply, late, and the court decides).
std::string DeadlineStateText(const Deadline& deadline, int days_left);

/// Parses a `--within` span: "7d", "7", "2w" (weeks), "0d". nullopt for
/// anything else or a negative number.
std::optional<int> ParseDaySpan(const std::string& text);

/// One line of the due report.
struct DueEntry {
  std::string id;
  std::string category;
  std::string org;
  std::string status;
  Deadline deadline;
  int days_left = 0;  ///< today → due; negative when overdue
};

/// The deadlines of `c` that `due` lists on `today` with horizon
/// `within_days`: due on or before today + within_days (so every overdue
/// one), except a confirmation window that has already closed (nothing can
/// be done about it; quality review flags late applications).
std::vector<DueEntry> DueEntries(const Case& c, const Settings& settings, Date today,
                                 int within_days);

/// The due report's entries in report order, with how many are overdue.
struct DueList {
  std::vector<DueEntry> entries;  ///< by kind (conclude, confirmation, visit), then due, then id
  std::size_t overdue = 0;        ///< entries with days_left < 0 (past their last allowed day)
};

/// Orders `entries` (as DueEntries gives them, for any number of cases) by
/// kind — conclude, confirmation, visit — then due date, then case id, and
/// counts the overdue ones (days_left negative: the deadline, the last
/// allowed day in the store's time zone, has passed).
DueList OrderDueEntries(std::vector<DueEntry> entries);

}  // namespace mediate
