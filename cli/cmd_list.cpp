// mediate list [FILTER...]: one line per case, by id, streamed (row_output.hpp).
#include <CLI/CLI.hpp>

#include "case_listing.hpp"
#include "command.hpp"
#include "i18n.hpp"
#include "reading.hpp"
#include "row_output.hpp"

namespace mediate::cli {
namespace {

class ListCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    reading_.go_on_by_default = true;  // one broken file does not stop the desk
    reading_.Declare(app);
    reading_.DeclarePeriod(app);
    app.footer(
        _("Examples:\n"
          "  mediate list status:received category:neighbour,labour\n"
          "  mediate list street:140109005 received:2026-01-01.. not:risk:blue text:漏水\n"
          "  mediate list open overdue --format csv"));
  }

  Status Run(Context& ctx) override {
    auto out = RowOutput::Open(ctx, reading_, CaseListingColumns());
    if (!out.ok()) return out.status();
    const Store* store = &ctx.st();
    const Labeler label = [store](const std::string& f, const std::string& c) {
      return LabelOf(*store, f, c);
    };
    MEDIATE_RETURN_IF_ERROR(reading_.Visit(
        ctx, [&](const CaseSummary& c) { out->Add(c.id, CaseListingRow(c, label)); },
        /*by_received=*/true));
    return out->Write(ctx, {}, {CaseCountNote(out->rows())}, "cases");
  }

 private:
  ReadingOptions reading_;
};

}  // namespace

std::unique_ptr<Command> MakeListCommand() { return std::make_unique<ListCommand>(); }

}  // namespace mediate::cli
