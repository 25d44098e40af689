// mediate assign ID M-ID... [--chosen-by-parties] | --grid-worker NAME [--date D]:
// who mediates (Law Art. 19: one or more mediators, appointed or chosen by
// the parties; at grid level the grid worker instead).
//
// mediate assign --auto [FILTER...] [--explain] [--dry-run]: every routed
// case without mediators that FILTER selects (all by default) gets one by
// rule (lib/write/auto_assign.hpp: specialists first, the routing rule's grade,
// fewest open cases, lowest id), in one commit. No eligible mediator for
// any case: exit 3, nothing written.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "auto_assign.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "step_command.hpp"

namespace mediate::cli {
namespace {

class AssignCommand : public Command {
 public:
  std::optional<std::string> Writes() const override {
    return step_.Writes(auto_ ? "assign --auto" : "assign");
  }
  void Declare(CLI::App& app) override {
    app.add_option("args", args_,
                   _("ID M-ID… (mediator ids: active, on the roster); with --auto: FILTER terms"))
        ->type_name(_("ID M-ID… | FILTER…"));
    app.add_flag("--dry-run", step_.dry_run, _("check the step and show it; write nothing"));
    app.add_flag("--auto", auto_,
                 _("assign by rule every routed case without mediators (that FILTER selects)"));
    app.add_flag("--explain", explain_,
                 _("with --auto: show every candidate of each case and why the chosen one won"));
    app.add_flag("--chosen-by-parties", in_.chosen_by_parties,
                 _("the parties chose these mediators (Law Art. 19); default: appointed"));
    app.add_option(
           "--grid-worker", in_.grid_worker,
           _("hand the case to the grid worker (网格员) of its grid: grid level, no mediator"))
        ->type_name("NAME");
    app.add_option("--materials-received", in_.materials_received,
                   _("court-invited case: the date the materials were signed for (SPC 2016)"))
        ->type_name("DATE");
    app.add_option("--date", in_.date,
                   _("late entry: the day the assignment was made (default today); not before "
                     "the step it follows"))
        ->type_name("DATE");
    app.add_option("--format", format_, _("output format of --auto: table, csv, json, md"))
        ->type_name(_("FORMAT"));
    app.footer(
        Tr("Examples:\n  mediate assign WBL-2026-000042 M-0307\n"
           "  mediate assign WBL-2026-000042 --grid-worker 张网格\n"
           "  mediate assign --auto org:WBL-CENTRE --explain\n"
           "--auto: among the active mediators of the handling organisation, specialists in the\n"
           "case's category come first; a routing rule may ask for a grade (assign: {{grade: 2}}\n"
           "= grade 2 or higher; ungraded ranks below grade 4); then the fewest open cases of\n"
           "that group, the fewest open cases in all, the lowest id. See docs/routing.md."));
  }

  Status Run(Context& ctx) override {
    if (auto_) return RunAuto(ctx);
    if (explain_) return Status::Usage(_("--explain goes with --auto"));
    if (args_.empty()) return Status::Usage(_("give the case id (or --auto)"));
    step_.id = args_[0];
    in_.mediators.assign(args_.begin() + 1, args_.end());
    return RunStep(ctx, step_, "assign", "assigned",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildAssign(c, d, in_, sc, sink); });
  }

 private:
  Status RunAuto(Context& ctx) {
    if (in_.chosen_by_parties || !in_.grid_worker.empty() || !in_.materials_received.empty() ||
        !in_.date.empty())
      return Status::Usage(
          _("--auto chooses appointed mediators today; --chosen-by-parties, --grid-worker, "
            "--materials-received and --date go with an explicit assignment"));
    auto format = ParseFormat(format_);
    if (!format || *format == Format::kXlsx)
      return Status::Usage(Tr("unknown format \"{0}\"; use table, csv, json or md", format_));
    Store& store = ctx.st();
    auto filter = ParseStoreFilter(store, args_);
    if (!filter.ok()) return filter.status();
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = AutoAssign(**w, *filter, *op, ctx.Now(), ctx.Today());
    if (!done.ok()) return done.status();
    const auto& choices = done->choices;
    if (choices.empty()) {
      fmt::print(ctx.out, "{}\n",
                 args_.empty() ? _("nothing to assign: no routed case without mediators")
                               : _("nothing to assign: no routed case without mediators matches "
                                   "the filter"));
      return Status::Ok();
    }
    // Human output in the interface's language (Chinese: labels only);
    // machine formats keep the codes and English words.
    const bool human = *format == Format::kTable || *format == Format::kMarkdown;
    auto word = [&](const char* code) { return human ? std::string(_(code)) : std::string(code); };
    const VocabList& categories = store.vocab().category();
    Table t;
    if (explain_) {
      t.columns = {{"case", _("case"), ColumnKind::kCode},
                   {"mediator", _("mediator"), ColumnKind::kCode},
                   {"name", "姓名", ColumnKind::kText},
                   {"grade", _("grade"), ColumnKind::kText},
                   {"specialist", _("specialist"), ColumnKind::kText},
                   {"group_open", _("group open"), ColumnKind::kInt},
                   {"open", _("open"), ColumnKind::kInt},
                   {"result", _("result"), ColumnKind::kText},
                   {"because", _("because"), ColumnKind::kText}};
      for (const auto& ch : choices) {
        for (const auto& a : ch.candidates) {
          std::string result = a.id == ch.chosen ? word(N_("chosen"))
                               : !a.eligible     ? word(N_("not eligible"))
                               : !a.preferred    ? word(N_("not preferred"))
                                                 : "-";
          std::string because = a.id == ch.chosen ? ch.because : a.note;
          t.rows.push_back({ch.case_id, a.id, a.name,
                            a.grade == 0 ? word(N_("ungraded")) : std::to_string(a.grade),
                            word(a.specialist ? N_("yes") : N_("no")),
                            static_cast<std::int64_t>(a.group_load),
                            static_cast<std::int64_t>(a.open_load), result, because});
        }
      }
    } else {
      t.columns = {{"case", _("case"), ColumnKind::kCode},
                   {"category", _("category"), human ? ColumnKind::kText : ColumnKind::kCode},
                   {"org", _("org"), ColumnKind::kCode},
                   {"grade_required", _("grade required"), ColumnKind::kText},
                   {"mediator", _("mediator"), ColumnKind::kCode},
                   {"name", "姓名", ColumnKind::kText},
                   {"group", _("group"), ColumnKind::kText}};
      for (const auto& ch : choices) {
        std::string name;
        for (const auto& a : ch.candidates)
          if (a.id == ch.chosen) name = a.name;
        std::string grade = "-";
        if (ch.required_grade)
          grade = human ? Tr("{0} or higher", ch.required_grade)
                        : std::to_string(ch.required_grade) + " or higher";
        t.rows.push_back({ch.case_id, human ? categories.Shown(ch.category) : ch.category, ch.org,
                          grade, ch.chosen, name, ch.group});
      }
    }
    MEDIATE_RETURN_IF_ERROR(Emit(ctx, t, *format));
    if (*format != Format::kTable && *format != Format::kMarkdown) return Status::Ok();
    const std::size_t n = choices.size();
    if (step_.dry_run)
      fmt::print(ctx.out, "{}\n",
                 TrN("would assign {0} case (dry run: nothing written)",
                     "would assign {0} cases (dry run: nothing written)", n, n));
    else
      fmt::print(ctx.out, "{}\n",
                 TrN("assigned {0} case in one commit ({1})",
                     "assigned {0} cases in one commit ({1})", n, n, done->commit.substr(0, 7)));
    return Status::Ok();
  }

  StepOptions step_;
  AssignInput in_;
  std::vector<std::string> args_;
  bool auto_ = false;
  bool explain_ = false;
  std::string format_ = "table";
};

}  // namespace

std::unique_ptr<Command> MakeAssignCommand() { return std::make_unique<AssignCommand>(); }

}  // namespace mediate::cli
