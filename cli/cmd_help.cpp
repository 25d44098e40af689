// mediate help [COMMAND]: the help of the program or of one command, as
// `COMMAND --help` prints it. `mediate help --man -o DIR [--sections FILE]`
// writes the manual pages (cli/man_page.hpp) — mediate.1 and one
// mediate-<command>.1 per command — in the language of the environment; the
// build runs it (cmake/man.cmake).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "disk.hpp"
#include "i18n.hpp"
#include "man_page.hpp"
#include "version.hpp"

namespace mediate::cli {
namespace {

class HelpCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    root_ = app.get_parent();
    app.add_option("command", command_, _("the command to explain"));
    app.add_flag("--man", man_, _("write the manual pages (roff) into the folder given by -o"));
    app.add_option("-o,--output", dir_, _("the folder for --man"))->type_name("DIR");
    app.add_option("--sections", sections_,
                   _("with --man: the shared sections of mediate(1) (docs/man/sections.en.txt)"))
        ->type_name("FILE");
  }

  Status Run(Context& ctx) override {
    if (!man_) {
      const CLI::App* app = root_;
      if (!command_.empty()) {
        app = Find(command_);
        if (!app)
          return Status::Usage(
              Tr("help {}: no such command; `mediate --help` lists them", command_));
      }
      std::string text = app->help();
      std::fwrite(text.data(), 1, text.size(), ctx.out);
      return Status::Ok();
    }
    if (dir_.empty()) return Status::Usage(_("help --man needs -o DIR, the folder for the pages"));
    Disk& disk = CurrentDisk();
    std::vector<ManSection> shared;
    if (!sections_.empty()) {
      auto text = disk.ReadFile(sections_);
      if (!text.ok()) return text.status();
      shared = ParseManSections(*text);
    }
    MEDIATE_RETURN_IF_ERROR(Write(disk, "mediate.1", ProgramManPage(*root_, kVersion, shared)));
    for (const CLI::App* sub : root_->get_subcommands({}))
      if (!sub->get_group().empty())
        MEDIATE_RETURN_IF_ERROR(
            Write(disk, "mediate-" + sub->get_name() + ".1", CommandManPage(*sub, kVersion)));
    return Status::Ok();
  }

 private:
  const CLI::App* Find(const std::string& name) const {
    for (const CLI::App* sub : root_->get_subcommands({}))
      if (sub->get_name() == name) return sub;
    return nullptr;
  }

  Status Write(Disk& disk, const std::string& name, const std::string& page) const {
    return disk.WriteFile(dir_ + "/" + name, page, false);
  }

  CLI::App* root_ = nullptr;
  std::string command_, dir_, sections_;
  bool man_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeHelpCommand() { return std::make_unique<HelpCommand>(); }

}  // namespace mediate::cli
