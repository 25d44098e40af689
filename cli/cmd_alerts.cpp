// mediate alerts [FILTER...]: early warnings (监测预警) — red/orange cases
// past their response time, cases over or near their deadline, repeated
// disputes (same party, same grid) and mass disputes; each with its reason
// and case ids (lib/domain/alerts.hpp). Thresholds: mediate.yaml `risk:` and
// `alerts:` (store settings, local practice). A report: exit 0 whatever it
// finds; it never writes.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "alerts.hpp"
#include "alerts_table.hpp"
#include "command.hpp"
#include "i18n.hpp"
#include "reading.hpp"

namespace mediate::cli {
namespace {

class AlertsCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    reading_.go_on_by_default = true;  // one broken file does not stop the desk
    reading_.Declare(app);
    app.footer(
        _("Kinds: risk_response (red/orange, no mediator after the response time of "
          "mediate.yaml\n"
          "risk:), overdue, near_deadline, repeated_party (ID number or credit code, else name +\n"
          "phone), repeated_grid, mass (people involved). Thresholds: mediate.yaml alerts:\n"
          "  near_deadline_days, repeat_window_days, repeat_party_cases, repeat_grid_cases,\n"
          "  mass_people.\n"
          "Examples:\n"
          "  mediate alerts\n"
          "  mediate alerts street:140109005 --format csv"));
  }

  Status Run(Context& ctx) override {
    auto thresholds = LoadAlertSettings(ctx.st());
    if (!thresholds.ok()) return thresholds.status();
    AlertScan scan(ctx.Now(), ctx.Today(), ctx.st().settings(), *thresholds);
    MEDIATE_RETURN_IF_ERROR(reading_.Visit(
        ctx, [&](const CaseSummary& c) { scan.Add(c); }, /*by_received=*/true));
    auto alerts = scan.Finish();
    MEDIATE_RETURN_IF_ERROR(reading_.Output(ctx, AlertsTable(alerts), "alerts"));
    auto format = reading_.ParsedFormat();
    if (format.ok() && *format == Format::kTable && reading_.output.empty())
      fmt::print(ctx.out, "{}\n", TrN("{0} alert", "{0} alerts", alerts.size(), alerts.size()));
    return Status::Ok();
  }

 private:
  ReadingOptions reading_;
};

}  // namespace

std::unique_ptr<Command> MakeAlertsCommand() { return std::make_unique<AlertsCommand>(); }

}  // namespace mediate::cli
