// Statistics as Tables: the rendering of StatsResult and CrossResult
// (lib/domain/stats.hpp) for `stats`, the MoJ form and the report's
// sections. The one place a statistics result becomes named columns.
#pragma once

#include "stats.hpp"
#include "table.hpp"

namespace mediate {

/// The column kind a measure is shown as: counts kInt, money kMoney (fen),
/// ratios kPercent, days kDecimal.
ColumnKind MeasureColumnKind(Measure m);

/// A measure value as a cell: empty → empty cell; a count or fen → int64; a
/// ratio or days → double.
Cell MeasureCell(const MeasureValue& v);

/// `r` as a Table. Columns: per dimension its code (named and headed by
/// the dimension's name, kCode) and, when it has labels, its label
/// ("NAME_label", headed by the dimension's heading, kText); then one
/// column per measure (named as MeasureNames, headed by MeasureHeading,
/// kind MeasureColumnKind). One row per result row in order; the totals row
/// with "total" in the first column and empty dimension cells; the notes.
Table StatsTable(const StatsResult& r);

/// `x` as a cross Table. Columns: the row dimension's code and label (as
/// StatsTable), one column per column value — named by its code ("none"
/// for the empty code), headed by its label, else its code, else "(NAME
/// none)" — and `total` (合计), all of the measure's kind. One row per row
/// value (code, label, cells, row total); the totals row ("total", column
/// totals, grand total); the notes.
Table CrossStatsTable(const CrossResult& x);

}  // namespace mediate
