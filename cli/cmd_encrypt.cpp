// mediate encrypt [--dry-run]: the one-time conversion of a plain store
// into an encrypted one, in one commit (lib/write/store_encrypt.hpp,
// docs/personal-data.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "i18n.hpp"
#include "store_encrypt.hpp"

namespace mediate::cli {
namespace {

class EncryptCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_flag("--dry-run", dry_run_, _("list the cases that would be sealed; write nothing"));
    app.footer(
        _("Seals the personal data of every case still held in plain (names, ID numbers,\n"
          "phones, addresses, summaries, notes, agreement terms) with the store's keys, in\n"
          "one commit. Make the keys first with 'mediate key init'. Older commits still\n"
          "hold the plain values: docs/personal-data.md says what that means and what\n"
          "rewriting the history would cost every clone."));
  }

  std::optional<std::string> Writes() const override {
    if (dry_run_) return std::nullopt;
    return std::string("mediate encrypt");
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
    auto done = EncryptStore(**w, op);
    if (!done.ok()) return done.status();
    for (const auto& id : done->conflicted)
      fmt::print(ctx.err, "{}\n",
                 Tr("skipped {0}: it holds a conflict a merge recorded; settle it with mediate "
                    "resolve, then run mediate encrypt again",
                    id));
    const std::size_t n = done->sealed.size();
    if (n == 0) {
      fmt::print(ctx.out, "{}\n", _("no case holds personal data in plain; nothing to do"));
      return Status::Ok();
    }
    if (dry_run_) {
      for (const auto& id : done->sealed) fmt::print(ctx.out, "{}\n", id);
      fmt::print(ctx.out, "{}\n",
                 TrN("would seal the personal data of {0} case; nothing written",
                     "would seal the personal data of {0} cases; nothing written", n, n));
      return Status::Ok();
    }
    fmt::print(ctx.out, "{}\n",
               TrN("sealed the personal data of {0} case ({1})",
                   "sealed the personal data of {0} cases ({1})", n, n, done->commit.substr(0, 7)));
    return Status::Ok();
  }

 private:
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeEncryptCommand() { return std::make_unique<EncryptCommand>(); }

}  // namespace mediate::cli
