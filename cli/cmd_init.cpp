// mediate init DIR --from SETUP: create a store.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "store_init.hpp"

namespace mediate::cli {
namespace {

class InitCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("dir", dir_, "folder of the new store (must not exist, or be empty)")
        ->required();
    app.add_option("--from", setup_,
                   "SETUP folder: setup.yaml, divisions, grids, orgs, mediators, routing.yaml "
                   "(and trainings.csv, offices.csv)")
        ->required()
        ->type_name("SETUP");
    app.footer("Example:\n  mediate init wanbailin-store --from examples/wanbailin");
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
    fmt::print(ctx.out,
               "created store {} for {} ({}), office {}: {} streets, {} communities, {} grids, "
               "{} organisations, {} offices, {} mediators{} ({})\n",
               dir_, setup->settings.district_name, setup->settings.district_code,
               setup->settings.office, setup->streets.size(), communities, grids,
               setup->orgs.size(), setup->offices.size(), setup->mediators.size(),
               setup->trainings.empty()
                   ? std::string()
                   : fmt::format(", {} training sessions", setup->trainings.size()),
               commit->substr(0, 7));
    return Status::Ok();
  }

 private:
  std::string dir_;
  std::string setup_;
};

}  // namespace

std::unique_ptr<Command> MakeInitCommand() { return std::make_unique<InitCommand>(); }

}  // namespace mediate::cli
