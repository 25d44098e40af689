// The reporting period of the reading commands (list, stats, export,
// report, due, review): --year 2022, --quarter 2026Q1, --month 2026-03,
// --from/--to. Periods are ranges of local dates in the store's time zone
// (case summaries already hold local dates, so the machine's TZ never
// matters). A case counts in the period it was received, except measures
// about conclusion, which count by the date concluded (docs/law.md).
#pragma once

#include <string>

#include "status.hpp"
#include "time.hpp"

namespace mediate {

/// An inclusive range of local dates; an invalid end is open. A default
/// Period is unset and contains every date (and "no date").
struct Period {
  Date from;
  Date to;
  std::string name;  ///< as given: "2022", "2026Q1", "2026-03", "2026-01-01..2026-02-15"

  /// True when a --year/--quarter/--month/--from/--to was given.
  bool set() const { return from.valid() || to.valid(); }
  /// True when `d` lies in the period; for an unset period always true.
  bool Contains(Date d) const {
    if (!set()) return true;
    return d.valid() && (!from.valid() || d >= from) && (!to.valid() || d <= to);
  }
};

/// The period options as typed (empty = not given).
struct PeriodOptions {
  std::string year;     ///< "2022"
  std::string quarter;  ///< "2026Q1" (also "2026-Q1", "2026q1")
  std::string month;    ///< "2026-03"
  std::string from;     ///< "2026-01-01"
  std::string to;       ///< "2026-03-31"
};

/// Parses the period options. At most one of year, quarter and month; none
/// of them together with from/to. kUsage naming the option and the value
/// when malformed (a month 13, a quarter 5, --to before --from) or when
/// options are combined. An unset Period when nothing was given.
Result<Period> ParsePeriod(const PeriodOptions& options);

/// The local dates of calendar year `year`, quarter `q` (1-4) or month `m`.
Period YearPeriod(int year);

}  // namespace mediate
