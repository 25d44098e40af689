// mediate refuse ID --reason TEXT --go-to TEXT: not accepted (不予受理), with
// the reason and where to go instead (MoJ 2002 Provisions Art. 22).
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "step_command.hpp"

namespace mediate::cli {
namespace {

class RefuseCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("refuse"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--reason", in_.reason, _("why it is not accepted (required)"));
    app.add_option("--go-to", in_.go_to, _("where the parties should go instead (required)"));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "refuse", "refused",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildRefuse(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  RefuseInput in_;
};

}  // namespace

std::unique_ptr<Command> MakeRefuseCommand() { return std::make_unique<RefuseCommand>(); }

}  // namespace mediate::cli
