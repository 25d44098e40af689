// mediate close ID [--retention permanent|long|short]: close the case file
// (归档) — an agreed case once performance and a return visit (or a reason
// for none) are recorded and no judicial confirmation awaits the court; a
// terminated, withdrawn or refused case (docs/law.md). The retention
// defaults to the store's setting for the outcome (mediate.yaml retention:).
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "step_command.hpp"
#include "step_context.hpp"

namespace mediate::cli {
namespace {

class CloseCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("close"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--retention", retention_,
                   Tr("retention period for the cover: {0} (default: the store's retention "
                      "setting for the case's outcome)",
                      StepKnownValues("retention")));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "close", "closed",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildClose(c, d, retention_, sc, sink); });
  }

 private:
  StepOptions step_;
  std::string retention_;
};

}  // namespace

std::unique_ptr<Command> MakeCloseCommand() { return std::make_unique<CloseCommand>(); }

}  // namespace mediate::cli
