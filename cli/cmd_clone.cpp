// mediate clone URL DIR --office CODE: a desk's copy of the district store,
// writing as one office of its registry (docs/offices.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "i18n.hpp"
#include "number_text.hpp"
#include "remote_access.hpp"
#include "store_clone.hpp"

namespace mediate::cli {
namespace {

class CloneCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("url", url_, _("the district store: a path, file://, ssh:// or https:// URL"))
        ->required();
    app.add_option("dir", dir_, _("folder of the new clone (must not exist, or be empty)"))
        ->required();
    app.add_option("--office", office_,
                   _("the office this desk writes as (see 'mediate office list')"))
        ->required()
        ->type_name("CODE");
    app.footer(
        _("Example:\n"
          "  mediate clone ssh://git@server/wanbailin.git xjy-desk1 --office XJY\n"
          "The clone gets 'git config mediate.office XJY'; nothing is left behind when it fails."));
  }

  Status Run(Context& ctx) override {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    ReserveOptions reserve;
    reserve.access = RemoteAccessFromEnvironment();
    reserve.author = *op;
    reserve.now = ctx.Now();
    reserve.today = ctx.Today();
    auto done = CloneStore(url_, dir_, office_, ctx.Program(), &reserve);
    if (!done.ok()) return done.status();
    fmt::print(
        ctx.out, "{}\n",
        Tr("cloned {0} into {1}; this desk writes as office {2}", url_, done->root, done->office));
    PrintReserved(ctx.out, done->reserved);
    return Status::Ok();
  }

 private:
  std::string url_, dir_, office_;
};

}  // namespace

std::unique_ptr<Command> MakeCloneCommand() { return std::make_unique<CloneCommand>(); }

}  // namespace mediate::cli
