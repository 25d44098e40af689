// mediate extend ID --to DATE --consent [--reason T]: a later conclude-by
// date, with both parties' consent (MoJ 2002 Provisions Art. 33; local rules).
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "step_command.hpp"

namespace mediate::cli {
namespace {

class ExtendCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("extend"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--to", in_.to, _("the new conclude-by date"))->type_name("DATE");
    app.add_flag("--consent", in_.consent, _("both parties consented to the extension (required)"));
    app.add_option("--reason", in_.reason, _("why more time is needed"));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "extend", "extended",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildExtend(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  ExtendInput in_;
};

}  // namespace

std::unique_ptr<Command> MakeExtendCommand() { return std::make_unique<ExtendCommand>(); }

}  // namespace mediate::cli
