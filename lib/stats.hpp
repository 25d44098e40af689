// Statistics over case summaries: counts by any dimensions, as a Table
// (rendered last, so every format shows the same numbers, DESIGN §4).
//
// A case counts in the period it was received; a measure about conclusion
// (concluded, succeeded, days to conclude) counts by the date concluded
// (DOMAIN §3). Dates are local dates in the store's time zone.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "case_summary.hpp"
#include "status.hpp"
#include "table.hpp"

namespace mediate {

/// A grouping dimension.
struct Dimension {
  std::string name;     ///< "category", "street", "month", …
  std::string heading;  ///< Chinese heading of its label column ("类别")
  bool has_label = true;
  /// The case's value(s) for this dimension (several for `mediator`; none
  /// when the case has no value — it is then counted under "").
  std::function<void(const CaseSummary&, std::vector<std::string>*)> values;
  /// Sort rank of a value (e.g. levels lowest first, vocab order);
  /// values of equal rank sort by text.
  std::function<int(const std::string&)> rank;
};

/// Gives the label of a dimension's value ("neighbour" → "邻里纠纷",
/// "140109005" → "万柏林街道"); "" when none.
using Labeler = std::function<std::string(const std::string& dimension, const std::string& code)>;

/// Ranks a value within a dimension (vocabulary order), -1 when unknown.
using Ranker = std::function<int(const std::string& dimension, const std::string& code)>;

/// Names of the dimensions `stats --by` accepts.
std::vector<std::string> DimensionNames();

/// The dimension called `name`. kUsage listing the known ones.
/// `source_group` maps a source code to its group.
Result<Dimension> FindDimension(const std::string& name,
                                const std::function<std::string(const std::string&)>& source_group,
                                const Ranker& ranker);

/// Counts `cases` grouped by `dims` (one or two): columns are each
/// dimension's code and label, then `cases`; rows sorted by the
/// dimensions' ranks then codes; a totals row (every case once, however
/// many values it has in a multi-valued dimension). Same as Aggregate with
/// the one measure kCases.
Table CountBy(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
              const Labeler& label);

/// What a stats row reports about its cases.
enum class Measure {
  kCases,        ///< "cases": cases in the row
  kConcluded,    ///< "concluded": outcome agreed or terminated (DOMAIN §3: 结案/调结)
  kAgreed,       ///< "agreed": outcome agreed (调解成功)
  kSuccessRate,  ///< "success_rate": agreed / concluded (empty when none concluded)
  kShare,        ///< "share": the row's first count measure (cases, concluded or
                 ///< agreed, in the order given; cases when none) over its total
};

/// The measure names `stats --measure` accepts, in Measure order.
std::vector<std::string> MeasureNames();

/// Parses measure names. kUsage naming an unknown one and listing the known.
Result<std::vector<Measure>> ParseMeasures(const std::vector<std::string>& names);

/// What `stats` reports when no measures are asked for.
struct StatsPlan {
  std::vector<Measure> measures;
  /// Count only concluded cases (outcome agreed or terminated).
  bool concluded_only = false;
};

/// The default plan for the dimensions named: for `level` alone, the
/// three-level filter's funnel (DOMAIN §1: how many concluded cases were
/// settled at each level, their share, and the success rate there) —
/// concluded cases only, measures cases, share, agreed, success_rate;
/// otherwise every case, measure cases.
StatsPlan DefaultPlan(const std::vector<std::string>& dimension_names);

/// Groups `cases` by `dims` (one or two) like CountBy and computes
/// `measures` per row: columns are each dimension's code and label, then
/// one column per measure (named as MeasureNames; counts kInt, rates
/// kPercent). With `concluded_only`, cases not concluded are left out and a
/// note says how many. When `cases` is not among the measures, a row whose
/// counts are all zero is left out. The totals row counts every case once;
/// its share is 1, its success rate the overall one.
Table Aggregate(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                const std::vector<Measure>& measures, const Labeler& label,
                bool concluded_only = false);

}  // namespace mediate
