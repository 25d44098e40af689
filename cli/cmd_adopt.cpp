// mediate adopt [COMMIT...]: take on hand edits committed with git, so that
// `audit` is clean again for those commits (lib/write/adopt.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "adopt.hpp"
#include "command.hpp"
#include "i18n.hpp"

namespace mediate::cli {
namespace {

class AdoptCommand : public Command {
 public:
  std::optional<std::string> Writes() const override {
    if (dry_run_) return std::nullopt;
    return std::string("mediate adopt");
  }

  void Declare(CLI::App& app) override {
    app.add_option("commits", only_,
                   _("the hand commits to adopt (ids, at least 4 digits); default: every one "
                     "audit reports as a foreign commit"));
    app.add_option("--reason", reason_, _("why, kept in each amended event"));
    app.add_flag("--dry-run", dry_run_, _("check and list what would be adopted; write nothing"));
    app.footer(
        _("Checks the files the hand commits changed, gives each case among them an amended\n"
          "event listing the changes, and commits with a Mediate-Adopts trailer per commit."));
  }

  Status Run(Context& ctx) override {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = AdoptHandCommits(**w, *op, only_, reason_, ctx.Now());
    if (!done.ok()) return done.status();
    for (const auto& c : done->commits)
      fmt::print(ctx.out, "{}\n",
                 dry_run_ ? Tr("would adopt {0} {1} ({2} file(s))", c.id.substr(0, 7), c.summary,
                               c.paths.size())
                          : Tr("adopted {0} {1} ({2} file(s))", c.id.substr(0, 7), c.summary,
                               c.paths.size()));
    if (!done->commit.empty())
      fmt::print(ctx.out, "{}\n",
                 Tr("{0} case(s) got an amended event; one commit ({1})", done->cases.size(),
                    done->commit.substr(0, 7)));
    return Status::Ok();
  }

 private:
  std::vector<std::string> only_;
  std::string reason_;
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeAdoptCommand() { return std::make_unique<AdoptCommand>(); }

}  // namespace mediate::cli
