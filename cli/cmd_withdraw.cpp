// mediate withdraw ID [--reason TEXT]: the applicant withdraws before the
// case is concluded (Law Art. 17: mediation is voluntary).
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "step_command.hpp"

namespace mediate::cli {
namespace {

class WithdrawCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("withdraw"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--reason", reason_, _("why the application is withdrawn"));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "withdraw", "withdrawn",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildWithdraw(c, d, reason_, sc, sink); });
  }

 private:
  StepOptions step_;
  std::string reason_;
};

}  // namespace

std::unique_ptr<Command> MakeWithdrawCommand() { return std::make_unique<WithdrawCommand>(); }

}  // namespace mediate::cli
