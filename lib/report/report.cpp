#include "report.hpp"

#include <map>

#include "i18n.hpp"
#include "review_tables.hpp"
#include "roster_table.hpp"
#include "stats_table.hpp"
#include "training_stats.hpp"

namespace mediate {
namespace {

/// Mediators counted under `code` in `by` (0 when none).
std::int64_t CountOf(const std::map<std::string, std::int64_t>& by, const std::string& code) {
  auto it = by.find(code);
  return it == by.end() ? 0 : it->second;
}

}  // namespace

const ReportFigure* Report::Figure(const std::string& key) const {
  for (const auto& f : figures)
    if (f.key == key) return &f;
  return nullptr;
}

Result<Report> BuildReport(const ReportInput& in) {
  if (!in.period.set())
    return Status::Usage(_("report needs a period: --year, --quarter or --month"));
  if (!in.cases || !in.areas || !in.orgs || !in.mediators || !in.trainings || !in.reviews ||
      !in.dimension)
    return Status::Internal("BuildReport: an input is missing");
  Report r;
  r.period = in.period.name;
  r.title = in.district_name + "人民调解工作报告 " + in.period.name;
  r.generated = in.today.ToString();
  const auto& cases = *in.cases;

  AggregateOptions opt;
  opt.period = in.period;
  opt.today = in.today;
  opt.source_group = in.source_group;

  auto dim = [&](const std::string& name) -> Result<Dimension> { return in.dimension(name); };
  auto add_figure = [&](std::string key, std::string label, Cell v, ColumnKind k) {
    r.figures.push_back({std::move(key), std::move(label), std::move(v), k});
  };

  // Case figures: the totals row of `stats --measure …` with no dimension
  // other than a constant — taken from the totals of a one-dimension table.
  {
    auto d = dim("year");
    if (!d.ok()) return d.status();
    const std::vector<Measure> ms = {
        Measure::kCases,      Measure::kConcluded,     Measure::kAgreed,    Measure::kSuccessRate,
        Measure::kMedianDays, Measure::kConfirmations, Measure::kVisitRate, Measure::kAmount};
    const StatsResult t = Aggregate(cases, {*d}, ms, in.label, opt);
    auto tot = [&](Measure m) {
      const MeasureValue* v = t.totals.Value(m);
      return v ? MeasureCell(*v) : Cell{};
    };
    add_figure("cases", "受理案件", tot(Measure::kCases), ColumnKind::kInt);
    add_figure("concluded", "调结案件", tot(Measure::kConcluded), ColumnKind::kInt);
    add_figure("agreed", "调解成功", tot(Measure::kAgreed), ColumnKind::kInt);
    add_figure("success_rate", "调解成功率", tot(Measure::kSuccessRate), ColumnKind::kPercent);
    add_figure("median_days", "调结天数中位数", tot(Measure::kMedianDays), ColumnKind::kDecimal);
    add_figure("confirmations", "司法确认", tot(Measure::kConfirmations), ColumnKind::kInt);
    add_figure("visit_rate", "回访率", tot(Measure::kVisitRate), ColumnKind::kPercent);
    add_figure("amount", "涉及金额", tot(Measure::kAmount), ColumnKind::kMoney);
  }

  // The area.
  add_figure("streets", "街道（乡镇）", static_cast<std::int64_t>(in.areas->streets().size()),
             ColumnKind::kInt);
  add_figure("communities", "社区（村）", static_cast<std::int64_t>(in.areas->community_count()),
             ColumnKind::kInt);
  add_figure("grids", "网格", static_cast<std::int64_t>(in.areas->grid_count()), ColumnKind::kInt);

  // Organisations: brand rooms and chamber committees on the register.
  std::vector<std::string> brand_rooms, chambers;
  for (const auto& [id, o] : *in.orgs) {
    if (o.status != "active") continue;
    if (o.kind == "brand_room") brand_rooms.push_back(id);
    if (o.kind == "chamber_committee") chambers.push_back(id);
  }
  add_figure("brand_rooms", "品牌调解室", static_cast<std::int64_t>(brand_rooms.size()),
             ColumnKind::kInt);
  add_figure("chambers", "商会调委会", static_cast<std::int64_t>(chambers.size()),
             ColumnKind::kInt);

  // The team, as `mediator stats` counts it.
  const RosterCounts roster = CountRoster(*in.mediators);
  add_figure("mediators", "在册调解员", roster.active, ColumnKind::kInt);
  add_figure("grade_4", "四级调解员", roster.grade(4), ColumnKind::kInt);
  add_figure("grade_3", "三级调解员", roster.grade(3), ColumnKind::kInt);
  add_figure("grade_1_2", "一级至二级调解员", roster.grade(1) + roster.grade(2), ColumnKind::kInt);
  add_figure("full_time", "专职调解员", CountOf(roster.by_employment, "full_time"),
             ColumnKind::kInt);
  add_figure("part_time", "兼职调解员", CountOf(roster.by_employment, "part_time"),
             ColumnKind::kInt);
  add_figure("lecturers", "授课骨干", roster.lecturers, ColumnKind::kInt);
  add_figure("honoured", "获得荣誉", roster.honoured, ColumnKind::kInt);

  // Training over the three calendar years ending with the period's year.
  const int last_year = in.period.to.valid() ? in.period.to.year() : in.today.year();
  DateRange three{*Date::FromYmd(last_year - 2, 1, 1), *Date::FromYmd(last_year, 12, 31)};
  TrainingMeasures tm = MeasureTraining(*in.trainings, *in.mediators, three);
  const std::string years = std::to_string(last_year - 2) + "–" + std::to_string(last_year);
  add_figure("training_sessions", "培训场次（" + years + "）",
             static_cast<std::int64_t>(tm.sessions), ColumnKind::kInt);
  add_figure("trainee_times", "培训人次（" + years + "）",
             static_cast<std::int64_t>(tm.trainee_times), ColumnKind::kInt);
  add_figure("training_coverage", "培训覆盖率（" + years + "）", tm.coverage(),
             ColumnKind::kPercent);

  // Quality review in the period's year.
  ReviewStats rs = ComputeReviewStats(*in.reviews, last_year);
  if (rs.files > 0) {
    add_figure("review_files", "评查案卷", static_cast<std::int64_t>(rs.files), ColumnKind::kInt);
    add_figure("review_typed", "类型化问题", static_cast<std::int64_t>(rs.typed), ColumnKind::kInt);
    add_figure("review_individual", "个性化问题", static_cast<std::int64_t>(rs.individual),
               ColumnKind::kInt);
  }

  // Sections.
  auto section = [&](std::string key, std::string title, std::vector<std::string> dims,
                     std::vector<Measure> measures, bool concluded_only, ChartKind chart,
                     std::string value, std::vector<std::vector<std::string>> all = {},
                     const std::vector<CaseSummary>* only = nullptr) -> Status {
    std::vector<Dimension> ds;
    for (const auto& n : dims) {
      auto d = dim(n);
      if (!d.ok()) return d.status();
      ds.push_back(std::move(d.value()));
    }
    AggregateOptions o = opt;
    o.concluded_only = concluded_only;
    o.all_values = std::move(all);
    ReportSection s;
    s.key = std::move(key);
    s.title = std::move(title);
    s.table = StatsTable(Aggregate(only ? *only : cases, ds, measures, in.label, o));
    s.chart = chart;
    s.chart_label = ds[0].has_label ? ds[0].name + "_label" : ds[0].name;
    s.chart_value = std::move(value);
    r.sections.push_back(std::move(s));
    return Status::Ok();
  };
  const std::vector<Measure> core = {Measure::kCases, Measure::kShare, Measure::kAgreed,
                                     Measure::kSuccessRate};
  MEDIATE_RETURN_IF_ERROR(
      section("categories", "按纠纷类型", {"category"}, core, false, ChartKind::kBars, "cases"));
  MEDIATE_RETURN_IF_ERROR(section("sources", "按案件来源", {"source"},
                                  {Measure::kCases, Measure::kShare}, false, ChartKind::kBars,
                                  "cases"));
  MEDIATE_RETURN_IF_ERROR(section("source_groups", "按来源分组", {"source_group"},
                                  {Measure::kCases, Measure::kShare}, false, ChartKind::kNone,
                                  "cases"));
  MEDIATE_RETURN_IF_ERROR(section("funnel", "三级递进式过滤：调结层级", {"level"},
                                  DefaultPlan({"level"}).measures, true, ChartKind::kFunnel,
                                  "cases"));
  MEDIATE_RETURN_IF_ERROR(section("months", "按月受理", {"month"},
                                  {Measure::kCases, Measure::kAgreed}, false, ChartKind::kLine,
                                  "cases"));
  MEDIATE_RETURN_IF_ERROR(
      section("streets", "按街道", {"street"}, core, false, ChartKind::kBars, "cases"));
  MEDIATE_RETURN_IF_ERROR(
      section("measures", "调解质效", {"source_group"},
              {Measure::kCases, Measure::kConcluded, Measure::kAgreed, Measure::kSuccessRate,
               Measure::kMedianDays, Measure::kConfirmations, Measure::kVisitRate},
              false, ChartKind::kNone, "cases"));
  {
    std::vector<CaseSummary> handled;
    std::vector<std::string> ids = brand_rooms;
    ids.insert(ids.end(), chambers.begin(), chambers.end());
    for (const auto& c : cases)
      for (const auto& id : ids)
        if (c.org == id) handled.push_back(c);
    MEDIATE_RETURN_IF_ERROR(section("brand_rooms", "品牌调解室和商会调委会受理案件", {"org"},
                                    {Measure::kCases, Measure::kAgreed, Measure::kSuccessRate},
                                    false, ChartKind::kBars, "cases", {ids}, &handled));
  }
  {
    ReportSection s;
    s.key = "grades";
    s.title = "调解员等级（在册、已评级）";
    s.table.columns = {{"grade", "等级", ColumnKind::kCode},
                       {"grade_label", "等级", ColumnKind::kText},
                       {"mediators", "调解员", ColumnKind::kInt}};
    std::int64_t graded = 0;
    for (int g : {4, 3, 2, 1}) {
      s.table.rows.push_back(
          {std::to_string(g), std::string(MediatorGradeLabel(g)), roster.grade(g)});
      graded += roster.grade(g);
    }
    s.table.totals = {std::string("total"), Cell{}, graded};
    s.table.notes.push_back(Tr("{0} of {1} active mediators are not graded",
                               Thousands(roster.grade(0)), Thousands(roster.active)));
    s.chart = ChartKind::kBars;
    s.chart_label = "grade_label";
    s.chart_value = "mediators";
    r.sections.push_back(std::move(s));
    ReportSection team;
    team.key = "team";
    team.title = "调解员队伍";
    team.table = RosterStatsTable(roster, in.vocab_label);
    r.sections.push_back(std::move(team));
  }
  {
    auto t = TrainingStatsTable(
        *in.trainings, *in.mediators, *in.orgs, three, "year", [&](const std::string& k) {
          return in.vocab_label ? in.vocab_label("training_kind", k) : std::string();
        });
    if (!t.ok()) return t.status();
    ReportSection s;
    s.key = "training";
    s.title = "培训（" + years + "）";
    s.table = std::move(t.value());
    r.sections.push_back(std::move(s));
  }
  if (rs.files > 0) {
    ReportSection s;
    s.key = "review";
    s.title = "案件质量评查（" + std::to_string(last_year) + "）";
    s.table = ReviewStatsTable(rs, [&](const std::string& c) {
      return in.vocab_label ? in.vocab_label("review_finding", c) : std::string();
    });
    r.sections.push_back(std::move(s));
  }
  {
    ReportSection s;
    s.key = "area";
    s.title = "辖区";
    s.table.columns = {{"street", "街道", ColumnKind::kCode},
                       {"street_label", "街道", ColumnKind::kText},
                       {"communities", "社区（村）", ColumnKind::kInt},
                       {"grids", "网格", ColumnKind::kInt}};
    std::int64_t nc = 0, ng = 0;
    for (const auto& st : in.areas->streets()) {
      std::int64_t c = static_cast<std::int64_t>(st.communities.size()), g = 0;
      for (const auto& cm : st.communities) g += static_cast<std::int64_t>(cm.grids.size());
      nc += c;
      ng += g;
      s.table.rows.push_back({st.code, st.name, c, g});
    }
    s.table.totals = {std::string("total"), Cell{}, nc, ng};
    r.sections.push_back(std::move(s));
  }
  return r;
}

}  // namespace mediate
