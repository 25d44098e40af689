// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class ValidateCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("validate is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeValidateCommand() { return std::make_unique<ValidateCommand>(); }
}  // namespace mediate::cli
