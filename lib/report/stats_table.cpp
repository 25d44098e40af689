#include "stats_table.hpp"

#include <string>
#include <vector>

#include "i18n.hpp"

namespace mediate {
namespace {

/// The heading of a dimension without labels, in the interface's language
/// (the name itself in English).
std::string CodeHeading(const std::string& name) {
  if (name == "year") return _("year");
  if (name == "quarter") return _("quarter");
  if (name == "month") return _("month");
  return name;
}

/// A dimension's code column (left out of the Chinese human table when its
/// label column stands beside it: ColumnShown) and its label column.
void AddDimensionColumns(const DimensionInfo& d, std::vector<Column>* columns) {
  if (d.has_label) {
    columns->push_back({d.name, d.name, ColumnKind::kCode, ColumnShown::kCodeOfLabel});
    columns->push_back({d.name + "_label", d.heading, ColumnKind::kText});
  } else {
    columns->push_back({d.name, CodeHeading(d.name), ColumnKind::kCode});
  }
}

void AddDimensionCells(const DimensionInfo& d, const DimensionValue& v, std::vector<Cell>* row) {
  row->emplace_back(v.code);
  if (d.has_label) row->emplace_back(v.label);
}

}  // namespace

ColumnKind MeasureColumnKind(Measure m) {
  switch (KindOfMeasure(m)) {
    case MeasureKind::kCount:
      return ColumnKind::kInt;
    case MeasureKind::kMoney:
      return ColumnKind::kMoney;
    case MeasureKind::kDays:
      return ColumnKind::kDecimal;
    case MeasureKind::kRatio:
      break;
  }
  return ColumnKind::kPercent;
}

Cell MeasureCell(const MeasureValue& v) {
  if (v.empty) return Cell{};
  switch (KindOfMeasure(v.measure)) {
    case MeasureKind::kCount:
    case MeasureKind::kMoney:
      return v.integer;
    case MeasureKind::kRatio:
    case MeasureKind::kDays:
      break;
  }
  return v.real;
}

Table StatsTable(const StatsResult& r) {
  Table t;
  for (const auto& d : r.dimensions) AddDimensionColumns(d, &t.columns);
  const std::size_t key_width = t.columns.size();
  const auto names = MeasureNames();
  for (Measure m : r.measures)
    t.columns.push_back(
        {names[static_cast<std::size_t>(m)], MeasureHeading(m), MeasureColumnKind(m)});
  for (const StatsRow& row : r.rows) {
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < r.dimensions.size(); ++i)
      AddDimensionCells(r.dimensions[i], row.key[i], &cells);
    for (const MeasureValue& v : row.values) cells.push_back(MeasureCell(v));
    t.rows.push_back(std::move(cells));
  }
  std::vector<Cell> totals(key_width, Cell{});
  totals[0] = std::string("total");
  for (const MeasureValue& v : r.totals.values) totals.push_back(MeasureCell(v));
  t.totals = std::move(totals);
  t.notes = r.notes;
  return t;
}

Table CrossStatsTable(const CrossResult& x) {
  const ColumnKind kind = MeasureColumnKind(x.measure);
  Table t;
  AddDimensionColumns(x.row_dimension, &t.columns);
  const std::size_t key_width = t.columns.size();
  for (const DimensionValue& v : x.column_values) {
    std::string heading = x.column_dimension.has_label ? v.label : std::string();
    if (heading.empty())
      heading = v.code.empty() ? Tr("({0} none)", x.column_dimension.name) : v.code;
    t.columns.push_back({v.code.empty() ? "none" : v.code, heading, kind});
  }
  t.columns.push_back({"total", "合计", kind});
  for (std::size_t r = 0; r < x.row_values.size(); ++r) {
    std::vector<Cell> row;
    AddDimensionCells(x.row_dimension, x.row_values[r], &row);
    for (const MeasureValue& v : x.cells[r]) row.push_back(MeasureCell(v));
    row.push_back(MeasureCell(x.row_totals[r]));
    t.rows.push_back(std::move(row));
  }
  std::vector<Cell> totals(key_width, Cell{});
  totals[0] = std::string("total");
  for (const MeasureValue& v : x.column_totals) totals.push_back(MeasureCell(v));
  totals.push_back(MeasureCell(x.total));
  t.totals = std::move(totals);
  t.notes = x.notes;
  return t;
}

}  // namespace mediate
