// mediate mediator list|show|add|edit|retire|import|rate|stats|eligible:
// the mediator roster (docs/law.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>

#include "command.hpp"
#include "eligibility_table.hpp"
#include "grade_eligibility.hpp"
#include "i18n.hpp"
#include "reading.hpp"
#include "roster.hpp"
#include "roster_table.hpp"
#include "roster_write.hpp"
#include "status_filter.hpp"
#include "team_commit.hpp"
#include "team_io.hpp"
#include "training.hpp"
#include "vocab.hpp"

namespace mediate::cli {
namespace {

/// "term_end" → "--term-end".
std::string Flag(const std::string& field) {
  std::string f = field;
  std::replace(f.begin(), f.end(), '_', '-');
  return "--" + f;
}

/// Field/value options shared by add and edit; Given() lists those typed.
struct FieldOptions {
  std::map<std::string, std::string> values;
  std::map<std::string, CLI::Option*> options;

  void Declare(CLI::App* app) {
    const Vocabulary& vocab = Vocabulary::Builtin();
    const std::map<std::string, std::string> kHelp = {
        {"name", _("name (姓名)")},
        {"sex", _("male or female (男/女)")},
        {"born", _("birth date YYYY-MM-DD (an adult: Law Art. 14)")},
        {"org", _("organisation id")},
        {"role", Tr("role: {0}", vocab.Get("mediator_role").KnownValues())},
        {"employment", Tr("employment: {0}", vocab.Get("employment").KnownValues())},
        {"grade", _("grade 1 (highest) to 4; empty for none (prefer 'mediator rate')")},
        {"graded", _("date of the grade")},
        {"specialties", Tr("categories, comma-separated: {0}", vocab.category().KnownValues())},
        {"lecturer", _("true or false (授课骨干)")},
        {"honours", _("honours, comma-separated")},
        {"filed", _("filing date (备案), YYYY-MM-DD")},
        {"phone", _("phone number")},
        {"education", _("education (学历)")},
        {"sanctions", _("sanctions, comma-separated")},
        {"term_end", _("end of the current term, YYYY-MM-DD")},
        {"court_roster", _("true or false: on a court's roster of mediators")}};
    for (const auto& field : MediatorEditableFields())
      options[field] = app->add_option(Flag(field), values[field], kHelp.at(field));
  }
  std::map<std::string, std::string> Given() const {
    std::map<std::string, std::string> out;
    for (const auto& [field, opt] : options)
      if (opt->count() > 0) out[field] = values.at(field);
    return out;
  }
};

class MediatorCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.require_subcommand(1);
    app.footer(
        _("Examples:\n"
          "  mediate mediator list --org WBL-CENTRE\n"
          "  mediate mediator list --format csv > roster.csv\n"
          "  mediate mediator add --name 张三 --sex male --born 1970-05-01 --org WBL-CENTRE\n"
          "  mediate mediator edit M-0307 --phone 13800001234 --employment full_time\n"
          "  mediate mediator rate M-0307 --grade 3 --basis \"区调解协会2024年第3号评定决定\"\n"
          "  mediate mediator stats"));

    list_ = app.add_subcommand("list", _("the roster (phone numbers masked unless --reveal)"));
    list_->add_option("--org", org_, _("only this organisation's mediators"));
    list_->add_option("--grade", grade_text_, _("only this grade (1–4, or none)"));
    list_->add_option("--status", status_, _("active, retired or all (default all)"));
    list_->add_flag("--lecturers", lecturers_, _("only lecturers (授课骨干)"));
    list_->add_flag("--reveal", reveal_, _("show phone numbers in full"));
    out_.Declare(list_);

    show_ = app.add_subcommand("show", _("one mediator with ratings"));
    show_->add_option("id", id_, _("mediator id"))->required();
    show_->add_flag("--reveal", reveal_, _("show the phone number in full"));

    add_ = app.add_subcommand("add", _("add a mediator to the roster"));
    add_->add_option("--id", id_, _("roster id (default: the next M-NNNN)"));
    add_fields_.Declare(add_);
    add_->add_flag("--dry-run", dry_run_, _("check; write nothing"));

    edit_ = app.add_subcommand("edit", _("change fields of a mediator: --FIELD VALUE …"));
    edit_->add_option("id", id_, _("mediator id"))->required();
    edit_fields_.Declare(edit_);
    edit_->add_flag("--dry-run", dry_run_, _("check; write nothing"));

    retire_ = app.add_subcommand("retire", _("take a mediator off the active roster"));
    retire_->add_option("id", id_, _("mediator id"))->required();
    retire_->add_option("--date", date_, _("date retired (default today)"));

    import_ = app.add_subcommand(
        "import", _("add and update mediators from a roster CSV (the format init reads); "
                    "unchanged rows add nothing"));
    import_->add_option("file", file_, _("mediators.csv (UTF-8 or GB18030)"))->required();
    import_->add_flag("--dry-run", dry_run_, _("check and say what would change; write nothing"));

    rate_ = app.add_subcommand("rate", _("record a grade rating (等级评定): who, when, basis"));
    rate_->add_option("id", id_, _("mediator id"))->required();
    rate_->add_option("--grade", grade_, _("grade 1 (highest) to 4"))->required();
    rate_->add_option("--basis", basis_, _("basis of the rating (decision, record)"))->required();
    rate_->add_option("--date", date_, _("date of the rating (default today)"));

    stats_ = app.add_subcommand("stats", _("active mediators by grade, employment, role and sex; "
                                           "lecturers, honours"));
    out_.Declare(stats_);

    eligible_ = app.add_subcommand(
        "eligible", _("each mediator's record from the case files against the store's "
                      "grade thresholds"));
    eligible_->add_option("--grade", grade_, _("the grade to check (default: every configured)"));
    eligible_->add_option("--date", date_, _("as of this date (default today)"));
    eligible_->add_flag("--all", all_, _("list every active mediator, eligible or not"));
    out_.Declare(eligible_);
  }

  std::optional<std::string> Writes() const override {
    if ((add_->parsed() || edit_->parsed() || import_->parsed()) && dry_run_) return std::nullopt;
    if (add_->parsed()) return std::string("mediate mediator add");
    if (edit_->parsed()) return std::string("mediate mediator edit");
    if (retire_->parsed()) return std::string("mediate mediator retire");
    if (import_->parsed()) return std::string("mediate mediator import");
    if (rate_->parsed()) return std::string("mediate mediator rate");
    return std::nullopt;
  }

  Status Run(Context& ctx) override {
    if (list_->parsed()) return List(ctx);
    if (show_->parsed()) return Show(ctx);
    if (add_->parsed()) return Add(ctx);
    if (edit_->parsed()) return Edit(ctx);
    if (retire_->parsed()) return Retire(ctx);
    if (import_->parsed()) return Import(ctx);
    if (rate_->parsed()) return Rate(ctx);
    if (stats_->parsed()) return Stats(ctx);
    if (eligible_->parsed()) return Eligible(ctx);
    return Status::Usage(_("mediator: give a subcommand"));
  }

 private:
  Result<Date> DateOr(Context& ctx, const std::string& text, const char* flag) {
    if (text.empty()) return ctx.Today();
    if (auto d = Date::Parse(text)) return *d;
    return Status::Usage(Tr("{0} \"{1}\" is not a date (YYYY-MM-DD)", flag, text));
  }

  Status List(Context& ctx) {
    status_ = StatusFilterCode(status_);
    if (!status_.empty() && status_ != "active" && status_ != "retired" && status_ != "all")
      return Status::Usage(_("--status is active, retired or all"));
    int grade = -1;
    if (!grade_text_.empty()) {
      if (grade_text_ == "none") {
        grade = 0;
      } else if (grade_text_.size() == 1 && grade_text_[0] >= '1' && grade_text_[0] <= '4') {
        grade = grade_text_[0] - '0';
      } else {
        return Status::Usage(_("--grade is 1 to 4, or none"));
      }
    }
    if (!org_.empty() && !ctx.st().orgs().count(org_))
      return Status::NotFound(Tr("no organisation {0} (see 'mediate org list')", org_));
    Table t = RosterTable(ctx.st().mediators(), reveal_, [&](const Mediator& m) {
      if (!org_.empty() && m.org != org_) return false;
      if (grade >= 0 && m.grade != grade) return false;
      if (!status_.empty() && status_ != "all" && m.status != status_) return false;
      if (lecturers_ && !m.lecturer) return false;
      return true;
    });
    auto f = ParseFormat(out_.format);
    if (f && *f == Format::kTable) {
      // The terminal view keeps the columns people scan; csv/json have all.
      Table narrow =
          SelectColumns(t, {"id", "name", "sex", "sex_label", "org", "role", "role_label",
                            "employment", "employment_label", "grade", "grade_label", "lecturer",
                            "lecturer_label", "status", "status_label", "phone"});
      const std::size_t n = t.rows.size();
      narrow.notes.push_back(TrN("{0} mediator", "{0} mediators", n, n));
      return out_.Output(ctx, narrow, "mediators");
    }
    return out_.Output(ctx, t, "mediators");
  }

  Status PrintCard(Context& ctx, const Table& card) {
    for (const auto& row : card.rows)
      fmt::print(ctx.out, "{}  {}\n", PadToWidth(std::get<std::string>(row[0]), 12),
                 std::get<std::string>(row[1]));
    return Status::Ok();
  }

  Status Show(Context& ctx) {
    auto it = ctx.st().mediators().find(id_);
    if (it == ctx.st().mediators().end())
      return Status::NotFound(Tr("no mediator {0} (see 'mediate mediator list')", id_));
    return PrintCard(ctx, MediatorCard(it->second, ctx.st().orgs(), reveal_));
  }

  /// Prints the first line of a roster commit and the committee problems it
  /// brings.
  void Report(Context& ctx, const std::string& line, const std::vector<std::string>& problems) {
    fmt::print(ctx.out, "{}\n", line);
    for (const auto& p : problems) fmt::print(ctx.err, "{}\n", Tr("warning: {0}", p));
  }

  Status Add(Context& ctx) {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = AddMediator(**w, *op, {id_, add_fields_.Given()});
    if (!done.ok()) return done.status();
    PrintWarnings(ctx.err, done->warnings);
    if ((*w)->dry_run()) {
      fmt::print(ctx.out, "{}\n",
                 Tr("would add {0} {1}; nothing written", done->mediator.id, done->mediator.name));
      return Status::Ok();
    }
    Report(ctx,
           Tr("mediator add: {0} {1} ({2})", done->mediator.id, done->mediator.name,
              done->commit.substr(0, 7)),
           done->problems);
    return Status::Ok();
  }

  Status Edit(Context& ctx) {
    auto fields = edit_fields_.Given();
    if (fields.empty())
      return Status::Usage(_("give the fields to change, e.g. --phone 13800001234 (see --help)"));
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = EditMediator(**w, *op, {id_, fields});
    if (!done.ok()) return done.status();
    PrintWarnings(ctx.err, done->warnings);
    if (done->unchanged) {
      fmt::print(ctx.out, "{}\n",
                 Tr("{0} already has those values; nothing to change", done->mediator.id));
      return Status::Ok();
    }
    if ((*w)->dry_run()) {
      fmt::print(ctx.out, "{}\n", Tr("would change {0}; nothing written", done->mediator.id));
      return Status::Ok();
    }
    std::string list;
    for (const auto& [f, v] : fields) list += (list.empty() ? "" : _(", ")) + f;
    Report(ctx,
           Tr("mediator edit: {0} {1} ({2})", done->mediator.id, list, done->commit.substr(0, 7)),
           done->problems);
    return Status::Ok();
  }

  Status Retire(Context& ctx) {
    auto date = DateOr(ctx, date_, "--date");
    if (!date.ok()) return date.status();
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = RetireMediator(**w, *op, {id_, *date});
    if (!done.ok()) return done.status();
    Report(ctx,
           Tr("mediator retire: {0} {1} ({2})", done->mediator.id, done->mediator.name,
              done->commit.substr(0, 7)),
           done->problems);
    return Status::Ok();
  }

  Status Import(Context& ctx) {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto text = ReadCsvFileUtf8(file_);
    if (!text.ok()) return text.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    std::string name = std::filesystem::path(file_).filename().string();
    auto done = ImportRoster(**w, *op, {*text, name});
    if (!done.ok()) return done.status();
    PrintWarnings(ctx.err, done->warnings);
    const MediatorImportPlan& plan = done->plan;
    if ((*w)->dry_run()) {
      fmt::print(ctx.out, "{}\n",
                 Tr("would add {0} mediators from {1}; {2} updated, {3} unchanged; nothing "
                    "written",
                    plan.added.size(), name, plan.updated.size(), plan.unchanged));
      for (std::size_t i = 0; i < plan.updated.size(); ++i) {
        std::string f;
        for (const auto& x : plan.changed_fields[i]) f += (f.empty() ? "" : _(", ")) + x;
        fmt::print(ctx.out, "  {}: {}\n", plan.updated[i].id, f);
      }
      return Status::Ok();
    }
    if (done->commit.empty()) {
      fmt::print(ctx.out, "{}\n",
                 Tr("nothing to import: all {0} mediators of {1} are already on the roster as "
                    "given",
                    plan.unchanged, name));
      return Status::Ok();
    }
    Report(
        ctx,
        Tr("mediator import: {0} added, {1} updated, {2} unchanged from {3} ({4})",
           plan.added.size(), plan.updated.size(), plan.unchanged, name, done->commit.substr(0, 7)),
        done->problems);
    return Status::Ok();
  }

  Status Rate(Context& ctx) {
    auto date = DateOr(ctx, date_, "--date");
    if (!date.ok()) return date.status();
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = RateMediator(**w, *op, {id_, grade_, *date, basis_});
    if (!done.ok()) return done.status();
    Report(ctx,
           Tr("mediator rate: {0} {1} grade {2} ({3})", done->mediator.id, done->mediator.name,
              grade_, done->commit.substr(0, 7)),
           done->problems);
    return Status::Ok();
  }

  Status Stats(Context& ctx) {
    const Store& store = ctx.st();
    return out_.Output(
        ctx,
        RosterStatsTable(
            store.mediators(),
            [&store](const std::string& vocab, const std::string& code) {
              if (vocab == "sex")
                return std::string(code == "male" ? "男" : code == "female" ? "女" : "");
              return store.vocab().Get(vocab).Zh(code);
            }),
        "mediators");
  }

  Status Eligible(Context& ctx) {
    auto date = DateOr(ctx, date_, "--date");
    if (!date.ok()) return date.status();
    auto team = LoadTeamSettings(ctx.st());
    if (!team.ok()) return team.status();
    std::vector<int> grades;
    if (grade_ != 0) {
      if (!team->grades.count(grade_))
        return Status::Usage(
            Tr("no thresholds for grade {0} in mediate.yaml (grades: {{\"{0}\": {{years: …, "
               "cases: …, success_percent: …, oral_percent_max: …, training_hours: …, "
               "escalations_max: …}}}}; local practice)",
               grade_));
      grades.push_back(grade_);
    } else {
      for (const auto& [g, th] : team->grades) grades.push_back(g);
    }
    auto trainings = LoadTrainings(ctx.st());
    if (!trainings.ok()) return trainings.status();
    auto records = ComputeMediatorRecords(ctx.st(), *trainings, *date);
    if (!records.ok()) return records.status();
    return out_.Output(
        ctx, EligibilityTable(CheckGrades(*records, ctx.st().mediators(), *team, grades), all_),
        "eligible");
  }

  CLI::App *list_ = nullptr, *show_ = nullptr, *add_ = nullptr, *edit_ = nullptr,
           *retire_ = nullptr, *import_ = nullptr, *rate_ = nullptr, *stats_ = nullptr,
           *eligible_ = nullptr;
  FieldOptions add_fields_, edit_fields_;
  std::string id_, org_, grade_text_, status_, file_, basis_, date_;
  OutputOptions out_;
  int grade_ = 0;
  bool reveal_ = false, lecturers_ = false, dry_run_ = false, all_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeMediatorCommand() { return std::make_unique<MediatorCommand>(); }

}  // namespace mediate::cli
