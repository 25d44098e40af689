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
#include "reading.hpp"
#include "team_commit.hpp"

namespace mediate::cli {
namespace {

class FilingCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("--year", year_, "the year filed")->required();
    app.add_option("--list", list_,
                   "committees, mediators or problems (csv, json, md and xlsx need one; table "
                   "and html show all three)");
    app.add_option("--format", format_, "table, html, csv, json, md or xlsx");
    app.add_option("-o,--output", output_, "write to FILE (required for xlsx)");
    app.add_flag("--no-bom", no_bom_,
                 "a CSV file written with -o starts without the UTF-8 byte order mark");
    app.add_flag("--reveal", reveal_, "phone numbers in full (the court's copy)");
    app.footer(
        "Examples:\n"
        "  mediate filing --year 2025\n"
        "  mediate filing --year 2025 --format html -o 备案登记-2025.html\n"
        "  mediate filing --year 2025 --list mediators --format xlsx -o mediators-2025.xlsx\n"
        "  mediate filing --year 2025 --list problems --format csv");
  }

  Status Run(Context& ctx) override {
    if (year_ < 1900 || year_ > 9999) return Status::Usage("--year is a calendar year (2025)");
    if (!list_.empty() && list_ != "committees" && list_ != "mediators" && list_ != "problems")
      return Status::Usage("--list is committees, mediators or problems");
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
      if (!out) return Status::Io("cannot write " + output_ + ": " + std::strerror(errno));
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
      return Status::Usage("--format " + format_ +
                           " writes one list: add --list committees, mediators or problems");
    fmt::print(ctx.out, "{} {} filing: {} committees, {} mediators, {} items to complete\n\n",
               store.settings().district_name, year_, f.committees.rows.size(),
               f.mediators.rows.size(), f.problems.rows.size());
    fmt::print(ctx.out, "items to complete\n");
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
