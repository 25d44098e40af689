// The columns an output shows of a table's columns (Column::shown): the
// human formats in Chinese show a code's label only, the others its code.
#pragma once

#include <cstddef>
#include <vector>

#include "table.hpp"

namespace mediate {

/// The columns of a table as one output shows them, and its rows cut to
/// them.
class ColumnView {
 public:
  /// The view of `columns` where labels only are shown (`labels_only`:
  /// kCodeOfLabel columns left out) or not (kLabelOnly columns left out).
  ColumnView(bool labels_only, const std::vector<Column>& columns);

  /// The columns shown, in table order.
  const std::vector<Column>& columns() const { return shown_; }
  /// True when every column is shown (rows need no cutting).
  bool whole() const { return whole_; }
  /// `row` (cells in table order) cut to the columns shown. Where labels
  /// only are shown, a label cell that is empty shows its code instead
  /// (a code no vocabulary or registry knows).
  std::vector<Cell> Row(const std::vector<Cell>& row) const;
  /// The totals row cut likewise; where labels only are shown, the first
  /// cell is the translated "total" when the table's first cell says
  /// "total" (a code column's, which is left out).
  std::vector<Cell> Totals(const std::vector<Cell>& totals) const;

 private:
  bool labels_only_;
  bool whole_ = true;
  std::vector<Column> shown_;
  std::vector<std::size_t> from_;  ///< for each column shown, its index in the table
  std::vector<int> code_of_;       ///< for each column shown, its code column's index, or -1
};

/// `t` as a Chinese document shows it in every interface language (the
/// annual report, the filing list): labels only — a code column beside its
/// label left out, an empty label showing its code — and the totals row
/// headed 合计 where the table's first cell says "total".
Table LabelsOnlyTable(const Table& t);

}  // namespace mediate
