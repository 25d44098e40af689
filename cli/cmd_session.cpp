// mediate session ID --mode MODE [--date D] [--participant NAME…] [--note T]:
// one mediation session, for the mediation record (调解记录, docs/law.md).
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "step_command.hpp"
#include "step_context.hpp"

namespace mediate::cli {
namespace {

class SessionCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("session"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--mode", in_.mode, Tr("how it was held: {0}", StepKnownValues("session_mode")));
    app.add_option("--date", in_.date, _("the day of the session (default today)"))
        ->type_name("DATE");
    app.add_option("--participant", in_.participants, _("who took part (repeat, or a,b,c)"))
        ->delimiter(',')
        ->type_name("NAME");
    app.add_option("--note", in_.note, _("what happened"));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "session", "session",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildSession(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  SessionInput in_;
};

}  // namespace

std::unique_ptr<Command> MakeSessionCommand() { return std::make_unique<SessionCommand>(); }

}  // namespace mediate::cli
