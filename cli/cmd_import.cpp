// PLACEHOLDER: replaced by the real command.
#include <CLI/CLI.hpp>

#include "command.hpp"

namespace mediate::cli {
namespace {
class ImportCommand : public Command {
 public:
  void Declare(CLI::App& app) override { (void)app; }
  Status Run(Context& ctx) override {
    (void)ctx;
    return Status::Internal("import is not built yet");
  }
};
}  // namespace
std::unique_ptr<Command> MakeImportCommand() { return std::make_unique<ImportCommand>(); }
}  // namespace mediate::cli
