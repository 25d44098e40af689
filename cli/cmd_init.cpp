// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class InitCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("init is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeInitCommand() { return std::make_unique<InitCommand>(); }
}  // namespace mediate::cli
