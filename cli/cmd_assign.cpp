// mediate assign ID M-ID... [--chosen-by-parties] | --grid-worker NAME:
// who mediates (Law Art. 19: one or more mediators, appointed or chosen by
// the parties; at grid level the grid worker instead).
#include <CLI/CLI.hpp>

#include "step_command.hpp"

namespace mediate::cli {
namespace {

class AssignCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("mediators", in_.mediators, "mediator ids (M-0307 …); active, on the roster");
    app.add_flag("--chosen-by-parties", in_.chosen_by_parties,
                 "the parties chose these mediators (Law Art. 19); default: appointed");
    app.add_option("--grid-worker", in_.grid_worker,
                   "hand the case to the grid worker (网格员) of its grid: grid level, no mediator")
        ->type_name("NAME");
    app.add_option("--materials-received", in_.materials_received,
                   "court-invited case: the date the materials were signed for (SPC 2016)")
        ->type_name("DATE");
    app.footer(
        "Examples:\n  mediate assign WBL-2026-000042 M-0307\n"
        "  mediate assign WBL-2026-000042 --grid-worker 张网格");
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "assign", "assigned",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildAssign(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  AssignInput in_;
};

}  // namespace

std::unique_ptr<Command> MakeAssignCommand() { return std::make_unique<AssignCommand>(); }

}  // namespace mediate::cli
