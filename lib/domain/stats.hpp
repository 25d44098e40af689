// Statistics over case summaries: counts by any dimensions, as typed
// results (StatsResult, CrossResult: rows of dimension values and one value
// per measure). Readers look a measure up by its enum; only the rendering
// layer turns a result into a Table (lib/report/stats_table.hpp), so every
// format shows the same numbers.
//
// A case counts in the period it was received; a measure about conclusion
// (concluded, succeeded, days to conclude) counts by the date concluded
// (docs/law.md). Dates are local dates in the store's time zone.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "case_summary.hpp"
#include "period.hpp"
#include "status.hpp"

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
/// `source_group` maps a source code to its group; `org_kind` an
/// organisation id to its kind code (docs/law.md organisation kinds; needed
/// only for the `org_kind` dimension, whose values are "" without it).
/// Dates (year, quarter, month) are those the case was received.
Result<Dimension> FindDimension(
    const std::string& name, const std::function<std::string(const std::string&)>& source_group,
    const Ranker& ranker, const std::function<std::string(const std::string&)>& org_kind = nullptr);

/// What a stats row reports about its cases. Unless noted, a measure
/// counts cases received in the period; "by conclusion" measures count
/// cases concluded (agreed or terminated) in the period (docs/law.md).
enum class Measure {
  kCases,          ///< "cases": cases in the row
  kConcluded,      ///< "concluded": agreed or terminated (结案/调结), by conclusion
  kAgreed,         ///< "agreed" (also "succeeded"): outcome agreed (调解成功), by conclusion
  kSuccessRate,    ///< "success_rate": agreed / concluded (empty when none concluded)
  kShare,          ///< "share": the row's first count measure (cases, concluded or
                   ///< agreed, in the order given; cases when none) over its total
  kOpen,           ///< "open": case file not closed (IsOpenStatus), received in the period
  kThisMonth,      ///< "this_month": received in today's calendar month (store time zone)
  kOverdue,        ///< "overdue": pending (IsPendingStatus) with its deadline before today
  kTerminated,     ///< "terminated": 调解不成功/终止 (Law Art. 26), by conclusion
  kWritten,        ///< "written": agreed with a written agreement (Law Art. 28), by conclusion
  kOral,           ///< "oral": agreed with an oral agreement (Law Art. 28), by conclusion
  kAmount,         ///< "amount": Σ amount involved, fen (cases without an amount add 0)
  kConfirmations,  ///< "confirmations": judicial confirmation applied for (Law Art. 33),
                   ///< among agreed cases, by conclusion
  kMedianDays,     ///< "median_days": median days from received to concluded, by conclusion
  kMeanDays,       ///< "mean_days": mean of the same, by conclusion
  kOverLimit,      ///< "over_limit": concluded after the deadline (time limit incl.
                   ///< extensions; 2002 Provisions Art. 33), by conclusion
  kEscalated,      ///< "escalated": escalated at least once (2002 Provisions Art. 21)
  kVisitRate,      ///< "visit_rate": agreed cases with a return visit / agreed (Law Art. 31)
  kApplication,    ///< "application": source group application (Law Art. 17)
  kInitiative,     ///< "initiative": source group initiative (主动调解, Law Art. 17)
  kReferral,       ///< "referral": source group referral (Law Art. 18)
};

/// The measure names `stats --measure` accepts, in Measure order.
std::vector<std::string> MeasureNames();

/// The Chinese heading of a measure ("调解成功").
std::string MeasureHeading(Measure m);

/// Parses measure names ("succeeded" is accepted for "agreed"). kUsage
/// naming an unknown one and listing the known.
Result<std::vector<Measure>> ParseMeasures(const std::vector<std::string>& names);

/// What kind of number a measure gives.
enum class MeasureKind {
  kCount,  ///< a count of cases
  kMoney,  ///< an amount in fen
  kRatio,  ///< a ratio 0..1 (success_rate, share, visit_rate)
  kDays,   ///< days (median_days, mean_days)
};

/// The kind of `m`: kMoney for amount, kRatio for success_rate, share and
/// visit_rate, kDays for median_days and mean_days, kCount otherwise.
MeasureKind KindOfMeasure(Measure m);

/// One measure's value in a row of a statistics result.
struct MeasureValue {
  Measure measure = Measure::kCases;  ///< what it measures (its kind: KindOfMeasure)
  /// No value: a ratio over zero, days when no case concluded, a cross
  /// table cell where no case falls. Counts and amounts are never empty in
  /// a row or a total.
  bool empty = true;
  std::int64_t integer = 0;  ///< kCount: the count; kMoney: fen
  double real = 0;           ///< kRatio: 0..1; kDays: days

  /// A whole-number value of `m`: a count, or fen for kMoney.
  static MeasureValue Integer(Measure m, std::int64_t n) { return {m, false, n, 0}; }
  /// A real value of `m`: a ratio 0..1, or days.
  static MeasureValue Real(Measure m, double x) { return {m, false, 0, x}; }
  /// No value of `m` (see `empty`).
  static MeasureValue Empty(Measure m) { return {m, true, 0, 0}; }
};

/// A dimension as a result names it.
struct DimensionInfo {
  std::string name;     ///< "category"
  std::string heading;  ///< Chinese heading of its label ("类别")
  bool has_label = true;
};

/// One value of a dimension: its code ("" when the case has none) and its
/// label ("" when the dimension has no label or the Labeler knows none).
struct DimensionValue {
  std::string code;
  std::string label;
};

/// One row of a StatsResult: the cases with these dimension values.
struct StatsRow {
  std::vector<DimensionValue> key;   ///< one per dimension; empty in the totals row
  std::vector<MeasureValue> values;  ///< one per measure, in the result's order

  /// The value of measure `m`, or nullptr when the result does not measure it.
  const MeasureValue* Value(Measure m) const;
};

/// Measures per combination of dimension values (Aggregate).
struct StatsResult {
  std::vector<DimensionInfo> dimensions;  ///< one or two
  std::vector<Measure> measures;          ///< as asked, in order
  /// Sorted by the dimensions' ranks, then codes; empty codes last.
  std::vector<StatsRow> rows;
  /// Every case counted once, however many values it has in a
  /// multi-valued dimension; its share is 1, its rates the overall ones.
  StatsRow totals;
  /// Notes on what was counted ("4 of 24 cases not concluded … left out").
  std::vector<std::string> notes;
};

/// One measure by two dimensions (CrossTable): cells[r][c] for row value r
/// of the first dimension and column value c of the second.
struct CrossResult {
  DimensionInfo row_dimension, column_dimension;
  Measure measure = Measure::kCases;
  std::vector<DimensionValue> row_values;     ///< sorted as StatsResult rows
  std::vector<DimensionValue> column_values;  ///< sorted likewise
  /// cells[r][c]; empty where the pair has no row in Aggregate: no case
  /// falls there or, for a measure other than cases, its counts are zero.
  std::vector<std::vector<MeasureValue>> cells;
  /// Per row and per column, each case counted once (a case with two
  /// mediators counts once in its row's total).
  std::vector<MeasureValue> row_totals, column_totals;
  MeasureValue total;  ///< every case once
  /// The notes of the pair counts, then "DIM0 by DIM1: MEASURE".
  std::vector<std::string> notes;
};

/// What `stats` reports when no measures are asked for.
struct StatsPlan {
  std::vector<Measure> measures;
  /// Count only concluded cases (outcome agreed or terminated).
  bool concluded_only = false;
};

/// The default plan for the dimensions named: for `level` alone, the
/// three-level filter's funnel (docs/law.md: how many concluded cases were
/// settled at each level, their share, and the success rate there) —
/// concluded cases only, measures cases, share, agreed, success_rate; for
/// `org` or `mediator` alone the workload: cases, open, this_month,
/// overdue; otherwise every case, measure cases.
StatsPlan DefaultPlan(const std::vector<std::string>& dimension_names);

/// How Aggregate counts.
struct AggregateOptions {
  /// Count only cases concluded (agreed or terminated) in the period; the
  /// `cases` measure then counts them (the funnel).
  bool concluded_only = false;
  /// The period: `cases` and the other received measures count cases
  /// received in it, the "by conclusion" measures cases concluded in it
  /// (docs/law.md). Unset: every case given counts for every measure.
  Period period;
  /// Today's local date (store time zone): decides overdue and this_month.
  Date today;
  /// Source code → group, for application/initiative/referral.
  std::function<std::string(const std::string&)> source_group;
  /// Codes of the (single) dimension that get a row even with no cases
  /// (the MoJ form lists every category): all_values[0]; ignored for two
  /// dimensions.
  std::vector<std::vector<std::string>> all_values;
};

/// Groups `cases` by `dims` (one or two) and computes `measures` per row:
/// a row per combination of dimension values (codes and labels from
/// `label`), one value per measure. Cases neither received nor
/// concluded in the period are left out. With `concluded_only`, cases not
/// concluded in the period are left out and a note says how many. When
/// `cases` is not among the measures, a row whose counts are all zero is
/// left out (unless listed in all_values). The totals row counts every case
/// once; its share is 1, its rates the overall ones. A note names the
/// period when one is set.
StatsResult Aggregate(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                      const std::vector<Measure>& measures, const Labeler& label,
                      const AggregateOptions& options);

/// Aggregate one case at a time, for counting a store without holding its
/// cases (ScanOptions::keep): give every case to Add, then Finish gives
/// the same result Aggregate would for the same cases in any order.
class Aggregation {
 public:
  Aggregation(std::vector<Dimension> dims, std::vector<Measure> measures, AggregateOptions options);
  ~Aggregation();
  Aggregation(Aggregation&&) noexcept;
  Aggregation& operator=(Aggregation&&) noexcept;

  /// Counts `c` (or leaves it out, as Aggregate does). Keeps no reference
  /// to it: memory grows with the rows, not the cases.
  void Add(const CaseSummary& c);
  /// The result of what was added (Aggregate's rows, totals, notes).
  StatsResult Finish(const Labeler& label) const;

 private:
  struct Rows;
  std::vector<Dimension> dims_;
  std::vector<Measure> measures_;
  AggregateOptions options_;
  std::unique_ptr<Rows> rows_;
  std::size_t left_out_ = 0;    ///< received in the period, not concluded (concluded_only)
  std::size_t considered_ = 0;  ///< received or concluded in the period (concluded_only)
};

/// Same, with only `concluded_only` set.
StatsResult Aggregate(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                      const std::vector<Measure>& measures, const Labeler& label,
                      bool concluded_only = false);

/// Counts `cases` grouped by `dims` (one or two): Aggregate with the one
/// measure kCases, every case, no period.
StatsResult CountBy(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                    const Labeler& label);

/// Two dimensions as a cross result of one measure: one row per value of
/// dims[0], one column per value of dims[1] (the values a one-dimension
/// Aggregate of each gives, in its order), the totals from those
/// one-dimension aggregates, so a case with several mediators counts once
/// in a total. Empty cells where no case falls (CrossResult::cells).
CrossResult CrossTable(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                       Measure measure, const Labeler& label, const AggregateOptions& options);

/// CrossTable one case at a time (see Aggregation): Add every case, then
/// Finish.
class CrossTabulation {
 public:
  /// `dims` must hold two dimensions.
  CrossTabulation(const std::vector<Dimension>& dims, Measure measure,
                  const AggregateOptions& options);
  void Add(const CaseSummary& c);
  /// The cross result of what was added (CrossTable's).
  CrossResult Finish(const Labeler& label) const;

 private:
  std::vector<Dimension> dims_;
  Measure measure_;
  Aggregation pair_, rows_, cols_;
};

/// The measures of the MoJ-style statistics form (docs/law.md), in column
/// order: cases (mediated), agreed, success_rate, written, oral, amount,
/// confirmations, application, initiative, referral.
std::vector<Measure> MojFormMeasures();

}  // namespace mediate
