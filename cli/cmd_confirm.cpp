// mediate confirm ID --result applied|confirmed|rejected|withdrawn --court NAME …:
// judicial confirmation (司法确认, Law Art. 33). A late application or an
// excluded matter is recorded with a warning: the court decides. On a
// closed (agreed) case the result is added to the file as a supplement
// (补充归档) and the case stays closed.
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "lifecycle_agreement.hpp"
#include "step_command.hpp"
#include "step_context.hpp"

namespace mediate::cli {
namespace {

class ConfirmCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("confirm"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--result", in_.result,
                   Tr("the result: {0} (withdrawn: the parties withdrew the application)",
                      StepKnownValues("confirmation_result")));
    app.add_option("--court", in_.court, _("the court (name or org id)"));
    app.add_option("--applied", in_.applied, _("the day the parties applied"))->type_name("DATE");
    app.add_option("--decided", in_.decided,
                   _("the day the court decided (or the application was withdrawn)"))
        ->type_name("DATE");
    app.add_option("--matter", in_.matter,
                   Tr("the matter: {0} (excluded matters warn)", StepKnownValues("matter")));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "confirm", "confirmation",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildConfirm(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  ConfirmInput in_;
};

}  // namespace

std::unique_ptr<Command> MakeConfirmCommand() { return std::make_unique<ConfirmCommand>(); }

}  // namespace mediate::cli
