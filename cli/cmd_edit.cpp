// mediate edit ID: the case file in $VISUAL or $EDITOR; checked on save and
// reopened with the problems shown until it passes or the user gives up,
// as `crontab -e` does; one commit with an `amended` event listing the
// changed fields (lib/write/case_edit.hpp).
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "case_edit.hpp"
#include "command.hpp"
#include "i18n.hpp"

extern char** environ;

namespace mediate::cli {
namespace {

/// The editor command: $VISUAL, else $EDITOR, else Debian's sensible-editor.
std::string EditorCommand() {
  for (const char* name : {"VISUAL", "EDITOR"})
    if (const char* v = std::getenv(name); v && *v) return v;
  return "sensible-editor";
}

/// Runs the editor on `file` through the shell (so "code --wait" works, as
/// git runs it), on this terminal. Its exit status, or -1 when it could not
/// run or was killed.
int RunEditor(const std::string& file) {
  std::string script = EditorCommand() + " \"$1\"";
  const char* argv[] = {"sh", "-c", script.c_str(), "sh", file.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "sh", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
    return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A changed value as a person reads it: a vocabulary's label when translation is on
/// (category, source, risk: VocabList::Shown), "(none)" when empty.
std::string ShownValue(const Store& store, const std::string& field, const std::string& value) {
  if (value.empty()) return _("(none)");
  if (field == "category" || field == "source" || field == "risk")
    return store.vocab().Get(field).Shown(value);
  return value;
}

class EditCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("id", id_, _("the case, e.g. WBL-2026-000042"))->required();
    app.add_option("--reason", reason_, _("why, kept in the amended event"));
    app.footer(
        _("Opens the case file in $VISUAL or $EDITOR. On save it is checked; with problems it\n"
          "asks to edit again. The id, events, received time and the fields derived from the\n"
          "events may not change. An unchanged file, or an editor that fails, writes nothing."));
  }

  Status Run(Context& ctx) override {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto edit = BeginCaseEdit(ctx.st(), id_);
    if (!edit.ok()) return edit.status();
    struct Cleanup {
      const CaseEdit& e;
      ~Cleanup() { EndCaseEdit(e); }
    } cleanup{*edit};
    for (;;) {
      int rc = RunEditor(edit->scratch);
      if (rc != 0)
        return Status::Rejected(
            rc < 0 ? Tr("the editor ({0}) could not run or was stopped; nothing was written",
                        EditorCommand())
                   : Tr("the editor ({0}) exited with status {1}; nothing was written",
                        EditorCommand(), rc));
      std::string edited = Slurp(edit->scratch);
      auto checked = CheckCaseEdit(ctx.st(), *edit, edited, ctx.Today());
      if (checked.ok() && checked->empty()) {
        fmt::print(ctx.out, "{}\n", Tr("{0}: no changes; nothing was written", edit->id));
        return Status::Ok();
      }
      if (checked.ok()) {
        auto w = ctx.BeginWrite("mediate edit");
        if (!w.ok()) return w.status();
        auto done = CommitCaseEdit(**w, *op, *edit, edited, reason_, ctx.Now());
        if (!done.ok()) return done.status();
        fmt::print(ctx.out, "{}\n", Tr("edited {0} ({1}):", done->id, done->commit.substr(0, 7)));
        for (const auto& c : done->changes)
          fmt::print(ctx.out, "  {}: {} → {}\n", c.field, ShownValue(ctx.st(), c.field, c.from),
                     ShownValue(ctx.st(), c.field, c.to));
        return Status::Ok();
      }
      PrintStatus(ctx.err, checked.status());
      fmt::print(ctx.err, "{}", _("Edit again? [Y/n] "));
      std::fflush(ctx.err);
      std::string answer;
      if (!std::getline(std::cin, answer) || answer == "n" || answer == "N" || answer == "否")
        return Status::Rejected(Tr("{0} was not changed: nothing was written", edit->id));
    }
  }

 private:
  std::string id_, reason_;
};

}  // namespace

std::unique_ptr<Command> MakeEditCommand() { return std::make_unique<EditCommand>(); }

}  // namespace mediate::cli
