#include "case_listing.hpp"

namespace mediate {

std::vector<Column> CaseListingColumns() {
  return {
      {"id", "id", ColumnKind::kCode},
      {"received", "received", ColumnKind::kText},
      {"category", "category", ColumnKind::kCode},
      {"category_label", "类别", ColumnKind::kText},
      {"source", "source", ColumnKind::kCode},
      {"risk", "risk", ColumnKind::kCode},
      {"status", "status", ColumnKind::kCode},
      {"level", "level", ColumnKind::kCode},
      {"org", "org", ColumnKind::kCode},
      {"org_label", "调解组织", ColumnKind::kText},
      {"street", "street", ColumnKind::kCode},
      {"street_label", "街道", ColumnKind::kText},
      {"community", "community", ColumnKind::kCode},
      {"community_label", "社区", ColumnKind::kText},
      {"amount", "amount", ColumnKind::kMoney},
      {"deadline", "deadline", ColumnKind::kText},
      {"summary", "summary", ColumnKind::kText},
  };
}

std::vector<Cell> CaseListingRow(const CaseSummary& c, const Labeler& label) {
  std::vector<Cell> row;
  row.reserve(17);
  row.emplace_back(c.id);
  row.emplace_back(c.received.ToString());
  row.emplace_back(c.category);
  row.emplace_back(label("category", c.category));
  row.emplace_back(c.source);
  row.emplace_back(c.risk);
  row.emplace_back(c.status);
  row.emplace_back(c.level);
  row.emplace_back(c.org);
  row.emplace_back(label("org", c.org));
  row.emplace_back(c.street);
  row.emplace_back(label("street", c.street));
  row.emplace_back(c.community);
  row.emplace_back(label("community", c.community));
  if (c.amount) {
    row.emplace_back(c.amount->fen());
  } else {
    row.emplace_back(std::monostate{});
  }
  row.emplace_back(c.deadline.ToString());
  row.emplace_back(c.summary);
  return row;
}

std::string CaseCountNote(std::size_t cases) {
  return cases == 1 ? std::string("1 case") : std::to_string(cases) + " cases";
}

Table CaseListing(const std::vector<CaseSummary>& cases, const Labeler& label) {
  Table t;
  t.columns = CaseListingColumns();
  t.rows.reserve(cases.size());
  for (const CaseSummary& c : cases) t.rows.push_back(CaseListingRow(c, label));
  t.notes.push_back(CaseCountNote(cases.size()));
  return t;
}

}  // namespace mediate
