// mediate due [--within 7d] [FILTER...] [--format …]: what is due or overdue
// — conclusion of mediation, the judicial-confirmation window, return
// visits — by kind, with the days left or over (deadlines.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <algorithm>

#include "deadlines.hpp"
#include "due_table.hpp"
#include "i18n.hpp"
#include "reading.hpp"
#include "timeline.hpp"

namespace mediate::cli {
namespace {

class DueCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    reading_.go_on_by_default = true;  // one broken file does not stop the desk
    reading_.Declare(app);
    reading_.DeclarePeriod(app);
    app.add_option("--within", within_,
                   _("list what falls due within this span from today, and everything overdue: "
                     "7d (default), 0d, 2w"))
        ->type_name("SPAN");
    app.footer(
        _("Today is the store's local date (MEDIATE_NOW pins it).\n"
          "Examples:\n"
          "  mediate due\n"
          "  mediate due --within 0d org:C-140109005001\n"
          "  mediate due --within 2w --format csv"));
  }

  Status Run(Context& ctx) override {
    auto within = ParseDaySpan(within_);
    if (!within) return Status::Usage(Tr("--within {0}: a span like 7d, 0d or 2w", within_));
    auto format = reading_.ParsedFormat();
    if (!format.ok()) return format.status();
    Store& store = ctx.st();
    const Date today = ctx.Today();
    const Date horizon = today.AddDays(*within);
    // Only open cases have deadlines; a pending case's only deadline is in
    // its summary, so most files need not be read, and only the ids of the
    // others are kept while the store is scanned.
    std::vector<std::string> candidates;
    MEDIATE_RETURN_IF_ERROR(reading_.Visit(
        ctx,
        [&](const CaseSummary& s) {
          if (!IsPendingStatus(s.status) && ParseCaseStatus(s.status) != CaseStatus::kAgreed)
            return;
          if (IsPendingStatus(s.status) && (!s.deadline.valid() || s.deadline > horizon)) return;
          candidates.push_back(s.id);
        },
        /*by_received=*/true));
    std::sort(candidates.begin(), candidates.end());
    std::vector<DueEntry> entries;
    for (const std::string& id : candidates) {
      auto loaded = store.LoadCase(id);
      if (!loaded.ok()) return loaded.status();
      auto more = DueEntries(loaded->record, store.settings(), today, *within);
      entries.insert(entries.end(), more.begin(), more.end());
    }
    if (entries.empty() && *format == Format::kTable) {
      fmt::print(ctx.out, "{}\n",
                 TrN("nothing due within {0} day of {1}, nothing overdue",
                     "nothing due within {0} days of {1}, nothing overdue",
                     static_cast<unsigned long>(*within), *within, today.ToString()));
      return Status::Ok();
    }
    const Store* st = &store;
    Table t =
        DueTable(OrderDueEntries(std::move(entries)),
                 [st](const std::string& f, const std::string& c) { return LabelOf(*st, f, c); });
    return reading_.Output(ctx, t, "due");
  }

 private:
  ReadingOptions reading_;
  std::string within_ = "7d";
};

}  // namespace

std::unique_ptr<Command> MakeDueCommand() { return std::make_unique<DueCommand>(); }

}  // namespace mediate::cli
