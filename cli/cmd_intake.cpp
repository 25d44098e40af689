// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class IntakeCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("intake is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeIntakeCommand() { return std::make_unique<IntakeCommand>(); }
}  // namespace mediate::cli
