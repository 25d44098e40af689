// mediate training import|add|list|show|stats|due: training sessions of the
// mediator team, attendance, and the measures the bureau reports (docs/law.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <filesystem>

#include "command.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "reading.hpp"
#include "team_commit.hpp"
#include "team_io.hpp"
#include "training.hpp"
#include "training_stats.hpp"
#include "training_write.hpp"
#include "vocab.hpp"

namespace mediate::cli {
namespace {

class TrainingCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.require_subcommand(1);
    app.footer(
        _("Examples:\n"
          "  mediate training import trainings.csv\n"
          "  mediate training stats --years 2020-2022\n"
          "  mediate training stats --year 2022 --by kind\n"
          "  mediate training due --year 2022"));

    import_ = app.add_subcommand("import", _("record sessions from a CSV (id,date,kind,title,level,"
                                             "hours,lecturer,attendees); again adds nothing"));
    import_->add_option("file", file_, _("the CSV file (UTF-8 or GB18030)"))->required();
    import_->add_flag("--dry-run", dry_run_, _("check and say what would change; write nothing"));

    add_ = app.add_subcommand("add", _("record one session"));
    add_->add_option("--id", id_, _("session id (default: the next T-<year>-NNN)"));
    add_->add_option("--date", date_, _("day of the session, YYYY-MM-DD"))->required();
    add_->add_option("--kind", kind_,
                     Tr("kind: {0}", Vocabulary::Builtin().Get("training_kind").KnownValues()))
        ->required();
    add_->add_option("--title", title_, _("title of the session"))->required();
    add_->add_option("--level", level_,
                     Tr("organising level: {0}", Vocabulary::Builtin().level().KnownValues()));
    add_->add_option("--hours", hours_, _("length in hours (6, 1.5)"))->required();
    add_->add_option("--lecturer", lecturer_, _("a mediator id, or external"));
    add_->add_option("--lecturer-name", lecturer_name_, _("name of an external lecturer"));
    add_->add_option("--attendees", attendees_, _("mediator ids, comma-separated"))
        ->delimiter(',')
        ->required();
    add_->add_flag("--dry-run", dry_run_, _("check; write nothing"));

    list_ = app.add_subcommand("list", _("list sessions"));
    DeclarePeriod(list_);
    out_.Declare(list_);

    show_ = app.add_subcommand("show", _("one session with its attendees"));
    show_->add_option("id", id_, _("session id"))->required();
    out_.Declare(show_);
    show_->footer(
        _("The session as a card; with --format csv|json|md|xlsx (or -o FILE) its attendance\n"
          "sheet instead: one row per attendee (session, date, kind, title, hours, attendee,\n"
          "name, org)."));

    stats_ = app.add_subcommand("stats", _("sessions, trainee-times (人次), hours per mediator and "
                                           "coverage for a period"));
    DeclarePeriod(stats_);
    stats_->add_option("--by", by_, _("group by year, kind, level, lecturer, org or mediator"));
    out_.Declare(stats_);
    stats_->footer(
        _("coverage = active mediators with at least one session in the period ÷ active\n"
          "mediators (roster status now); hours_per_mediator = hours received by active\n"
          "mediators ÷ active mediators; hours = person-hours (Σ hours × attendees)."));

    due_ = app.add_subcommand("due", _("active mediators below the yearly training hours (store "
                                       "setting training.yearly_hours)"));
    due_->add_option("--year", year_, _("calendar year"))->required();
    out_.Declare(due_);
  }

  std::optional<std::string> Writes() const override {
    if (dry_run_) return std::nullopt;
    if (import_->parsed()) return std::string("mediate training import");
    if (add_->parsed()) return std::string("mediate training add");
    return std::nullopt;
  }

  Status Run(Context& ctx) override {
    if (import_->parsed()) return Import(ctx);
    if (add_->parsed()) return Add(ctx);
    if (list_->parsed()) return List(ctx);
    if (show_->parsed()) return Show(ctx);
    if (stats_->parsed()) return Stats(ctx);
    if (due_->parsed()) return Due(ctx);
    return Status::Usage(_("training: give a subcommand (import, add, list, show, stats, due)"));
  }

 private:
  void DeclarePeriod(CLI::App* app) {
    app->add_option("--years", years_, _("whole calendar years: 2022 or 2020-2022"));
    app->add_option("--year", years_, _("one calendar year (same as --years Y)"));
    app->add_option("--from", from_, _("first day, YYYY-MM-DD"));
    app->add_option("--to", to_, _("last day, YYYY-MM-DD"));
  }
  std::function<std::string(const std::string&)> KindLabel(const Store& store) {
    return
        [&store](const std::string& code) { return store.vocab().Get("training_kind").Zh(code); };
  }

  Status Import(Context& ctx) {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto text = ReadCsvFileUtf8(file_);
    if (!text.ok()) return text.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    std::string name = std::filesystem::path(file_).filename().string();
    auto done = ImportTrainings(**w, *op, *text, name);
    if (!done.ok()) return done.status();
    const TrainingImportPlan& plan = done->plan;
    std::string tail =
        Tr("{0} updated, {1} skipped as already recorded", plan.updated.size(), plan.unchanged);
    if ((*w)->dry_run()) {
      fmt::print(ctx.out, "{}\n",
                 Tr("would import {0} sessions from {1}; {2}; nothing written", plan.added.size(),
                    name, tail));
      return Status::Ok();
    }
    if (done->commit.empty()) {
      fmt::print(ctx.out, "{}\n",
                 Tr("nothing to import: all {0} sessions of {1} are already recorded",
                    plan.unchanged, name));
      return Status::Ok();
    }
    fmt::print(ctx.out, "{}\n",
               Tr("imported {0} sessions from {1} in one commit ({2}); {3}", plan.added.size(),
                  name, done->commit.substr(0, 7), tail));
    return Status::Ok();
  }

  Status Add(Context& ctx) {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = AddTraining(
        **w, *op,
        {id_, date_, kind_, title_, level_, hours_, lecturer_, lecturer_name_, attendees_});
    if (!done.ok()) return done.status();
    const Training& t = done->training;
    if ((*w)->dry_run()) {
      fmt::print(ctx.out, "{}\n",
                 Tr("would add {0} {1} ({2} attendees); nothing written", t.id, t.title,
                    t.attendees.size()));
      return Status::Ok();
    }
    fmt::print(ctx.out, "{}\n",
               Tr("added {0} {1} ({2} attendees, {3} h) ({4})", t.id, t.title, t.attendees.size(),
                  FormatHours(t.hours_tenths), done->commit.substr(0, 7)));
    return Status::Ok();
  }

  Result<DateRange> Period() {
    if (!years_.empty() && (!from_.empty() || !to_.empty()))
      return Status::Usage(_("give either --year(s) or --from/--to, not both"));
    return ParsePeriod(years_, from_, to_);
  }

  Status List(Context& ctx) {
    auto period = Period();
    if (!period.ok()) return period.status();
    auto trainings = LoadTrainings(ctx.st());
    if (!trainings.ok()) return trainings.status();
    return out_.Output(ctx, TrainingListTable(*trainings, *period, KindLabel(ctx.st())),
                       "trainings");
  }

  Status Show(Context& ctx) {
    auto trainings = LoadTrainings(ctx.st());
    if (!trainings.ok()) return trainings.status();
    const Training* t = nullptr;
    for (const auto& x : *trainings)
      if (x.id == id_) t = &x;
    if (!t)
      return Status::NotFound(Tr("no training session {0} (see 'mediate training list')", id_));
    const auto& mediators = ctx.st().mediators();
    auto format = out_.ParsedFormat();
    if (!format.ok()) return format.status();
    if (*format != Format::kTable || !out_.output.empty())
      return out_.Output(ctx, TrainingAttendanceTable(*t, mediators), "attendance");
    auto name = [&](const std::string& id) {
      auto it = mediators.find(id);
      return it == mediators.end() ? std::string() : it->second.name;
    };
    std::string lecturer =
        t->lecturer == "external"
            ? _("external") + (t->lecturer_name.empty() ? "" : " " + t->lecturer_name)
            : t->lecturer + (t->lecturer.empty() ? "" : "  " + name(t->lecturer));
    const bool zh = TranslationOn();
    const std::string kind = ctx.st().vocab().Get("training_kind").Zh(t->kind);
    // English shows the code beside the label; Chinese the label alone.
    if (zh && !kind.empty())
      fmt::print(ctx.out, "{}  {}  {}\n", t->id, t->date.ToString(), kind);
    else
      fmt::print(ctx.out, "{}  {}  {} {}\n", t->id, t->date.ToString(), t->kind, kind);
    const std::string level = zh ? ctx.st().vocab().level().Zh(t->level) : t->level;
    fmt::print(ctx.out, "{}\n", Tr("title      {0}", t->title));
    fmt::print(ctx.out, "{}\n", Tr("level      {0}", level.empty() ? t->level : level));
    fmt::print(ctx.out, "{}\n", Tr("hours      {0}", FormatHours(t->hours_tenths)));
    if (!t->lecturer.empty()) fmt::print(ctx.out, "{}\n", Tr("lecturer   {0}", lecturer));
    fmt::print(ctx.out, "{}\n", Tr("attendees  {0} (人次)", t->attendees.size()));
    for (const auto& a : t->attendees) fmt::print(ctx.out, "  {}  {}\n", a, name(a));
    return Status::Ok();
  }

  Status Stats(Context& ctx) {
    auto period = Period();
    if (!period.ok()) return period.status();
    auto trainings = LoadTrainings(ctx.st());
    if (!trainings.ok()) return trainings.status();
    auto t = TrainingStatsTable(*trainings, ctx.st().mediators(), ctx.st().orgs(), *period, by_,
                                KindLabel(ctx.st()));
    if (!t.ok()) return t.status();
    return out_.Output(ctx, *t, "training");
  }

  Status Due(Context& ctx) {
    if (year_ < 1900 || year_ > 9999) return Status::Usage(_("--year is a calendar year (2022)"));
    auto team = LoadTeamSettings(ctx.st());
    if (!team.ok()) return team.status();
    auto trainings = LoadTrainings(ctx.st());
    if (!trainings.ok()) return trainings.status();
    return out_.Output(ctx,
                       TrainingDueTable(*trainings, ctx.st().mediators(), ctx.st().orgs(), year_,
                                        team->training_yearly_hours),
                       "training due");
  }

  CLI::App *import_ = nullptr, *add_ = nullptr, *list_ = nullptr, *show_ = nullptr,
           *stats_ = nullptr, *due_ = nullptr;
  std::string file_, id_, date_, kind_, title_, level_, hours_, lecturer_, lecturer_name_;
  std::vector<std::string> attendees_;
  std::string years_, from_, to_, by_;
  OutputOptions out_;
  int year_ = 0;
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeTrainingCommand() { return std::make_unique<TrainingCommand>(); }

}  // namespace mediate::cli
