#include "training_stats.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace mediate {

namespace {

std::optional<int> ParseYear(const std::string& s) {
  if (s.size() != 4 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoi(s);
}

double Hours(std::int64_t tenths) { return static_cast<double>(tenths) / 10.0; }

/// Measures with a given set of mediators as "the" group (for --by org):
/// coverage is over the active mediators of `members`.
TrainingMeasures MeasureFor(const std::vector<const Training*>& sessions,
                            const MediatorRegistry& mediators,
                            const std::function<bool(const Mediator&)>& member) {
  TrainingMeasures m;
  std::set<std::string> trained;
  for (const Training* t : sessions) {
    ++m.sessions;
    m.trainee_times += t->attendees.size();
    m.person_hours_tenths += static_cast<std::int64_t>(t->hours_tenths) * t->attendees.size();
    for (const auto& a : t->attendees) {
      auto it = mediators.find(a);
      if (it == mediators.end() || it->second.status != "active" || !member(it->second)) continue;
      trained.insert(a);
      m.active_hours_tenths += t->hours_tenths;
    }
  }
  for (const auto& [id, med] : mediators)
    if (med.status == "active" && member(med)) ++m.active_mediators;
  m.trained_active = trained.size();
  return m;
}

std::vector<Cell> MeasureCells(const TrainingMeasures& m) {
  return {static_cast<std::int64_t>(m.sessions),
          static_cast<std::int64_t>(m.trainee_times),
          Hours(m.person_hours_tenths),
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

}  // namespace

Result<DateRange> ParsePeriod(const std::string& years, const std::string& from,
                              const std::string& to) {
  DateRange r;
  if (!years.empty()) {
    if (!from.empty() || !to.empty())
      return Status::Usage("give either --years or --from/--to, not both");
    std::string a = years, b = years;
    if (auto dash = years.find('-'); dash != std::string::npos) {
      a = years.substr(0, dash);
      b = years.substr(dash + 1);
    }
    auto ya = ParseYear(a), yb = ParseYear(b);
    if (!ya || !yb || *ya > *yb)
      return Status::Usage("--years \"" + years +
                           "\" is not a year or a range of years (2020-2022)");
    r.from = *Date::FromYmd(*ya, 1, 1);
    r.to = *Date::FromYmd(*yb, 12, 31);
    return r;
  }
  if (!from.empty()) {
    auto d = Date::Parse(from);
    if (!d) return Status::Usage("--from \"" + from + "\" is not a date (YYYY-MM-DD)");
    r.from = *d;
  }
  if (!to.empty()) {
    auto d = Date::Parse(to);
    if (!d) return Status::Usage("--to \"" + to + "\" is not a date (YYYY-MM-DD)");
    r.to = *d;
  }
  if (r.from.valid() && r.to.valid() && r.to < r.from)
    return Status::Usage("--to " + to + " is before --from " + from);
  return r;
}

double TrainingMeasures::coverage() const {
  return active_mediators ? static_cast<double>(trained_active) / active_mediators : 0.0;
}

double TrainingMeasures::hours_per_mediator() const {
  return active_mediators ? Hours(active_hours_tenths) / active_mediators : 0.0;
}

TrainingMeasures MeasureTraining(const std::vector<Training>& trainings,
                                 const MediatorRegistry& mediators, const DateRange& period) {
  std::vector<const Training*> in;
  for (const auto& t : trainings)
    if (period.Contains(t.date)) in.push_back(&t);
  return MeasureFor(in, mediators, [](const Mediator&) { return true; });
}

std::vector<std::string> TrainingGroupNames() {
  return {"year", "kind", "level", "lecturer", "org", "mediator"};
}

Result<Table> TrainingStatsTable(const std::vector<Training>& trainings,
                                 const MediatorRegistry& mediators, const OrgRegistry& orgs,
                                 const DateRange& period, const std::string& by,
                                 const std::function<std::string(const std::string&)>& kind_label) {
  std::vector<const Training*> in;
  for (const auto& t : trainings)
    if (period.Contains(t.date)) in.push_back(&t);
  auto everyone = [](const Mediator&) { return true; };
  Table table;
  if (by.empty()) {
    table.columns = {{"from", "自", ColumnKind::kText}, {"to", "至", ColumnKind::kText}};
    for (auto& c : MeasureColumns()) table.columns.push_back(c);
    std::vector<Cell> row = {period.from.valid() ? Cell(period.from.ToString()) : Cell(),
                             period.to.valid() ? Cell(period.to.ToString()) : Cell()};
    for (auto& c : MeasureCells(MeasureFor(in, mediators, everyone))) row.push_back(c);
    table.rows.push_back(std::move(row));
    return table;
  }
  auto names = TrainingGroupNames();
  if (std::find(names.begin(), names.end(), by) == names.end()) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    return Status::Usage("cannot group training by \"" + by + "\"; use one of: " + known);
  }
  table.columns = {{by, by, ColumnKind::kCode}, {by + "_label", "名称", ColumnKind::kText}};
  for (auto& c : MeasureColumns()) table.columns.push_back(c);

  if (by == "org" || by == "mediator") {
    // Groups of mediators: each group's sessions are those one of its
    // active members attended; coverage is over the group's members.
    std::map<std::string, std::string> groups;  // key → label
    for (const auto& [id, m] : mediators) {
      if (m.status != "active") continue;
      if (by == "org") {
        auto o = orgs.find(m.org);
        groups[m.org] = o == orgs.end() ? "" : o->second.name;
      } else {
        groups[id] = m.name;
      }
    }
    for (const auto& [key, label] : groups) {
      auto member = [&, key = key](const Mediator& m) {
        return by == "org" ? m.org == key : m.id == key;
      };
      std::vector<const Training*> mine;
      for (const Training* t : in)
        for (const auto& a : t->attendees) {
          auto it = mediators.find(a);
          if (it != mediators.end() && it->second.status == "active" && member(it->second)) {
            mine.push_back(t);
            break;
          }
        }
      std::vector<Cell> row = {key, label};
      for (auto& c : MeasureCells(MeasureFor(mine, mediators, member))) row.push_back(c);
      table.rows.push_back(std::move(row));
    }
  } else {
    std::map<std::string, std::vector<const Training*>> groups;
    for (const Training* t : in) {
      std::string key = by == "year"    ? std::to_string(t->date.year())
                        : by == "kind"  ? t->kind
                        : by == "level" ? t->level
                                        : t->lecturer;
      groups[key].push_back(t);
    }
    for (const auto& [key, sessions] : groups) {
      std::string label;
      if (by == "kind") label = kind_label(key);
      if (by == "lecturer") {
        auto it = mediators.find(key);
        label = it != mediators.end() ? it->second.name : key == "external" ? "外聘" : "";
      }
      std::vector<Cell> row = {key, label};
      for (auto& c : MeasureCells(MeasureFor(sessions, mediators, everyone))) row.push_back(c);
      table.rows.push_back(std::move(row));
    }
  }
  table.totals = {std::string("total"), std::string()};
  for (auto& c : MeasureCells(MeasureFor(in, mediators, everyone))) table.totals.push_back(c);
  return table;
}

Table TrainingDueTable(const std::vector<Training>& trainings, const MediatorRegistry& mediators,
                       const OrgRegistry& orgs, int year, int required_hours) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> got;  // id → sessions, tenths
  for (const auto& t : trainings) {
    if (!t.date.valid() || t.date.year() != year) continue;
    for (const auto& a : t.attendees) {
      auto& g = got[a];
      ++g.first;
      g.second += t.hours_tenths;
    }
  }
  struct Row {
    const Mediator* m;
    std::int64_t sessions, tenths;
  };
  std::vector<Row> rows;
  for (const auto& [id, m] : mediators) {
    if (m.status != "active") continue;
    if (m.filed.valid() && m.filed.year() > year) continue;
    auto it = got.find(id);
    std::int64_t sessions = it == got.end() ? 0 : it->second.first;
    std::int64_t tenths = it == got.end() ? 0 : it->second.second;
    if (tenths < static_cast<std::int64_t>(required_hours) * 10)
      rows.push_back({&m, sessions, tenths});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.tenths != b.tenths ? a.tenths < b.tenths : a.m->id < b.m->id;
  });
  Table table;
  table.columns = {
      {"id", "编号", ColumnKind::kCode},          {"name", "姓名", ColumnKind::kText},
      {"org", "组织", ColumnKind::kCode},         {"org_name", "组织名称", ColumnKind::kText},
      {"sessions", "场次", ColumnKind::kInt},     {"hours", "学时", ColumnKind::kDecimal},
      {"required", "应训学时", ColumnKind::kInt}, {"short", "差额", ColumnKind::kDecimal}};
  for (const auto& r : rows) {
    auto o = orgs.find(r.m->org);
    table.rows.push_back({r.m->id, r.m->name, r.m->org,
                          o == orgs.end() ? std::string() : o->second.name, r.sessions,
                          Hours(r.tenths), static_cast<std::int64_t>(required_hours),
                          required_hours - Hours(r.tenths)});
  }
  table.notes.push_back(std::to_string(rows.size()) + " active mediators below " +
                        std::to_string(required_hours) + " training hours in " +
                        std::to_string(year) +
                        " (store setting training.yearly_hours; local practice)");
  return table;
}

Table TrainingListTable(const std::vector<Training>& trainings, const DateRange& period,
                        const std::function<std::string(const std::string&)>& kind_label) {
  Table table;
  table.columns = {
      {"id", "编号", ColumnKind::kCode},       {"date", "日期", ColumnKind::kText},
      {"kind", "类别", ColumnKind::kCode},     {"kind_label", "类别名称", ColumnKind::kText},
      {"title", "主题", ColumnKind::kText},    {"level", "层级", ColumnKind::kCode},
      {"hours", "学时", ColumnKind::kDecimal}, {"lecturer", "授课人", ColumnKind::kCode},
      {"attendees", "人次", ColumnKind::kInt}};
  for (const auto& t : trainings) {
    if (!period.Contains(t.date)) continue;
    table.rows.push_back({t.id, t.date.ToString(), t.kind, kind_label(t.kind), t.title, t.level,
                          Hours(t.hours_tenths), t.lecturer,
                          static_cast<std::int64_t>(t.attendees.size())});
  }
  return table;
}

}  // namespace mediate
