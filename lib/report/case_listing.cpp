#include "case_listing.hpp"

#include "i18n.hpp"

namespace mediate {

std::vector<Column> CaseListingColumns() {
  constexpr auto kCode = ColumnShown::kCodeOfLabel;
  constexpr auto kLabel = ColumnShown::kLabelOnly;
  return {
      {"id", _("id"), ColumnKind::kCode},
      {"received", _("received"), ColumnKind::kText},
      {"category", "category", ColumnKind::kCode, kCode},
      {"category_label", "类别", ColumnKind::kText},
      {"source", "source", ColumnKind::kCode, kCode},
      {"source_label", "来源", ColumnKind::kText, kLabel},
      {"risk", "risk", ColumnKind::kCode, kCode},
      {"risk_label", "风险", ColumnKind::kText, kLabel},
      {"status", "status", ColumnKind::kCode, kCode},
      {"status_label", "状态", ColumnKind::kText, kLabel},
      {"level", "level", ColumnKind::kCode, kCode},
      {"level_label", "层级", ColumnKind::kText, kLabel},
      {"org", "org", ColumnKind::kCode, kCode},
      {"org_label", "调解组织", ColumnKind::kText},
      {"street", "street", ColumnKind::kCode, kCode},
      {"street_label", "街道", ColumnKind::kText},
      {"community", "community", ColumnKind::kCode, kCode},
      {"community_label", "社区", ColumnKind::kText},
      {"amount", _("amount"), ColumnKind::kMoney},
      {"deadline", _("deadline"), ColumnKind::kText},
      {"summary", _("summary"), ColumnKind::kText},
  };
}

std::vector<Cell> CaseListingRow(const CaseSummary& c, const Labeler& label) {
  // The labels only the Chinese human table shows (ColumnShown::kLabelOnly)
  // are looked up only when it can be shown.
  const bool zh = TranslationOn();
  auto zh_label = [&](const char* field, const std::string& code) -> Cell {
    if (!zh) return Cell{};
    return label(field, code);
  };
  std::vector<Cell> row;
  row.reserve(21);
  row.emplace_back(c.id);
  row.emplace_back(c.received.ToString());
  row.emplace_back(c.category);
  row.emplace_back(label("category", c.category));
  row.emplace_back(c.source);
  row.push_back(zh_label("source", c.source));
  row.emplace_back(c.risk);
  row.push_back(zh_label("risk", c.risk));
  row.emplace_back(c.status);
  row.push_back(zh_label("status", c.status));
  row.emplace_back(c.level);
  row.push_back(zh_label("level", c.level));
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

std::string CaseCountNote(std::size_t cases) { return TrN("{0} case", "{0} cases", cases, cases); }

Table CaseListing(const std::vector<CaseSummary>& cases, const Labeler& label) {
  Table t;
  t.columns = CaseListingColumns();
  t.rows.reserve(cases.size());
  for (const CaseSummary& c : cases) t.rows.push_back(CaseListingRow(c, label));
  t.notes.push_back(CaseCountNote(cases.size()));
  return t;
}

}  // namespace mediate
