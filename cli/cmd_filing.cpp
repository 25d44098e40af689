// mediate filing --year Y: the year's filing list (年度备案登记) of people's
// mediation committees and mediators, and the records to complete first
// (People's Mediation Law Art. 10).
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>

#include <fstream>

#include "command.hpp"
#include "filing.hpp"
#include "i18n.hpp"
#include "reading.hpp"
#include "team_commit.hpp"

namespace mediate::cli {
namespace {

class FilingCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("--year", year_, _("the year filed"))->required();
    app.add_option("--list", list_,
                   _("committees, mediators or problems (csv, json, md and xlsx need one; table "
                     "and html show all three)"));
    app.add_option("--format", format_, _("table, html, csv, json, md or xlsx"));
    app.add_option("-o,--output", output_, _("write to FILE (required for xlsx)"));
    app.add_flag("--no-bom", no_bom_,
                 _("a CSV file written with -o starts without the UTF-8 byte order mark"));
    app.add_flag("--reveal", reveal_, _("phone numbers in full (the court's copy)"));
    app.footer(
        _("Examples:\n"
          "  mediate filing --year 2025\n"
          "  mediate filing --year 2025 --format html -o 备案登记-2025.html\n"
          "  mediate filing --year 2025 --list mediators --format xlsx -o mediators-2025.xlsx\n"
          "  mediate filing --year 2025 --list problems --format csv"));
  }

  Status Run(Context& ctx) override {
    if (year_ < 1900 || year_ > 9999) return Status::Usage(_("--year is a calendar year (2025)"));
    // The list's name as typed, or in Chinese as the help gives it.
    if (list_ == "调委会") list_ = "committees";
    if (list_ == "调解员") list_ = "mediators";
    if (list_ == "待补正事项") list_ = "problems";
    if (!list_.empty() && list_ != "committees" && list_ != "mediators" && list_ != "problems")
      return Status::Usage(_("--list is committees, mediators or problems"));
    const Store& store = ctx.st();
    auto team = LoadTeamSettings(store);
    if (!team.ok()) return team.status();
    FilingList f = BuildFilingList(store.orgs(), store.mediators(), store.areas(), *team,
                                   store.vocab(), year_, reveal_);
    if (format_ == "html") {
      std::string html = RenderFilingHtml(f, store.settings().district_name);
      if (output_.empty()) {
        std::fwrite(html.data(), 1, html.size(), ctx.out);
        return Status::Ok();
      }
      std::ofstream out(output_, std::ios::binary | std::ios::trunc);
      out << html;
      if (!out) return Status::Io(Tr("cannot write {0}: {1}", output_, std::strerror(errno)));
      return Status::Ok();
    }
    const OutputOptions r{format_, output_, no_bom_};
    auto parsed = r.ParsedFormat();
    if (!parsed.ok()) return parsed.status();
    const Table* only = list_ == "committees"  ? &f.committees
                        : list_ == "mediators" ? &f.mediators
                        : list_ == "problems"  ? &f.problems
                                               : nullptr;
    if (only) return r.Output(ctx, *only, "filing " + list_);
    if (*parsed != Format::kTable)
      return Status::Usage(Tr(
          "--format {0} writes one list: add --list committees, mediators or problems", format_));
    const std::size_t committees = f.committees.rows.size(), mediators = f.mediators.rows.size(),
                      problems = f.problems.rows.size();
    fmt::print(ctx.out, "{}\n\n",
               Tr("{0} {1} filing: {2}, {3}, {4}", store.settings().district_name, year_,
                  TrN("{0} committee", "{0} committees", committees, committees),
                  TrN("{0} mediator", "{0} mediators", mediators, mediators),
                  TrN("{0} item to complete", "{0} items to complete", problems, problems)));
    fmt::print(ctx.out, "{}\n", _("items to complete"));
    return r.Output(ctx, f.problems, "filing");
  }

 private:
  int year_ = 0;
  std::string list_, format_ = "table", output_;
  bool reveal_ = false;
  bool no_bom_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeFilingCommand() { return std::make_unique<FilingCommand>(); }

}  // namespace mediate::cli
