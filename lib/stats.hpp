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
/// many values it has in a multi-valued dimension).
Table CountBy(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
              const Labeler& label);

}  // namespace mediate
