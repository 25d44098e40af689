// mediate list [FILTER...]: one line per case.
#include <CLI/CLI.hpp>

#include "case_listing.hpp"
#include "command.hpp"
#include "reading.hpp"

namespace mediate::cli {
namespace {

class ListCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    reading_.Declare(app);
    reading_.DeclarePeriod(app);
    app.footer(
        "Examples:\n"
        "  mediate list status:received category:neighbour,labour\n"
        "  mediate list street:140109005 received:2026-01-01.. not:risk:blue text:漏水\n"
        "  mediate list open overdue --format csv");
  }

  Status Run(Context& ctx) override {
    auto cases = reading_.Select(ctx);
    if (!cases.ok()) return cases.status();
    const Store* store = &ctx.st();
    Table t = CaseListing(*cases, [store](const std::string& f, const std::string& c) {
      return LabelOf(*store, f, c);
    });
    return reading_.Output(ctx, t, "cases");
  }

 private:
  ReadingOptions reading_;
};

}  // namespace

std::unique_ptr<Command> MakeListCommand() { return std::make_unique<ListCommand>(); }

}  // namespace mediate::cli
