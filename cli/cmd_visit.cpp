// mediate visit ID --method M --performance P …: the return visit (回访,
// Law Art. 31); or --none --reason T when no visit is made.
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "lifecycle_agreement.hpp"
#include "step_command.hpp"
#include "step_context.hpp"

namespace mediate::cli {
namespace {

class VisitCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("visit"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--date", in_.date, _("the day of the visit (default today)"))
        ->type_name("DATE");
    app.add_option("--visitor", in_.visitor, _("who visited (default: the operator)"));
    app.add_option("--method", in_.method,
                   Tr("how the visit was made: {0}", StepKnownValues("visit_method")));
    app.add_option("--performance", in_.performance,
                   Tr("performance found: {0}", StepKnownValues("performance")));
    app.add_option("--satisfaction", in_.satisfaction,
                   Tr("the parties' satisfaction: {0}", StepKnownValues("satisfaction")));
    app.add_option("--renewed-risk", in_.renewed_risk, _("signs of renewed risk, described"));
    app.add_flag("--lawsuit", in_.lawsuit, _("a lawsuit followed the agreement"));
    app.add_option("--note", in_.note, _("anything else"));
    app.add_flag("--none", in_.none, _("no return visit will be made (give --reason)"));
    app.add_option("--reason", in_.reason, _("with --none: why no visit is made"));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "visit", in_.none ? "visit_waived" : "visited",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildVisit(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  VisitInput in_;
};

}  // namespace

std::unique_ptr<Command> MakeVisitCommand() { return std::make_unique<VisitCommand>(); }

}  // namespace mediate::cli
