// mediate merge-file BASE OURS THEIRS PATH: the merge driver git runs for
// record files (.gitattributes `merge=mediate`; git config
// merge.mediate.driver, set by init, clone and setup-git). Git passes the
// three versions as temporary files (%O %A %B) and the path (%P); the merged
// record goes into OURS. Exit 0 when merged — conflicts the records can hold
// are recorded inside them —, 1 when the file cannot be merged (OURS is left
// as it was; git then stops on it). docs/offices.md.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <fstream>
#include <sstream>

#include "command.hpp"
#include "i18n.hpp"
#include "store_merge.hpp"

namespace mediate::cli {
namespace {

Result<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(Tr("cannot read {0}", path));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class MergeFileCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("base", base_, _("the common ancestor's version (%O; empty file when none)"))
        ->required();
    app.add_option("ours", ours_, _("our version (%A); the merged record is written here"))
        ->required();
    app.add_option("theirs", theirs_, _("their version (%B)"))->required();
    app.add_option("path", path_, _("the file's path in the store (%P)"))->required();
    app.footer(
        _("Run by git, not by hand: 'mediate setup-git' registers it. Exit 1 when the file\n"
          "cannot be merged (ours is kept; git stops on it)."));
  }

  Status Run(Context& ctx) override {
    auto base = Slurp(base_), ours = Slurp(ours_), theirs = Slurp(theirs_);
    for (const auto* r : {&base, &ours, &theirs})
      if (!r->ok()) return r->status();
    auto op = ctx.Operator();
    MergeStamp stamp{op.ok() ? op->ToString() : std::string("git merge"), ctx.Now()};
    auto merged = MergeStoreFile(path_, *base, *ours, *theirs, ctx.st().settings(), stamp);
    if (merged.ok() && ctx.st().Encrypted())
      if (Status plain = RefusePlainPersonalValues(path_, merged->text); !plain.ok())
        merged = plain;
    if (!merged.ok()) {
      PrintStatus(ctx.err, merged.status());
      return Status::CheckFailed(
          Tr("{0} was not merged: resolve it by hand, then 'mediate validate'", path_));
    }
    std::ofstream out(ours_, std::ios::binary | std::ios::trunc);
    out << merged->text;
    out.close();
    if (!out) return Status::Io(Tr("cannot write {0}", ours_));
    if (merged->conflicts > 0)
      fmt::print(ctx.err, "{}\n",
                 TrN("mediate: {0}: {1} conflict(s) recorded in the file ('mediate conflicts')",
                     "mediate: {0}: {1} conflict(s) recorded in the file ('mediate conflicts')",
                     merged->conflicts, path_, merged->conflicts));
    return Status::Ok();
  }

 private:
  std::string base_, ours_, theirs_, path_;
};

}  // namespace

std::unique_ptr<Command> MakeMergeFileCommand() { return std::make_unique<MergeFileCommand>(); }

}  // namespace mediate::cli
