// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class ListCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("list is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeListCommand() { return std::make_unique<ListCommand>(); }
}  // namespace mediate::cli
