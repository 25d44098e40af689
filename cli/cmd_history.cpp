// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class HistoryCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("history is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeHistoryCommand() { return std::make_unique<HistoryCommand>(); }
}  // namespace mediate::cli
