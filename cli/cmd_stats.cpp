// mediate stats --by DIM[,DIM] [--measure M,…] [--cross] [PERIOD] [FILTER...];
// mediate stats --form moj --year Y: the MoJ-style statistics form.
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "consultation.hpp"
#include "consultation_table.hpp"
#include "reading.hpp"
#include "stats.hpp"
#include "stats_table.hpp"

namespace mediate::cli {
namespace {

class StatsCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    reading_.Declare(app);
    reading_.DeclarePeriod(app);
    app.add_option("--by", by_, "dimensions, one or two, comma-separated: " + Joined())
        ->delimiter(',')
        ->type_name("DIM[,DIM]");
    app.add_option("--measure", measures_,
                   "what to count, comma-separated: " + JoinedMeasures() +
                       " (default: cases; for --by level the funnel over concluded cases: "
                       "cases,share,agreed,success_rate; for --by org or mediator the workload: "
                       "cases,open,this_month,overdue)")
        ->delimiter(',')
        ->type_name("M[,M]");
    app.add_flag("--cross", cross_,
                 "two dimensions as a cross table of one measure: rows the first, columns the "
                 "second, with totals");
    app.add_option("--form", form_, "a fixed statistics form: moj (rows by dispute category)")
        ->type_name("FORM");
    app.add_flag("--consultations", consultations_,
                 "count front-desk consultations (前台咨询) by year instead of cases");
    app.footer(
        "A case counts in the period it was received; concluded, agreed (succeeded),\n"
        "terminated, written, oral, confirmations, median_days, mean_days, over_limit and\n"
        "visit_rate count by the date concluded (docs/law.md). Days and months are those of\n"
        "the store's time zone.\n"
        "--by level counts concluded cases at the level where they were settled: the share\n"
        "settled at each level and the success rate there.\n"
        "Examples:\n"
        "  mediate stats --by category --quarter 2026Q1\n"
        "  mediate stats --by street,category --cross --format csv\n"
        "  mediate stats --by level --year 2022\n"
        "  mediate stats --by org            (workload: open, this month, overdue)\n"
        "  mediate stats --form moj --year 2022 --format xlsx -o moj-2022.xlsx");
  }

  Status Run(Context& ctx) override {
    const Store& store = ctx.st();
    auto period = reading_.ParsedPeriod();
    if (!period.ok()) return period.status();
    AggregateOptions options = StoreAggregateOptions(store, ctx.Today(), *period);
    if (!form_.empty()) {
      if (form_ != "moj") return Status::Usage("unknown form \"" + form_ + "\"; known: moj");
      if (!by_.empty() || !measures_.empty() || cross_)
        return Status::Usage(
            "--form moj has fixed rows and columns; drop --by, --measure, --cross");
      auto dim = StoreDimension(store, "category");
      if (!dim.ok()) return dim.status();
      options.all_values = {VocabCodes(store, "category")};
      Aggregation form({*dim}, MojFormMeasures(), options);
      MEDIATE_RETURN_IF_ERROR(reading_.Visit(ctx, [&](const CaseSummary& c) { form.Add(c); }));
      return reading_.Output(ctx, StatsTable(form.Finish(StoreLabeler(store))), "moj");
    }
    if (consultations_) {
      auto all = LoadConsultations(ctx.st());
      if (!all.ok()) return all.status();
      return reading_.Output(ctx, ConsultationCountTable(*all, ctx.st().settings().time_zone),
                             "stats");
    }
    if (by_.empty()) by_ = {"category"};
    if (by_.size() > 2) return Status::Usage("--by takes one or two dimensions");
    std::vector<Dimension> dims;
    for (const auto& name : by_) {
      auto d = StoreDimension(store, name);
      if (!d.ok()) return d.status();
      dims.push_back(std::move(d.value()));
    }
    StatsPlan plan = DefaultPlan(by_);
    if (!measures_.empty()) {
      auto measures = ParseMeasures(measures_);
      if (!measures.ok()) return measures.status();
      plan = {*measures, false};
    }
    options.concluded_only = plan.concluded_only;
    // Counted as the cases are read (never a store's worth of summaries).
    if (cross_) {
      if (dims.size() != 2) return Status::Usage("--cross needs two dimensions (--by A,B)");
      if (measures_.size() > 1) return Status::Usage("--cross shows one measure");
      Measure m = measures_.empty() ? Measure::kCases : plan.measures.front();
      if (measures_.empty()) options.concluded_only = false;
      CrossTabulation cross(dims, m, options);
      MEDIATE_RETURN_IF_ERROR(reading_.Visit(ctx, [&](const CaseSummary& c) { cross.Add(c); }));
      return reading_.Output(ctx, CrossStatsTable(cross.Finish(StoreLabeler(store))), "stats");
    }
    Aggregation counts(dims, plan.measures, options);
    MEDIATE_RETURN_IF_ERROR(reading_.Visit(ctx, [&](const CaseSummary& c) { counts.Add(c); }));
    return reading_.Output(ctx, StatsTable(counts.Finish(StoreLabeler(store))), "stats");
  }

 private:
  static std::string Joined() {
    std::string s;
    for (const auto& n : DimensionNames()) s += (s.empty() ? "" : ", ") + n;
    return s;
  }
  static std::string JoinedMeasures() {
    std::string s;
    for (const auto& n : MeasureNames()) s += (s.empty() ? "" : ", ") + n;
    return s;
  }
  ReadingOptions reading_;
  std::vector<std::string> by_;
  std::vector<std::string> measures_;
  bool cross_ = false;
  std::string form_;
  bool consultations_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeStatsCommand() { return std::make_unique<StatsCommand>(); }

}  // namespace mediate::cli
