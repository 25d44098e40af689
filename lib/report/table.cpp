#include "table.hpp"

namespace mediate {

int Table::ColumnIndex(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Table SelectColumns(const Table& t, const std::vector<std::string>& names) {
  std::vector<int> from;
  Table out;
  for (const std::string& name : names) {
    int i = t.ColumnIndex(name);
    from.push_back(i);
    out.columns.push_back(i < 0 ? Column{name, name, ColumnKind::kText}
                                : t.columns[static_cast<std::size_t>(i)]);
  }
  auto pick = [&from](const std::vector<Cell>& row) {
    std::vector<Cell> r;
    r.reserve(from.size());
    for (int i : from)
      r.push_back(i < 0 || static_cast<std::size_t>(i) >= row.size()
                      ? Cell()
                      : row[static_cast<std::size_t>(i)]);
    return r;
  };
  out.rows.reserve(t.rows.size());
  for (const auto& row : t.rows) out.rows.push_back(pick(row));
  if (!t.totals.empty()) out.totals = pick(t.totals);
  return out;
}

}  // namespace mediate
