#include "column_view.hpp"

#include <string>

#include "i18n.hpp"

namespace mediate {

ColumnView::ColumnView(bool labels_only, const std::vector<Column>& columns)
    : labels_only_(labels_only) {
  const ColumnShown hidden = labels_only ? ColumnShown::kCodeOfLabel : ColumnShown::kLabelOnly;
  static const std::string kSuffix = "_label";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& c = columns[i];
    if (c.shown == hidden) {
      whole_ = false;
      continue;
    }
    int code = -1;
    if (labels_only && c.name.size() > kSuffix.size() &&
        c.name.compare(c.name.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0) {
      const std::string code_name = c.name.substr(0, c.name.size() - kSuffix.size());
      for (std::size_t j = 0; j < columns.size(); ++j)
        if (columns[j].name == code_name && columns[j].shown == ColumnShown::kCodeOfLabel)
          code = static_cast<int>(j);
    }
    shown_.push_back(c);
    from_.push_back(i);
    code_of_.push_back(code);
  }
}

std::vector<Cell> ColumnView::Row(const std::vector<Cell>& row) const {
  if (whole_) return row;
  std::vector<Cell> out;
  out.reserve(from_.size());
  for (std::size_t k = 0; k < from_.size(); ++k) {
    const std::size_t i = from_[k];
    Cell cell = i < row.size() ? row[i] : Cell{};
    const int code = code_of_[k];
    const std::string* label = std::get_if<std::string>(&cell);
    if (code >= 0 && static_cast<std::size_t>(code) < row.size() &&
        (std::holds_alternative<std::monostate>(cell) || (label && label->empty())))
      cell = row[static_cast<std::size_t>(code)];
    out.push_back(std::move(cell));
  }
  return out;
}

std::vector<Cell> ColumnView::Totals(const std::vector<Cell>& totals) const {
  if (totals.empty()) return totals;
  std::vector<Cell> out = Row(totals);
  const std::string* first = std::get_if<std::string>(&totals[0]);
  if (labels_only_ && !out.empty() && first && *first == "total") out[0] = std::string(_("total"));
  return out;
}

Table LabelsOnlyTable(const Table& t) {
  ColumnView view(true, t.columns);
  if (view.whole() && (t.totals.empty() || t.totals[0] != Cell(std::string("total")))) return t;
  Table out;
  out.columns = view.columns();
  out.rows.reserve(t.rows.size());
  for (const auto& row : t.rows) out.rows.push_back(view.Row(row));
  if (!t.totals.empty()) {
    out.totals = view.Row(t.totals);
    if (t.totals[0] == Cell(std::string("total")) && !out.totals.empty())
      out.totals[0] = std::string("合计");
  }
  out.notes = t.notes;
  return out;
}

}  // namespace mediate
