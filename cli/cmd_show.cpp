// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class ShowCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("show is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeShowCommand() { return std::make_unique<ShowCommand>(); }
}  // namespace mediate::cli
