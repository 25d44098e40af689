// mediate report --year Y [--format html|md|json] -o FILE [FILTER...]: the
// annual (or quarterly) report, computed as data and rendered last.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>

#include <fstream>

#include "command.hpp"
#include "i18n.hpp"
#include "reading.hpp"
#include "report.hpp"
#include "review_record.hpp"
#include "training.hpp"

namespace mediate::cli {
namespace {

class ReportCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("filter", reading_.terms, _("filter terms, as for list and stats"));
    reading_.DeclarePeriod(app);
    app.add_option("--format", format_, _("html (default), md or json"))->type_name(_("FORMAT"));
    app.add_option("-o,--output", output_, _("write to FILE (default: standard output)"))
        ->type_name("FILE");
    app.add_flag("--keep-going", reading_.keep_going,
                 _("report unreadable case files and go on (default: fail naming them)"));
    app.footer(
        _("Cases by category, source, level settled (the funnel), month and street; success\n"
          "rate, median days, judicial confirmations, return visits; brand rooms and chamber\n"
          "caseloads; the team by grade; training over the three years ending with the period;\n"
          "quality review; the area. Every figure is what `stats` gives for the same period.\n"
          "Examples:\n"
          "  mediate report --year 2022 -o report-2022.html\n"
          "  mediate report --quarter 2026Q1 --format md -o 2026q1.md"));
  }

  Status Run(Context& ctx) override {
    if (format_ != "html" && format_ != "md" && format_ != "markdown" && format_ != "json")
      return Status::Usage(Tr("unknown format \"{0}\"; use html, md or json", format_));
    auto period = reading_.ParsedPeriod();
    if (!period.ok()) return period.status();
    if (!period->set())
      return Status::Usage(_("report needs --year, --quarter, --month or --from/--to"));
    const Store& store = ctx.st();
    auto cases = reading_.Select(ctx, false);
    if (!cases.ok()) return cases.status();
    auto trainings = LoadTrainings(store);
    if (!trainings.ok()) return trainings.status();
    auto reviews = LoadReviews(store);
    if (!reviews.ok()) return reviews.status();
    ReportInput in;
    in.district_name = store.settings().district_name;
    in.period = *period;
    in.today = ctx.Today();
    in.cases = &*cases;
    in.areas = &store.areas();
    in.orgs = &store.orgs();
    in.mediators = &store.mediators();
    in.trainings = &*trainings;
    in.reviews = &*reviews;
    in.dimension = [&store](const std::string& n) { return StoreDimension(store, n); };
    in.label = StoreLabeler(store);
    in.source_group = [&store](const std::string& s) { return store.vocab().SourceGroup(s); };
    in.vocab_label = [&store](const std::string& vocab, const std::string& code) {
      if (vocab == "sex") return std::string(code == "male" ? "男" : code == "female" ? "女" : "");
      return store.vocab().Get(vocab).Zh(code);
    };
    auto report = BuildReport(in);
    if (!report.ok()) return report.status();
    std::string text = format_ == "json"   ? RenderReportJson(*report)
                       : format_ == "html" ? RenderReportHtml(*report)
                                           : RenderReportMarkdown(*report);
    if (output_.empty()) {
      std::fwrite(text.data(), 1, text.size(), ctx.out);
      return Status::Ok();
    }
    std::ofstream out(output_, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return Status::Io(Tr("cannot write {0}: {1}", output_, std::strerror(errno)));
    return Status::Ok();
  }

 private:
  ReadingOptions reading_;
  std::string format_ = "html";
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> MakeReportCommand() { return std::make_unique<ReportCommand>(); }

}  // namespace mediate::cli
