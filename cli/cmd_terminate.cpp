// mediate terminate ID --reason TEXT: mediation failed; the parties are told
// of other routes (Law Art. 26); a court-delegated case's materials go back
// to the court (SPC 2016 Art. 21).
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "step_command.hpp"

namespace mediate::cli {
namespace {

class TerminateCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("terminate"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--reason", in_.reason, _("why mediation ends (required)"));
    app.add_option("--date", in_.date, _("the day it ended (default today)"))->type_name("DATE");
    app.add_option("--guidance", in_.guidance,
                   _("the other routes the parties were told of (default: arbitration, "
                     "administrative or judicial channels)"));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "terminate", "terminated",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildTerminate(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  TerminateInput in_;
};

}  // namespace

std::unique_ptr<Command> MakeTerminateCommand() { return std::make_unique<TerminateCommand>(); }

}  // namespace mediate::cli
