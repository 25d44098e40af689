// mediate consult: front-desk consultations (前台咨询, docs/law.md: "front-desk
// consultation + back-office processing").
//
//   mediate consult --name 李某 --question TEXT --advice TEXT [--phone P]
//                   [--id-number N] [--category C] [--referred ORG|TEXT] [--dry-run]
//   mediate consult list [--year YYYY] [--format table|csv|json|md]
//   mediate consult --to-case ID [--category C] [--respondent NAME]
//                   [--street S] [--community C] [--grid G] [--risk R] [--people N]
//
// Records live in consultations/<yyyy>/<id>.yaml (lib/write/consultation.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "consultation_write.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "pii.hpp"
#include "vocab.hpp"

namespace mediate::cli {
namespace {

class ConsultCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("--name", draft_.name, _("who asked (required)"));
    app.add_option("--phone", draft_.phone, _("their phone"));
    app.add_option("--id-number", draft_.id_number, _("their citizen ID number"));
    app.add_option("--category", category_,
                   Tr("category: {0}", Vocabulary::Builtin().category().KnownValues()));
    app.add_option("--question", draft_.question, _("what was asked (required)"));
    app.add_option("--advice", draft_.advice, _("the advice given (required)"));
    app.add_option(
        "--referred", draft_.referred,
        _("where the person was referred: an org id (WBL-LABOUR) or words (劳动仲裁委)"));
    app.add_option("--to-case", to_case_,
                   _("turn consultation ID into a case (统一受理), keeping the link"))
        ->type_name("ID");
    app.add_option("--respondent", to_.respondent, _("with --to-case: the respondent's name"));
    app.add_option("--respondent-kind", to_.respondent_kind,
                   _("with --to-case: person (default) or organisation"));
    app.add_option("--street", street_, _("with --to-case: street code or name"));
    app.add_option("--community", community_, _("with --to-case: community code or name"));
    app.add_option("--grid", to_.grid, _("with --to-case: grid code"));
    app.add_option("--risk", risk_,
                   Tr("with --to-case: risk: {0}", Vocabulary::Builtin().risk().KnownValues()));
    app.add_option("--people", to_.people_involved, _("with --to-case: people involved"));
    app.add_flag("--dry-run", dry_run_, _("check and show; write nothing"));
    auto* list = app.add_subcommand("list", _("list the consultations"));
    list->add_option("--year", year_, _("only this year"))->type_name("YYYY");
    list->add_option("--format", format_, _("table, csv, json, md"))->type_name(_("FORMAT"));
    list->add_flag("--reveal", reveal_, _("show phone and ID numbers unmasked"));
    list_ = list;
    app.require_subcommand(0, 1);
    app.footer(_(
        "Examples:\n"
        "  mediate consult --name 李某 --phone 13800001234 --category 邻里纠纷 \\\n"
        "    --question \"楼上漏水怎么办\" --advice \"可申请社区调解\" --referred C-140109005003\n"
        "  mediate consult list --year 2026\n"
        "  mediate consult --to-case WBL-ZX-2026-000001 --respondent 王某 --community 东风社区"));
  }

  std::optional<std::string> Writes() const override {
    if (list_->parsed() || dry_run_) return std::nullopt;
    return std::string(to_case_.empty() ? "mediate consult" : "mediate consult --to-case");
  }

  Status Run(Context& ctx) override {
    Store& store = ctx.st();
    if (list_->parsed()) return List(ctx);
    if (!category_.empty()) {
      const Term* t = store.vocab().category().Resolve(category_);
      if (!t)
        return Status::Rejected(Tr("unknown category \"{0}\"; known: {1}", category_,
                                   store.vocab().category().KnownValues()));
      draft_.category = t->code;
      to_.category = t->code;
    }
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    if (!to_case_.empty()) return ToCase(ctx, *op);
    std::string commit;
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto c = RecordConsultation(**w, draft_, *op, ctx.Now(), &commit);
    if (!c.ok()) return c.status();
    if (dry_run_)
      fmt::print(ctx.out, "{}\n",
                 Tr("would record {0} {1} (dry run: nothing written)", c->id, c->name));
    else
      fmt::print(ctx.out, "{}\n",
                 Tr("recorded {0} {1} ({2})", c->id, c->name, commit.substr(0, 7)));
    return Status::Ok();
  }

 private:
  Status ToCase(Context& ctx, const Signature& op) {
    Store& store = ctx.st();
    to_.street = NormalizeFilterValue(store, "street", street_);
    to_.community = NormalizeFilterValue(store, "community", community_);
    if (!risk_.empty()) {
      const Term* t = store.vocab().risk().Resolve(risk_);
      if (!t)
        return Status::Rejected(
            Tr("unknown risk \"{0}\"; known: {1}", risk_, store.vocab().risk().KnownValues()));
      to_.risk = t->code;
    }
    if (to_.community.empty() && !to_.grid.empty())
      if (const Community* cm = store.areas().CommunityOfGrid(to_.grid)) to_.community = cm->code;
    if (to_.street.empty() && !to_.community.empty())
      if (const Street* s = store.areas().StreetOfCommunity(to_.community)) to_.street = s->code;
    // The visitor's name and numbers become the case's parties: read in plain.
    MEDIATE_RETURN_IF_ERROR(ctx.OpenPersonalData());
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = ConsultationToCase(**w, to_case_, to_, op, ctx.Now());
    if (!done.ok()) return done.status();
    PrintWarnings(ctx.err, done->warnings);
    std::string label = LabelOf(store, "category", done->record.category);
    if (dry_run_)
      fmt::print(ctx.out, "{}\n",
                 Tr("would register {0} {1} from {2} (dry run: nothing written)", done->record.id,
                    label, to_case_));
    else
      fmt::print(ctx.out, "{}\n",
                 Tr("registered {0} {1} from {2} ({3})", done->record.id, label, to_case_,
                    done->commit.substr(0, 7)));
    return Status::Ok();
  }

  Status List(Context& ctx) {
    Store& store = ctx.st();
    auto format = ParseFormat(format_);
    if (!format || *format == Format::kXlsx)
      return Status::Usage(Tr("unknown format \"{0}\"; use table, csv, json or md", format_));
    auto all = LoadConsultations(store);
    if (!all.ok()) return all.status();
    const TimeZone& tz = store.settings().time_zone;
    Table t;
    t.columns = {{"id", _("id"), ColumnKind::kCode},
                 {"date", _("date"), ColumnKind::kCode},
                 {"name", "姓名", ColumnKind::kText},
                 {"phone", _("phone"), ColumnKind::kText},
                 {"category", "category", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
                 {"category_label", "类别", ColumnKind::kText},
                 {"question", _("question"), ColumnKind::kText},
                 {"referred", _("referred to"), ColumnKind::kText},
                 {"case", _("case"), ColumnKind::kCode}};
    std::size_t n = 0, to_case = 0;
    for (const auto& c : *all) {
      Date d = tz.LocalDate(c.at);
      if (year_ && d.year() != year_) continue;
      ++n;
      if (!c.case_id.empty()) ++to_case;
      t.rows.push_back({c.id, d.ToString(), c.name, reveal_ ? c.phone : MaskPhone(c.phone),
                        c.category, store.vocab().category().Zh(c.category), c.question, c.referred,
                        c.case_id});
    }
    MEDIATE_RETURN_IF_ERROR(Emit(ctx, t, *format));
    if (*format == Format::kTable)
      fmt::print(ctx.out, "{}\n",
                 TrN("{0} consultation, {1} turned into cases",
                     "{0} consultations, {1} turned into cases", n, n, to_case));
    return Status::Ok();
  }

  Consultation draft_;
  ConsultToCase to_;
  std::string category_, to_case_, street_, community_, risk_;
  bool dry_run_ = false;
  CLI::App* list_ = nullptr;
  int year_ = 0;
  std::string format_ = "table";
  bool reveal_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeConsultCommand() { return std::make_unique<ConsultCommand>(); }

}  // namespace mediate::cli
