// mediate escalate ID --reason TEXT: up one level, grid → community →
// street → district, to that level's organisation (MoJ 2002 Provisions
// Art. 21).
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "routing_store.hpp"
#include "step_command.hpp"

namespace mediate::cli {
namespace {

class EscalateCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("escalate"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--reason", in_.reason, _("why the dispute goes up a level (required)"));
    app.footer(
        _("The case goes to the community committee of its community, the street committee\n"
          "of its street, or the district centre; its mediators are then assigned anew.\n"
          "With rules/routing.yaml the case is re-routed by the same rules at the new level\n"
          "(a rule's target below that level is lifted to the place's organisation there)."));
  }
  Status Run(Context& ctx) override {
    // Escalation re-routes with the store's rules at the new level.
    auto policy = LoadStoreRoutingPolicy(ctx.st());
    if (policy.ok()) {
      policy_ = std::move(policy.value());
      in_.policy = &policy_;
    } else if (policy.status().kind() != ErrorKind::kNotFound) {
      return policy.status();
    }
    return RunStep(ctx, step_, "escalate", "escalated",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildEscalate(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  EscalateInput in_;
  RoutingPolicy policy_;
};

}  // namespace

std::unique_ptr<Command> MakeEscalateCommand() { return std::make_unique<EscalateCommand>(); }

}  // namespace mediate::cli
