// mediate confirm ID --result applied|confirmed|rejected|withdrawn --court NAME …:
// judicial confirmation (司法确认, Law Art. 33). A late application or an
// excluded matter is recorded with a warning: the court decides. On a
// closed (agreed) case the result is added to the file as a supplement
// (补充归档) and the case stays closed.
#include <CLI/CLI.hpp>

#include "lifecycle_agreement.hpp"
#include "step_command.hpp"

namespace mediate::cli {
namespace {

class ConfirmCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("confirm"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--result", in_.result,
                   "applied 已申请, confirmed 已确认, rejected 驳回, withdrawn 撤回申请 (the "
                   "parties withdrew the application)");
    app.add_option("--court", in_.court, "the court (name or org id)");
    app.add_option("--applied", in_.applied, "the day the parties applied")->type_name("DATE");
    app.add_option("--decided", in_.decided,
                   "the day the court decided (or the application was withdrawn)")
        ->type_name("DATE");
    app.add_option(
        "--matter", in_.matter,
        "personal_status 身份关系, ownership 确权 or other 其他 (excluded matters warn)");
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
