// mediate office list|add: the offices that register cases — the district
// centre and the street offices — and which of them this clone writes as
// (docs/offices.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "i18n.hpp"
#include "office_table.hpp"
#include "office_write.hpp"
#include "reading.hpp"

namespace mediate::cli {
namespace {

class OfficeCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.require_subcommand(1);
    app.footer(
        _("Examples:\n"
          "  mediate office list\n"
          "  mediate office add --code XJY --name 小井峪街道司法所 --org S-140109011 \\\n"
          "    --street 140109011 --word 万小人调字\n"
          "A clone writes as the office of 'git config mediate.office CODE' (set by\n"
          "'mediate clone URL DIR --office CODE'); MEDIATE_OFFICE overrides it for scripts."));
    list_ = app.add_subcommand("list", _("the office registry; * marks this clone's office"));
    out_.Declare(list_);

    add_ = app.add_subcommand("add", _("register an office"));
    add_->add_option("--code", draft_.code,
                     _("office code: XJY (upper-case letter, then 1-5 more)"))
        ->required();
    add_->add_option("--name", draft_.name, _("name (名称)"))->required();
    add_->add_option("--org", draft_.org,
                     _("the mediation organisation it registers for (org id)"));
    add_->add_option("--street", draft_.street, _("the street it serves (code or name)"));
    add_->add_option("--word", draft_.file_no_word, _("file-number word (字号): 万小人调字"))
        ->required();
    add_->add_flag("--dry-run", dry_run_, _("check; write nothing"));
  }

  std::optional<std::string> Writes() const override {
    if (add_->parsed() && !dry_run_) return std::string("mediate office add");
    return std::nullopt;
  }

  Status Run(Context& ctx) override {
    if (list_->parsed()) return List(ctx);
    return Add(ctx);
  }

 private:
  Status List(Context& ctx) {
    const Store& store = ctx.st();
    auto mine = store.WritingOffice(ctx.write_options.office);
    Table t = OfficeTable(store.offices(), store.areas(), store.orgs(), mine.ok() ? *mine : "");
    if (mine.ok())
      t.notes.push_back(Tr("this clone writes as {0}", *mine));
    else
      t.notes.push_back(mine.status().message());
    return out_.Output(ctx, t, "offices");
  }

  Status Add(Context& ctx) {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = AddOffice(**w, *op, draft_);
    if (!done.ok()) return done.status();
    if ((*w)->dry_run()) {
      fmt::print(
          ctx.out, "{}\n",
          Tr("would add office {0} {1}; nothing written", done->office.code, done->office.name));
      return Status::Ok();
    }
    fmt::print(ctx.out, "{}\n",
               Tr("office add: {0} {1} ({2})", done->office.code, done->office.name,
                  done->commit.substr(0, 7)));
    return Status::Ok();
  }

  CLI::App *list_ = nullptr, *add_ = nullptr;
  Office draft_;
  OutputOptions out_;
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeOfficeCommand() { return std::make_unique<OfficeCommand>(); }

}  // namespace mediate::cli
