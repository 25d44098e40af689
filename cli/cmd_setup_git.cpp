// mediate setup-git: registers the merge driver for records in this clone
// (git config) and, when the store's .gitattributes lacks its lines, adds
// them in one commit (docs/offices.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "git_setup.hpp"
#include "i18n.hpp"

namespace mediate::cli {
namespace {

class SetupGitCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.footer(
        _("For a clone made with 'git clone', or a store made before the merge driver:\n"
          "afterwards 'git pull' and 'git merge' merge case files as timelines."));
  }

  std::optional<std::string> Writes() const override { return std::string("mediate setup-git"); }

  Status Run(Context& ctx) override {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = SetUpGit(**w, *op, ctx.Program());
    if (!done.ok()) return done.status();
    if (done->commit.empty())
      fmt::print(ctx.out, "{}\n", _("merge driver registered; .gitattributes already names it"));
    else
      fmt::print(
          ctx.out, "{}\n",
          Tr("merge driver registered; .gitattributes updated ({0})", done->commit.substr(0, 7)));
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Command> MakeSetupGitCommand() { return std::make_unique<SetupGitCommand>(); }

}  // namespace mediate::cli
