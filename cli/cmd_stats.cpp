// mediate stats --by DIM[,DIM] [--measure M,…] [--cross] [PERIOD] [FILTER...];
// mediate stats --form moj --year Y: the MoJ-style statistics form.
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "consultation.hpp"
#include "consultation_table.hpp"
#include "i18n.hpp"
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
    app.add_option("--by", by_, Tr("dimensions, one or two, comma-separated: {0}", Joined()))
        ->delimiter(',')
        ->type_name("DIM[,DIM]");
    app.add_option("--measure", measures_,
                   Tr("what to count, comma-separated: {0} (default: cases; for --by level the "
                      "funnel over concluded cases: cases,share,agreed,success_rate; for --by org "
                      "or mediator the workload: cases,open,this_month,overdue)",
                      JoinedMeasures()))
        ->delimiter(',')
        ->type_name("M[,M]");
    app.add_flag("--cross", cross_,
                 _("two dimensions as a cross table of one measure: rows the first, columns the "
                   "second, with totals"));
    app.add_option("--form", form_, _("a fixed statistics form: moj (rows by dispute category)"))
        ->type_name("FORM");
    app.add_flag("--consultations", consultations_,
                 _("count front-desk consultations (前台咨询) by year instead of cases"));
    app.footer(
        _("A case counts in the period it was received; concluded, agreed (succeeded),\n"
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
          "  mediate stats --form moj --year 2022 --format xlsx -o moj-2022.xlsx"));
  }

  Status Run(Context& ctx) override {
    const Store& store = ctx.st();
    auto period = reading_.ParsedPeriod();
    if (!period.ok()) return period.status();
    AggregateOptions options = StoreAggregateOptions(store, ctx.Today(), *period);
    if (!form_.empty()) {
      if (form_ != "moj") return Status::Usage(Tr("unknown form \"{0}\"; known: moj", form_));
      if (!by_.empty() || !measures_.empty() || cross_)
        return Status::Usage(
            _("--form moj has fixed rows and columns; drop --by, --measure, --cross"));
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
    if (by_.size() > 2) return Status::Usage(_("--by takes one or two dimensions"));
    std::vector<Dimension> dims;
    for (auto& name : by_) {
      auto d = StoreDimension(store, name);
      if (!d.ok()) return d.status();
      name = d->name;  // a Chinese heading given (类别) becomes the name (category)
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
      if (dims.size() != 2) return Status::Usage(_("--cross needs two dimensions (--by A,B)"));
      if (measures_.size() > 1) return Status::Usage(_("--cross shows one measure"));
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
  /// The dimension names for the help: "category, source, …"; in Chinese
  /// each with its heading, "category（类别）、source（来源）、…".
  static std::string Joined() {
    std::string s;
    const bool zh = TranslationOn();
    for (const auto& n : DimensionNames()) {
      s += s.empty() ? "" : (zh ? "、" : ", ");
      s += n;
      auto d = FindDimension(n, nullptr, nullptr, nullptr);
      if (zh && d.ok() && !d->heading.empty()) s += "（" + d->heading + "）";
    }
    return s;
  }
  /// The measure names for the help, likewise with their Chinese headings.
  static std::string JoinedMeasures() {
    std::string s;
    const bool zh = TranslationOn();
    const auto names = MeasureNames();
    for (std::size_t i = 0; i < names.size(); ++i) {
      s += s.empty() ? "" : (zh ? "、" : ", ");
      s += names[i];
      if (zh) s += "（" + MeasureHeading(static_cast<Measure>(i)) + "）";
    }
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
