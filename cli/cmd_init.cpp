// mediate init DIR --from SETUP: create a store.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "i18n.hpp"
#include "store_init.hpp"

namespace mediate::cli {
namespace {

/// `parts` joined by ", " (in Chinese "、").
std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : _(", ")) + p;
  return out;
}

class InitCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("dir", dir_, _("folder of the new store (must not exist, or be empty)"))
        ->required()
        ->type_name(_("DIR"));
    app.add_option("--from", setup_,
                   _("SETUP folder: setup.yaml, divisions, grids, orgs, mediators, routing.yaml "
                     "(and trainings.csv, offices.csv)"))
        ->required()
        ->type_name("SETUP");
    app.footer(_("Example:\n  mediate init wanbailin-store --from examples/wanbailin"));
  }

  Status Run(Context& ctx) override {
    auto setup = ReadSetup(setup_);
    if (!setup.ok()) return setup.status();
    auto author = ctx.Operator();
    if (!author.ok()) return author.status();
    auto commit = CreateStore(dir_, *setup, *author, ctx.write_options, ctx.Program());
    if (!commit.ok()) return commit.status();
    std::size_t communities = 0, grids = 0;
    for (const auto& s : setup->streets) {
      communities += s.communities.size();
      for (const auto& c : s.communities) grids += c.grids.size();
    }
    // One sentence per kind of record, each with its own plural (measure
    // words in Chinese), joined by the language's list separator.
    std::string counts = Joined(
        {TrN("{0} street", "{0} streets", setup->streets.size(), setup->streets.size()),
         TrN("{0} community", "{0} communities", communities, communities),
         TrN("{0} grid", "{0} grids", grids, grids),
         TrN("{0} organisation", "{0} organisations", setup->orgs.size(), setup->orgs.size()),
         TrN("{0} office", "{0} offices", setup->offices.size(), setup->offices.size()),
         TrN("{0} mediator", "{0} mediators", setup->mediators.size(), setup->mediators.size())});
    if (!setup->trainings.empty())
      counts += _(", ") + TrN("{0} training session", "{0} training sessions",
                              setup->trainings.size(), setup->trainings.size());
    fmt::print(ctx.out, "{}\n",
               Tr("created store {0} for {1} ({2}), office {3}: {4} ({5})", dir_,
                  setup->settings.district_name, setup->settings.district_code,
                  setup->settings.office, counts, commit->substr(0, 7)));
    return Status::Ok();
  }

 private:
  std::string dir_;
  std::string setup_;
};

}  // namespace

std::unique_ptr<Command> MakeInitCommand() { return std::make_unique<InitCommand>(); }

}  // namespace mediate::cli
