// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class StatsCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("stats is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeStatsCommand() { return std::make_unique<StatsCommand>(); }
}  // namespace mediate::cli
