// mediate index --rebuild | --check | --drop | --status: the derived index of case
// summaries under the git directory. Reading commands keep it
// up to date by themselves; this command is for repair and diagnosis.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "case_index.hpp"
#include "command.hpp"
#include "i18n.hpp"
#include "index_watch.hpp"

namespace mediate::cli {
namespace {

class IndexCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    auto* group = app.add_option_group(_("action"), _("what to do with the index"));
    group->add_flag("--rebuild", rebuild_, _("parse every case file and write the index anew"));
    group->add_flag("--check", check_,
                    _("compare the index with a parse of every case file (exit 1 on a mismatch)"));
    group->add_flag("--drop", drop_, _("delete the index; the next command reads every file"));
    group->add_flag("--status", status_,
                    _("say where the index is and how the last read checked for changed files "
                      "(Watchman or a walk)"));
    group->require_option(1);
    app.add_option("-j,--threads", threads_, _("threads for parsing (default: all cores)"));
    app.footer(
        _("The index is a cache kept in .git/mediate/index/, never the source of truth:\n"
          "list, stats and the other reading commands refresh it themselves, and it is\n"
          "safe to delete at any time."));
  }

  Status Run(Context& ctx) override {
    const Store& store = ctx.st();
    if (status_) {
      const std::string dir = CaseIndexDir(store);
      fmt::print(ctx.out, "{}\n",
                 Tr("index: {0}", dir.empty() ? std::string(_("(no git directory)")) : dir));
      std::string how;
      if (!WatchmanWanted(store.root()))
        how = _("a walk of every case folder (Watchman turned off: git config mediate.watchman)");
      else if (std::string last = dir.empty() ? "" : LastScanLine(dir); !last.empty())
        how = last;
      else
        how = _("a walk of every case folder (Watchman not installed, or not asked yet)");
      fmt::print(ctx.out, "{}\n", Tr("last check for changed files: {0}", how));
      return Status::Ok();
    }
    if (drop_) {
      MEDIATE_RETURN_IF_ERROR(DropIndex(store));
      if (!ctx.global.quiet) fmt::print(ctx.out, "{}\n", _("index dropped"));
      return Status::Ok();
    }
    if (rebuild_) {
      auto scan = RebuildIndex(store, threads_);
      if (!scan.ok()) return scan.status();
      PrintWarnings(ctx.err, scan->problems);
      std::string line = TrN("index rebuilt: {0} case", "index rebuilt: {0} cases",
                             scan->cases.size(), scan->cases.size());
      if (scan->unreadable > 0)
        line = TrN("{0}; {1} unreadable file not indexed (run 'mediate validate')",
                   "{0}; {1} unreadable files not indexed (run 'mediate validate')",
                   scan->unreadable, line, scan->unreadable);
      fmt::print(ctx.out, "{}\n", line);
      return Status::Ok();
    }
    auto st = CheckIndex(store, threads_);
    if (!st.ok()) return st.status();
    fmt::print(ctx.out, "{}\n",
               Tr("index: {0}", st->dir.empty() ? std::string(_("(no git directory)")) : st->dir));
    fmt::print(ctx.out, "{}\n", Tr("case files:          {0}", st->files));
    fmt::print(ctx.out, "{}\n",
               Tr("segments:            {0} ({1} unusable)", st->segments, st->bad_segments));
    for (const auto& r : st->bad_reasons) fmt::print(ctx.out, "  {}\n", r);
    fmt::print(ctx.out, "{}\n", Tr("entries:             {0}", st->entries));
    fmt::print(ctx.out, "{}\n", Tr("  fresh (used):      {0}", st->fresh));
    fmt::print(ctx.out, "{}\n", Tr("  stale (re-parsed): {0}", st->stale));
    fmt::print(ctx.out, "{}\n", Tr("  orphaned:          {0}", st->orphaned));
    fmt::print(ctx.out, "{}\n", Tr("files not indexed:   {0}", st->unindexed));
    fmt::print(ctx.out, "{}\n", Tr("unreadable files:    {0}", st->unreadable));
    fmt::print(ctx.out, "{}\n", Tr("mismatches:          {0}", st->mismatches.size()));
    if (st->ok()) return Status::Ok();
    std::vector<Diagnostic> d;
    for (const auto& m : st->mismatches)
      d.push_back({Severity::kError,
                   {m.path, 0, 0},
                   m.field,
                   _("the index entry differs from the file (run 'mediate index --rebuild')")});
    return Status::CheckFailed(
        TrN("{0} index entry differs from its file", "{0} index entries differ from their files",
            st->mismatches.size(), st->mismatches.size()),
        std::move(d));
  }

 private:
  bool rebuild_ = false;
  bool check_ = false;
  bool drop_ = false;
  bool status_ = false;
  unsigned threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> MakeIndexCommand() { return std::make_unique<IndexCommand>(); }

}  // namespace mediate::cli
