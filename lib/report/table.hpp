// The presentation table: named, typed columns and rows of cells. The layers
// below compute typed results (a StatsResult, a DueList, RosterCounts …);
// the rendering layer lays each out as a Table (stats_table, due_table, …)
// and renders it last (render.hpp), so every format shows the same numbers.
// Only the renderers look a column up by name (scripts/check-source).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace mediate {

/// How a column's values are typed and shown.
enum class ColumnKind {
  kText,     ///< a string
  kCode,     ///< a vocabulary/division code (text, never a number)
  kInt,      ///< a count
  kMoney,    ///< fen (int64); shown as yuan with two decimals
  kPercent,  ///< a ratio 0..1 (double); shown as 85.3%
  kDecimal,  ///< a double shown with one decimal (days, averages)
  kList,     ///< a list of texts held as one string cell, the items joined by ';'
             ///< (no item holds a ';'); shown as that text, in JSON an array
             ///< of the items ("" is the empty list)
};

/// Which outputs show a column. The human formats in Chinese (the aligned
/// text table and Markdown with translation on: LabelsOnly in
/// table_writer.hpp) show labels only, never a code beside its label; the
/// machine formats (CSV, JSON, JSON Lines, XLSX) and the English human
/// formats show codes, as they always have.
enum class ColumnShown {
  kAlways,
  /// A code whose label column (named `name` + "_label") stands beside it:
  /// left out where labels only are shown.
  kCodeOfLabel,
  /// A label shown only where labels only are shown (its code column is
  /// kCodeOfLabel): the English and machine outputs have the code alone.
  kLabelOnly,
};

struct Column {
  std::string name;     ///< machine name: CSV header, JSON key ("category_label")
  std::string heading;  ///< human heading for text/Markdown/HTML ("类别"); name when empty
  ColumnKind kind = ColumnKind::kText;
  ColumnShown shown = ColumnShown::kAlways;
};

/// One cell: empty, text, an integer (counts, fen) or a real (ratios).
using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  /// Optional totals row (same width as columns), rendered last and marked
  /// "total" in the first column by the builder.
  std::vector<Cell> totals;
  /// Notes printed under a text table (e.g. "2 cases without a street").
  std::vector<std::string> notes;

  /// Index of the column named `name`, or -1.
  int ColumnIndex(const std::string& name) const;
};

/// The columns of `t` named in `names`, in the order of `names` (a name
/// may be given twice): their Column (name, heading, kind), the cells of
/// every row and, when `t` has a totals row, of the totals. Notes are not
/// copied: what a narrower view says under it is the caller's. A name that
/// is not a column of `t` is a programming error; it gives a text column
/// of that name with empty cells (and an empty total), so the mistake
/// shows in the output rather than a column silently missing.
Table SelectColumns(const Table& t, const std::vector<std::string>& names);

}  // namespace mediate
