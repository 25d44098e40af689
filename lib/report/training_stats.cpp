#include "training_stats.hpp"
#include "i18n.hpp"
#include "vocab.hpp"

namespace mediate {

namespace {

std::vector<Cell> MeasureCells(const TrainingMeasures& m) {
  return {static_cast<std::int64_t>(m.sessions),
          static_cast<std::int64_t>(m.trainee_times),
          HoursOf(m.person_hours_tenths),
          static_cast<std::int64_t>(m.active_mediators),
          static_cast<std::int64_t>(m.trained_active),
          m.coverage(),
          m.hours_per_mediator()};
}

std::vector<Column> MeasureColumns() {
  return {{"sessions", "场次", ColumnKind::kInt},
          {"trainee_times", "人次", ColumnKind::kInt},
          {"hours", "学时(人·时)", ColumnKind::kDecimal},
          {"active_mediators", "在册调解员", ColumnKind::kInt},
          {"trained_mediators", "参训调解员", ColumnKind::kInt},
          {"coverage", "覆盖率", ColumnKind::kPercent},
          {"hours_per_mediator", "人均学时", ColumnKind::kDecimal}};
}

/// The heading of the grouping column: the grouping itself ("year"), in
/// Chinese when translation is on (年度).
std::string GroupHeading(const std::string& by) {
  if (!TranslationOn()) return by;
  static const std::pair<const char*, const char*> kNames[] = {
      {"year", "年度"},       {"kind", "培训类型"}, {"level", "层级"},
      {"lecturer", "授课人"}, {"org", "组织"},      {"mediator", "调解员"}};
  for (const auto& [code, zh] : kNames)
    if (by == code) return zh;
  return by;
}

}  // namespace

Table TrainingGroupsTable(const TrainingGroups& g) {
  Table table;
  table.columns = {{g.by, GroupHeading(g.by), ColumnKind::kCode},
                   {g.by + "_label", "名称", ColumnKind::kText}};
  for (auto& c : MeasureColumns()) table.columns.push_back(c);
  for (const TrainingGroup& group : g.groups) {
    std::vector<Cell> row = {group.key, group.label};
    for (auto& c : MeasureCells(group.measures)) row.push_back(c);
    table.rows.push_back(std::move(row));
  }
  table.totals = {std::string("total"), std::string()};
  for (auto& c : MeasureCells(g.total)) table.totals.push_back(c);
  return table;
}

Result<Table> TrainingStatsTable(const std::vector<Training>& trainings,
                                 const MediatorRegistry& mediators, const OrgRegistry& orgs,
                                 const DateRange& period, const std::string& by,
                                 const std::function<std::string(const std::string&)>& kind_label) {
  if (by.empty()) {
    Table table;
    table.columns = {{"from", "自", ColumnKind::kText}, {"to", "至", ColumnKind::kText}};
    for (auto& c : MeasureColumns()) table.columns.push_back(c);
    std::vector<Cell> row = {period.from.valid() ? Cell(period.from.ToString()) : Cell(),
                             period.to.valid() ? Cell(period.to.ToString()) : Cell()};
    for (auto& c : MeasureCells(MeasureTraining(trainings, mediators, period))) row.push_back(c);
    table.rows.push_back(std::move(row));
    return table;
  }
  auto groups = GroupTraining(trainings, mediators, orgs, period, by, kind_label);
  if (!groups.ok()) return groups.status();
  return TrainingGroupsTable(*groups);
}

Table TrainingDueTable(const TrainingDue& due, const OrgRegistry& orgs) {
  Table table;
  table.columns = {
      {"id", "编号", ColumnKind::kCode},          {"name", "姓名", ColumnKind::kText},
      {"org", "组织", ColumnKind::kCode},         {"org_name", "组织名称", ColumnKind::kText},
      {"sessions", "场次", ColumnKind::kInt},     {"hours", "学时", ColumnKind::kDecimal},
      {"required", "应训学时", ColumnKind::kInt}, {"short", "差额", ColumnKind::kDecimal}};
  for (const TrainingShortfall& r : due.below) {
    const Mediator& m = *r.mediator;
    auto o = orgs.find(m.org);
    table.rows.push_back({m.id, m.name, m.org, o == orgs.end() ? std::string() : o->second.name,
                          r.sessions, HoursOf(r.hours_tenths),
                          static_cast<std::int64_t>(due.required_hours),
                          due.required_hours - HoursOf(r.hours_tenths)});
  }
  table.notes.push_back(
      Tr("{0} active mediators below {1} training hours in {2} (store setting "
         "training.yearly_hours; local practice)",
         due.below.size(), due.required_hours, due.year));
  return table;
}

Table TrainingDueTable(const std::vector<Training>& trainings, const MediatorRegistry& mediators,
                       const OrgRegistry& orgs, int year, int required_hours) {
  return TrainingDueTable(FindTrainingDue(trainings, mediators, year, required_hours), orgs);
}

Table TrainingListTable(const std::vector<Training>& trainings, const DateRange& period,
                        const std::function<std::string(const std::string&)>& kind_label) {
  Table table;
  table.columns = {{"id", "编号", ColumnKind::kCode},
                   {"date", "日期", ColumnKind::kText},
                   {"kind", "类别", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
                   {"kind_label", "类别名称", ColumnKind::kText},
                   {"title", "主题", ColumnKind::kText},
                   {"level", "层级", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
                   {"level_label", "层级", ColumnKind::kText, ColumnShown::kLabelOnly},
                   {"hours", "学时", ColumnKind::kDecimal},
                   {"lecturer", "授课人", ColumnKind::kCode},
                   {"attendees", "人次", ColumnKind::kInt}};
  // The level as the Chinese human table shows it (ColumnShown::kLabelOnly).
  const bool zh = TranslationOn();
  const VocabList& levels = Vocabulary::Builtin().level();
  for (const auto& t : trainings) {
    if (!period.Contains(t.date)) continue;
    table.rows.push_back({t.id, t.date.ToString(), t.kind, kind_label(t.kind), t.title, t.level,
                          zh ? levels.Shown(t.level) : std::string(), HoursOf(t.hours_tenths),
                          t.lecturer, static_cast<std::int64_t>(t.attendees.size())});
  }
  return table;
}

Table TrainingAttendanceTable(const Training& t, const MediatorRegistry& mediators) {
  Table table;
  table.columns = {
      {"session", "编号", ColumnKind::kCode},  {"date", "日期", ColumnKind::kText},
      {"kind", "类别", ColumnKind::kCode},     {"title", "主题", ColumnKind::kText},
      {"hours", "学时", ColumnKind::kDecimal}, {"attendee", "调解员编号", ColumnKind::kCode},
      {"name", "姓名", ColumnKind::kText},     {"org", "所属组织", ColumnKind::kCode}};
  for (const auto& a : t.attendees) {
    auto it = mediators.find(a);
    const bool known = it != mediators.end();
    table.rows.push_back({t.id, t.date.ToString(), t.kind, t.title, HoursOf(t.hours_tenths), a,
                          known ? it->second.name : std::string(),
                          known ? it->second.org : std::string()});
  }
  return table;
}

}  // namespace mediate
