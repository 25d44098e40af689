// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class RouteCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("route is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeRouteCommand() { return std::make_unique<RouteCommand>(); }
}  // namespace mediate::cli
