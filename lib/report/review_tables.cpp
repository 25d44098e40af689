#include "review_tables.hpp"
#include "i18n.hpp"

#include <cstdint>

namespace mediate {

Table ReviewCheckTable(const ReviewCheckResult& r,
                       const std::function<std::string(const std::string&)>& label) {
  Table t;
  t.columns = {{"code", "问题类型", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
               {"label", "名称", ColumnKind::kText},
               {"cases", "案件数", ColumnKind::kInt}};
  for (const auto& code : AutomaticFindingCodes()) {
    auto it = r.by_code.find(code);
    std::int64_t n = it == r.by_code.end() ? 0 : static_cast<std::int64_t>(it->second.size());
    t.rows.push_back({code, label(code), n});
  }
  t.totals = {std::string("total"), std::string("有问题的案件"),
              static_cast<std::int64_t>(r.cases_with_findings)};
  t.notes.push_back(
      Tr("{0} case files checked; a case with several kinds counts once in the total", r.cases));
  return t;
}

Table ReviewCasesTable(const ReviewCheckResult& r,
                       const std::function<std::string(const std::string&)>& label) {
  Table t;
  t.columns = {{"code", "问题类型", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
               {"label", "名称", ColumnKind::kText},
               {"case", "案件", ColumnKind::kCode}};
  for (const auto& code : AutomaticFindingCodes()) {
    auto it = r.by_code.find(code);
    if (it == r.by_code.end()) continue;
    for (const auto& id : it->second) t.rows.push_back({code, label(code), id});
  }
  return t;
}

Table ReviewStatsTable(const ReviewStats& s,
                       const std::function<std::string(const std::string&)>& label) {
  Table t;
  t.columns = {{"files_reviewed", "评查卷宗", ColumnKind::kInt},
               {"typed_problems", "类型化问题", ColumnKind::kInt},
               {"typed_kinds", "问题类型数", ColumnKind::kInt},
               {"individual_problems", "个性化问题", ColumnKind::kInt},
               {"files_with_problems", "有问题卷宗", ColumnKind::kInt},
               {"average_score", "平均分", ColumnKind::kDecimal}};
  const std::optional<double> average = s.average_score();
  t.rows.push_back(
      {static_cast<std::int64_t>(s.files), static_cast<std::int64_t>(s.typed),
       static_cast<std::int64_t>(s.kinds.size()), static_cast<std::int64_t>(s.individual),
       static_cast<std::int64_t>(s.files_with_problems), average ? Cell(*average) : Cell()});
  if (!s.kinds.empty()) {
    std::string top;
    for (std::size_t i = 0; i < s.kinds.size() && i < 3; ++i)
      top += (i ? ", " : "") + s.kinds[i].first + " " + label(s.kinds[i].first) + " (" +
             std::to_string(s.kinds[i].second) + ")";
    t.notes.push_back(Tr("most frequent: {0}", top));
  }
  return t;
}

Table ReviewKindsTable(const ReviewStats& s,
                       const std::function<std::string(const std::string&)>& label) {
  Table t;
  t.columns = {{"code", "问题类型", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
               {"label", "名称", ColumnKind::kText},
               {"occurrences", "次数", ColumnKind::kInt},
               {"share", "占比", ColumnKind::kPercent}};
  for (const auto& [code, n] : s.kinds)
    t.rows.push_back({code, label(code), static_cast<std::int64_t>(n),
                      s.typed ? static_cast<double>(n) / s.typed : 0.0});
  t.totals = {std::string("total"), std::string(), static_cast<std::int64_t>(s.typed),
              s.typed ? 1.0 : 0.0};
  return t;
}

}  // namespace mediate
