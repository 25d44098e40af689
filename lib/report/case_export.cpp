#include "case_export.hpp"

#include "pii.hpp"

namespace mediate {

namespace {

/// A kList cell: the items joined by ';', a ';' inside an item written as
/// the full-width '；' so that every reader splits the list alike.
std::string JoinList(const std::vector<std::string>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) s += ';';
    for (char ch : v[i]) {
      if (ch == ';') {
        s += "\xEF\xBC\x9B";  // U+FF1B FULLWIDTH SEMICOLON
      } else {
        s += ch;
      }
    }
  }
  return s;
}

}  // namespace

std::vector<Column> ExportColumns() {
  using K = ColumnKind;
  return {
      {"schema", "", K::kCode},
      {"id", "编号", K::kCode},
      {"file_no", "卷号", K::kText},
      {"received", "受理日期", K::kCode},
      {"year", "年", K::kInt},
      {"month", "月份", K::kCode},
      {"source", "", K::kCode},
      {"source_label", "来源", K::kText},
      {"source_group", "来源分组", K::kCode},
      {"category", "", K::kCode},
      {"category_label", "类别", K::kText},
      {"risk", "风险", K::kCode},
      {"status", "", K::kCode},
      {"status_label", "状态", K::kText},
      {"open", "未结", K::kInt},
      {"overdue", "逾期", K::kInt},
      {"level", "", K::kCode},
      {"level_label", "层级", K::kText},
      {"outcome", "", K::kCode},
      {"outcome_label", "结果", K::kText},
      {"street", "", K::kCode},
      {"street_label", "街道", K::kText},
      {"community", "", K::kCode},
      {"community_label", "社区/村", K::kText},
      {"grid", "网格", K::kCode},
      {"org", "", K::kCode},
      {"org_label", "调解组织", K::kText},
      {"org_kind", "组织类型", K::kCode},
      {"mediators", "调解员", K::kList},
      {"amount", "涉及金额", K::kMoney},
      {"people_involved", "涉及人数", K::kInt},
      {"deadline", "期限", K::kCode},
      {"concluded", "调结日期", K::kCode},
      {"days_to_conclude", "调结天数", K::kInt},
      {"over_limit", "超期调结", K::kInt},
      {"agreement_form", "协议形式", K::kCode},
      {"agreement_effective", "协议生效", K::kCode},
      {"performance", "履行", K::kCode},
      {"confirmation", "司法确认", K::kCode},
      {"confirmation_applied", "司法确认申请", K::kCode},
      {"visited", "回访日期", K::kCode},
      {"closed", "归档日期", K::kCode},
      {"escalations", "升级次数", K::kInt},
      {"extended", "延期", K::kInt},
      {"migrated", "迁移", K::kInt},
      {"party_kinds", "当事人类型", K::kList},
      {"parties", "当事人标识", K::kList},
      {"summary", "简要情况", K::kText},
      {"amount_fen", "涉及金额(分)", K::kInt},
  };
}

std::vector<Cell> ExportRow(const CaseSummary& c, const ExportContext& context) {
  auto text = [](const std::string& s) { return Cell{s}; };
  auto date = [](Date d) { return d.valid() ? Cell{d.ToString()} : Cell{}; };
  auto flag = [](bool b) { return Cell{static_cast<std::int64_t>(b ? 1 : 0)}; };
  const Date today = context.today;
  auto lab = [&](const char* f, const std::string& code) {
    return context.label ? context.label(f, code) : std::string();
  };
  std::vector<std::string> parties;
  if (context.reveal && context.revealed_parties)
    parties = context.revealed_parties(c);
  else
    parties = c.party_masked;
  const bool concluded =
      c.concluded.valid() && (c.outcome == "agreed" || c.outcome == "terminated");
  std::vector<Cell> row = {
      text(kExportSchema),
      text(c.id),
      text(context.file_no ? context.file_no(c) : c.file_no),
      date(c.received),
      c.received.valid() ? Cell{static_cast<std::int64_t>(c.received.year())} : Cell{},
      text(c.received.MonthString()),
      text(c.source),
      text(lab("source", c.source)),
      text(context.source_group ? context.source_group(c.source) : std::string()),
      text(c.category),
      text(lab("category", c.category)),
      text(c.risk),
      text(c.status),
      text(lab("status", c.status)),
      flag(IsOpenStatus(c.status)),
      flag(IsPendingStatus(c.status) && c.deadline.valid() && today.valid() && c.deadline < today),
      text(c.level),
      text(lab("level", c.level)),
      text(c.outcome),
      text(lab("outcome", c.outcome)),
      text(c.street),
      text(lab("street", c.street)),
      text(c.community),
      text(lab("community", c.community)),
      text(c.grid),
      text(c.org),
      text(lab("org", c.org)),
      text(context.org_kind && !c.org.empty() ? context.org_kind(c.org) : std::string()),
      text(JoinList(c.mediators)),
      c.amount ? Cell{c.amount->fen()} : Cell{},
      Cell{static_cast<std::int64_t>(c.people_involved)},
      date(c.deadline),
      date(c.concluded),
      concluded && c.received.valid()
          ? Cell{static_cast<std::int64_t>(c.received.DaysUntil(c.concluded))}
          : Cell{},
      flag(concluded && c.deadline.valid() && c.concluded > c.deadline),
      text(c.agreement_form),
      date(c.agreement_effective),
      text(c.performance),
      text(c.confirmation),
      date(c.confirmation_applied),
      date(c.visited),
      date(c.closed),
      Cell{static_cast<std::int64_t>(c.escalations)},
      flag(c.extended),
      flag(c.migrated),
      text(JoinList(c.party_kinds)),
      text(JoinList(parties)),
      text(c.summary),
      c.amount ? Cell{c.amount->fen()} : Cell{},
  };
  return row;
}

Table ExportTable(const std::vector<CaseSummary>& cases, const Labeler& label,
                  const std::function<std::string(const std::string&)>& source_group,
                  const std::function<std::string(const std::string&)>& org_kind, Date today,
                  bool reveal) {
  Table t;
  t.columns = ExportColumns();
  const ExportContext context{label, source_group, org_kind, today, reveal, nullptr, nullptr};
  t.rows.reserve(cases.size());
  for (const CaseSummary& c : cases) t.rows.push_back(ExportRow(c, context));
  return t;
}

}  // namespace mediate
