// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class RecoverCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("recover is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeRecoverCommand() { return std::make_unique<RecoverCommand>(); }
}  // namespace mediate::cli
