// mediate stats --by DIM[,DIM] [FILTER...]: counts of cases.
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "reading.hpp"
#include "stats.hpp"

namespace mediate::cli {
namespace {

class StatsCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    reading_.Declare(app);
    app.add_option("--by", by_, "dimensions, one or two, comma-separated: " + Joined())
        ->delimiter(',')
        ->type_name("DIM[,DIM]");
    app.add_option("--measure", measures_,
                   "what to count, comma-separated: cases, concluded, agreed, success_rate, share "
                   "(default: cases; for --by level the funnel over concluded cases: "
                   "cases,share,agreed,success_rate)")
        ->delimiter(',')
        ->type_name("M[,M]");
    app.footer(
        "A case counts in the month it was received (store time zone).\n"
        "--by level counts concluded cases at the level where they were settled: the share\n"
        "settled at each level and the success rate there (filter concluded:… for a period).\n"
        "Examples:\n"
        "  mediate stats --by category received:2026-01-01..2026-03-31\n"
        "  mediate stats --by street,category --format csv\n"
        "  mediate stats --by level concluded:2022\n"
        "  mediate stats --by outcome");
  }

  Status Run(Context& ctx) override {
    if (by_.empty()) by_ = {"category"};
    if (by_.size() > 2) return Status::Usage("--by takes one or two dimensions");
    const Store* store = &ctx.st();
    std::vector<Dimension> dims;
    for (const auto& name : by_) {
      auto d = FindDimension(
          name, [store](const std::string& s) { return store->vocab().SourceGroup(s); },
          [store](const std::string& f, const std::string& c) { return RankOf(*store, f, c); });
      if (!d.ok()) return d.status();
      dims.push_back(std::move(d.value()));
    }
    StatsPlan plan = DefaultPlan(by_);
    if (!measures_.empty()) {
      auto measures = ParseMeasures(measures_);
      if (!measures.ok()) return measures.status();
      plan = {*measures, false};
    }
    auto cases = reading_.Select(ctx);
    if (!cases.ok()) return cases.status();
    Table t = Aggregate(
        *cases, dims, plan.measures,
        [store](const std::string& f, const std::string& c) { return LabelOf(*store, f, c); },
        plan.concluded_only);
    return reading_.Output(ctx, t, "stats");
  }

 private:
  static std::string Joined() {
    std::string s;
    for (const auto& n : DimensionNames()) s += (s.empty() ? "" : ", ") + n;
    return s;
  }
  ReadingOptions reading_;
  std::vector<std::string> by_;
  std::vector<std::string> measures_;
};

}  // namespace

std::unique_ptr<Command> MakeStatsCommand() { return std::make_unique<StatsCommand>(); }

}  // namespace mediate::cli
