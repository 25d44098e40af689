// mediate sync: exchange this desk's work with the district's git server —
// fetch, merge with the store's merge driver, check, commit, push
// (lib/write/sync.hpp; docs/offices.md, "Syncing").
//
// Credentials come from the environment and git config: MEDIATE_GIT_TOKEN
// (else `git config mediate.token`) and MEDIATE_GIT_USER (else `git config
// mediate.user`) for https; ssh-agent, then MEDIATE_SSH_KEY and the usual
// key files under ~/.ssh for ssh.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>

#include "command.hpp"
#include "i18n.hpp"
#include "number_text.hpp"
#include "remote_access.hpp"
#include "sync.hpp"

namespace mediate::cli {
namespace {

/// "12.3 MiB" for a byte count.
std::string Bytes(std::uint64_t n) {
  if (n < 1024) return fmt::format("{} B", n);
  if (n < 1024 * 1024) return fmt::format("{:.1f} KiB", n / 1024.0);
  return fmt::format("{:.1f} MiB", n / (1024.0 * 1024.0));
}

/// A progress line on a terminal, redrawn at most ten times a second.
class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* err) : err_(err) {}
  ~ProgressLine() { Finish(); }

  void Show(const TransferProgress& p) {
    auto now = std::chrono::steady_clock::now();
    bool last = p.total > 0 && p.done == p.total;
    if (!last && now - shown_ < std::chrono::milliseconds(100)) return;
    shown_ = now;
    const bool receiving = p.phase == TransferProgress::Phase::kReceiving;
    if (p.total > 0) {
      const auto percent = fmt::format("{:3}", p.done * 100 / p.total);
      fmt::print(err_, "\r{}   ",
                 receiving ? Tr("receiving objects: {0}% ({1}/{2}), {3}", percent, p.done, p.total,
                                Bytes(p.bytes))
                           : Tr("sending objects: {0}% ({1}/{2}), {3}", percent, p.done, p.total,
                                Bytes(p.bytes)));
    } else {
      fmt::print(err_, "\r{}   ",
                 receiving ? Tr("receiving objects: {0}, {1}", p.done, Bytes(p.bytes))
                           : Tr("sending objects: {0}, {1}", p.done, Bytes(p.bytes)));
    }
    std::fflush(err_);
    open_ = true;
  }

  void Finish() {
    if (open_) fmt::print(err_, "\n");
    open_ = false;
  }

 private:
  std::FILE* err_;
  std::chrono::steady_clock::time_point shown_{};
  bool open_ = false;
};

class SyncCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("--rounds", rounds_,
                   _("fetch-merge-push rounds before giving up when other desks keep pushing"))
        ->check(CLI::Range(1, 50).description(Tr("INT in [{0} - {1}]", 1, 50)))
        ->default_val(5);
    app.add_flag("-q,--quiet", quiet_, _("no progress line"));
    app.footer(
        _("Fetches from the district's server, merges with the store's merge driver, checks\n"
          "every merged record, commits (Mediate-Action: sync) and pushes. Conflicts are recorded\n"
          "in the case files: 'mediate conflicts' lists them, 'mediate resolve' settles them.\n"
          "Credentials: ssh-agent or ~/.ssh keys (MEDIATE_SSH_KEY); https: MEDIATE_GIT_TOKEN or\n"
          "'git config mediate.token'. See docs/offices.md."));
  }

  Status Run(Context& ctx) override {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    SyncOptions o;
    o.author = *op;
    o.now = ctx.Now();
    o.today = ctx.Today();
    o.max_rounds = rounds_;
    o.write = ctx.write_options;
    if (o.write.holder.empty()) o.write.holder = "mediate sync by " + op->ToString();
    o.access = RemoteAccessFromEnvironment();
    ProgressLine line(ctx.err);
    if (!quiet_ && ctx.ErrIsTerminal())
      o.progress = [&line](const TransferProgress& p) { line.Show(p); };
    auto done = SyncStore(ctx.st().root(), o);
    line.Finish();
    if (!done.ok()) return done.status();
    if (done->recovered)
      fmt::print(ctx.err, "{}\n",
                 _("mediate: rolled back an unfinished write left by a crash first"));
    std::string what;
    if (done->merges > 0)
      what = TrN("merged {0} file(s) from {1}", "merged {0} file(s) from {1}", done->changed,
                 done->changed, done->target.remote);
    else if (done->fast_forwards > 0)
      what = TrN("took {0} file(s) from {1}", "took {0} file(s) from {1}", done->changed,
                 done->changed, done->target.remote);
    else
      what = Tr("nothing new from {0}", done->target.remote);
    std::string pushed = done->pushed ? _("the server has this desk's work") : _("nothing to push");
    if (done->rounds > 1)
      fmt::print(ctx.out, "{}\n",
                 TrN("{0}; {1} ({2} rounds)", "{0}; {1} ({2} rounds)", done->rounds, what, pushed,
                     done->rounds));
    else
      fmt::print(ctx.out, "{}\n", Tr("{0}; {1}", what, pushed));
    PrintReserved(ctx.out, done->reserved);
    for (const auto& [from, to] : done->renumbered)
      fmt::print(ctx.out, "{}\n",
                 Tr("{0} registered here is now {1}: another desk of the office gave {0} first "
                    "(the case keeps the old number in a renumbered event)",
                    from, to));
    if (!done->conflicted.empty()) {
      fmt::print(ctx.out, "{}\n",
                 TrN("{0} file(s) with conflicts recorded by this sync:",
                     "{0} file(s) with conflicts recorded by this sync:", done->conflicted.size(),
                     done->conflicted.size()));
      for (const auto& p : done->conflicted) fmt::print(ctx.out, "  {}\n", p);
      fmt::print(ctx.out, "{}\n",
                 _("see them with 'mediate conflicts'; settle with 'mediate resolve'"));
    }
    return Status::Ok();
  }

 private:
  int rounds_ = 5;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeSyncCommand() { return std::make_unique<SyncCommand>(); }

}  // namespace mediate::cli
