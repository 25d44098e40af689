// mediate org list|show|add|edit|retire: the register of mediation
// organisations (committees, centre, brand rooms, chambers, referrers).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>

#include "command.hpp"
#include "i18n.hpp"
#include "org_roster.hpp"
#include "org_table.hpp"
#include "org_write.hpp"
#include "reading.hpp"
#include "status_filter.hpp"
#include "team_commit.hpp"
#include "vocab.hpp"

namespace mediate::cli {
namespace {

struct OrgFieldOptions {
  std::map<std::string, std::string> values;
  std::map<std::string, CLI::Option*> options;

  void Declare(CLI::App* app) {
    const Vocabulary& vocab = Vocabulary::Builtin();
    const std::map<std::string, std::string> kHelp = {
        {"name", _("name (名称)")},
        {"kind", Tr("organisation kind: {0}", vocab.Get("org_kind").KnownValues())},
        {"level", Tr("level: {0}", vocab.level().KnownValues())},
        {"street", _("street code or name")},
        {"community", _("community code or name")},
        {"specialties", Tr("categories, comma-separated: {0}", vocab.category().KnownValues())},
        {"parent", _("supervising organisation id")}};
    for (const auto& field : OrgEditableFields())
      options[field] = app->add_option("--" + field, values[field], kHelp.at(field));
  }
  std::map<std::string, std::string> Given() const {
    std::map<std::string, std::string> out;
    for (const auto& [field, opt] : options)
      if (opt->count() > 0) out[field] = values.at(field);
    return out;
  }
};

class OrgCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.require_subcommand(1);
    app.footer(
        _("Examples:\n"
          "  mediate org list --kind community_committee\n"
          "  mediate org show C-140109005003\n"
          "  mediate org add --id C-140109005099 --name 新社区人民调解委员会 \\\n"
          "    --kind community_committee --level community --street 140109005 \\\n"
          "    --community 140109005003 --parent S-140109005\n"
          "  mediate org retire B-OLD"));
    list_ = app.add_subcommand("list", _("the register, with members and full-time counts"));
    list_->add_option(
        "--kind", kind_,
        Tr("only this kind: {0}", Vocabulary::Builtin().Get("org_kind").KnownValues()));
    list_->add_option("--status", status_, _("active, retired or all (default all)"));
    out_.Declare(list_);

    show_ =
        app.add_subcommand("show", _("one organisation with its members and Law Art. 8 checks"));
    show_->add_option("id", id_, _("organisation id"))->required();

    add_ = app.add_subcommand("add", _("register an organisation"));
    add_->add_option("--id", id_, _("organisation id (letters, digits, -)"))->required();
    add_fields_.Declare(add_);
    add_->add_flag("--dry-run", dry_run_, _("check; write nothing"));

    edit_ = app.add_subcommand("edit", _("change fields of an organisation: --FIELD VALUE …"));
    edit_->add_option("id", id_, _("organisation id"))->required();
    edit_fields_.Declare(edit_);
    edit_->add_flag("--dry-run", dry_run_, _("check; write nothing"));

    retire_ = app.add_subcommand("retire", _("retire an organisation (no active members left)"));
    retire_->add_option("id", id_, _("organisation id"))->required();
  }

  std::optional<std::string> Writes() const override {
    if ((add_->parsed() || edit_->parsed()) && dry_run_) return std::nullopt;
    if (add_->parsed()) return std::string("mediate org add");
    if (edit_->parsed()) return std::string("mediate org edit");
    if (retire_->parsed()) return std::string("mediate org retire");
    return std::nullopt;
  }

  Status Run(Context& ctx) override {
    if (list_->parsed()) return List(ctx);
    if (show_->parsed()) return Show(ctx);
    if (add_->parsed()) return Add(ctx);
    if (edit_->parsed()) return Edit(ctx);
    if (retire_->parsed()) return Retire(ctx);
    return Status::Usage(_("org: give a subcommand"));
  }

 private:
  std::function<std::string(const std::string&)> KindLabel(const Store& store) {
    return [&store](const std::string& c) { return store.vocab().Get("org_kind").Zh(c); };
  }

  Status List(Context& ctx) {
    const Store& store = ctx.st();
    std::string kind;
    if (!kind_.empty()) {
      const Term* t = store.vocab().Get("org_kind").Resolve(kind_);
      if (!t)
        return Status::Usage(Tr("unknown organisation kind \"{0}\"; known: {1}", kind_,
                                store.vocab().Get("org_kind").KnownValues()));
      kind = t->code;
    }
    status_ = StatusFilterCode(status_);
    if (!status_.empty() && status_ != "active" && status_ != "retired" && status_ != "all")
      return Status::Usage(_("--status is active, retired or all"));
    Table t =
        OrgTable(store.orgs(), store.mediators(), KindLabel(store), [&](const Organisation& o) {
          if (!kind.empty() && o.kind != kind) return false;
          if (!status_.empty() && status_ != "all" && o.status != status_) return false;
          return true;
        });
    return out_.Output(ctx, t, "organisations");
  }

  Status Show(Context& ctx) {
    const Store& store = ctx.st();
    auto it = store.orgs().find(id_);
    if (it == store.orgs().end())
      return Status::NotFound(Tr("no organisation {0} (see 'mediate org list')", id_));
    auto team = LoadTeamSettings(store);
    if (!team.ok()) return team.status();
    Table card = OrgCard(it->second, OrgMembersOf(it->second, store.mediators(), *team),
                         store.orgs(), store.mediators(), store.areas(), KindLabel(store));
    for (const auto& row : card.rows)
      fmt::print(ctx.out, "{}  {}\n", PadToWidth(std::get<std::string>(row[0]), 12),
                 std::get<std::string>(row[1]));
    return Status::Ok();
  }

  Status Add(Context& ctx) {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = AddOrg(**w, *op, {id_, add_fields_.Given()});
    if (!done.ok()) return done.status();
    if ((*w)->dry_run()) {
      fmt::print(ctx.out, "{}\n",
                 Tr("would add {0} {1}; nothing written", done->org.id, done->org.name));
      return Status::Ok();
    }
    fmt::print(
        ctx.out, "{}\n",
        Tr("org add: {0} {1} ({2})", done->org.id, done->org.name, done->commit.substr(0, 7)));
    return Status::Ok();
  }

  Status Edit(Context& ctx) {
    auto fields = edit_fields_.Given();
    if (fields.empty())
      return Status::Usage(_("give the fields to change, e.g. --name … (see --help)"));
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = EditOrg(**w, *op, {id_, fields});
    if (!done.ok()) return done.status();
    if (done->unchanged) {
      fmt::print(ctx.out, "{}\n",
                 Tr("{0} already has those values; nothing to change", done->org.id));
      return Status::Ok();
    }
    if ((*w)->dry_run()) {
      fmt::print(ctx.out, "{}\n", Tr("would change {0}; nothing written", done->org.id));
      return Status::Ok();
    }
    std::string list;
    for (const auto& [f, v] : fields) list += (list.empty() ? "" : _(", ")) + f;
    fmt::print(ctx.out, "{}\n",
               Tr("org edit: {0} {1} ({2})", done->org.id, list, done->commit.substr(0, 7)));
    return Status::Ok();
  }

  Status Retire(Context& ctx) {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = RetireOrganisation(**w, *op, id_);
    if (!done.ok()) return done.status();
    fmt::print(
        ctx.out, "{}\n",
        Tr("org retire: {0} {1} ({2})", done->org.id, done->org.name, done->commit.substr(0, 7)));
    return Status::Ok();
  }

  CLI::App *list_ = nullptr, *show_ = nullptr, *add_ = nullptr, *edit_ = nullptr,
           *retire_ = nullptr;
  OrgFieldOptions add_fields_, edit_fields_;
  std::string id_, kind_, status_;
  OutputOptions out_;
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeOrgCommand() { return std::make_unique<OrgCommand>(); }

}  // namespace mediate::cli
