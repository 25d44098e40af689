// mediate file-numbers [--dry-run]: the one-time migration that stores the
// file number (卷号) in every case registered before file numbers were
// stored at acceptance, in one commit (lib/write/file_numbers.hpp,
// docs/offices.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "file_numbers.hpp"
#include "i18n.hpp"

namespace mediate::cli {
namespace {

class FileNumbersCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_flag("--dry-run", dry_run_,
                 _("list the cases and the file numbers they would get; write nothing"));
    app.footer(
        _("Cases registered since file numbers are stored at acceptance have theirs; this\n"
          "gives the older ones the number derived from the case id and its office's word\n"
          "(（2026）万小人调字第12号), all in one commit. Run it once, on one desk, then sync."));
  }

  std::optional<std::string> Writes() const override {
    if (dry_run_) return std::nullopt;
    return std::string("mediate file-numbers");
  }

  Status Run(Context& ctx) override {
    Signature op;
    if (!dry_run_) {
      auto who = ctx.Operator();
      if (!who.ok()) return who.status();
      op = *who;
    }
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = FillFileNumbers(**w, op);
    if (!done.ok()) return done.status();
    for (const auto& id : done->conflicted)
      fmt::print(ctx.err, "{}\n",
                 Tr("skipped {0}: it holds a conflict a merge recorded; settle it with mediate "
                    "resolve, then run mediate file-numbers again",
                    id));
    const std::size_t n = done->numbered.size();
    if (n == 0) {
      fmt::print(ctx.out, "{}\n",
                 done->conflicted.empty()
                     ? _("every case has its file number; nothing to do")
                     : _("no other case lacks its file number; nothing written"));
      return Status::Ok();
    }
    if (dry_run_) {
      for (const auto& [id, number] : done->numbered) fmt::print(ctx.out, "{}  {}\n", id, number);
      fmt::print(ctx.out, "{}\n",
                 TrN("would give {0} case its file number; nothing written",
                     "would give {0} cases their file numbers; nothing written", n, n));
      return Status::Ok();
    }
    fmt::print(ctx.out, "{}\n",
               TrN("gave {0} case its file number ({1})", "gave {0} cases their file numbers ({1})",
                   n, n, done->commit.substr(0, 7)));
    return Status::Ok();
  }

 private:
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeFileNumbersCommand() { return std::make_unique<FileNumbersCommand>(); }

}  // namespace mediate::cli
