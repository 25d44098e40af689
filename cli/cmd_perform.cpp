// mediate perform ID full|instalment|none [--date D] [--note T]: how the
// agreement is performed (Law Art. 31: the committee supervises it).
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "lifecycle_agreement.hpp"
#include "step_command.hpp"
#include "step_context.hpp"

namespace mediate::cli {
namespace {

class PerformCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("perform"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("performance", in_.performance,
                   Tr("performance found: {0}", StepKnownValues("performance")))
        ->type_name(_("TEXT"));
    app.add_option("--date", in_.date, _("the day it was found (default today)"))
        ->type_name("DATE");
    app.add_option("--note", in_.note, _("e.g. what was paid"));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "perform", "performance",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildPerform(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  PerformInput in_;
};

}  // namespace

std::unique_ptr<Command> MakePerformCommand() { return std::make_unique<PerformCommand>(); }

}  // namespace mediate::cli
