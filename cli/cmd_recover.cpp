// mediate recover: roll back an unfinished write (a crash, a kill -9).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "i18n.hpp"
#include "store_write.hpp"

namespace mediate::cli {
namespace {

class RecoverCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.footer(
        _("Every write command does this by itself first; run it by hand after a crash to see "
          "what was rolled back."));
  }

  Status Run(Context& ctx) override {
    WriteOptions options = ctx.write_options;
    options.holder = "mediate recover";
    auto rolled = RecoverStore(ctx.st().root(), options);
    if (!rolled.ok()) return rolled.status();
    fmt::print(ctx.out, "{}\n",
               *rolled ? _("rolled back an unfinished write; the store is as of its last commit")
                       : _("nothing to recover"));
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Command> MakeRecoverCommand() { return std::make_unique<RecoverCommand>(); }

}  // namespace mediate::cli
