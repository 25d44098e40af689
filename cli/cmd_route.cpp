// `mediate route`: routing (分流) by the district's rules/routing.yaml.
//
//   mediate route [FILTER...] [--dry-run] [--format table|csv|json|md]
//   mediate route --explain ID [--format …]
//   mediate route ID --to ORG --reason R
//   (either write takes --date D for a late entry: not before the date received)
//
// Routes every case whose status is "received" (and that FILTER selects):
// through the library's RouteCases (the write path, store_write.hpp): loads the rules and each
// case, appends a `routed` event {at, type, by, org, level, rule} to each routed case, re-derives
// its state fields from the timeline, and writes every changed case file in one commit ("route: 120
// cases", trailers Mediate-Action and, for up to 20 cases, Mediate-Case). Cases no rule can route
// are listed on stderr with the reason and stay received (exit 0). `--dry-run` prints the routing
// it would make and writes nothing. `--explain ID` shows every rule tried for one case and
// whether it matched, and never writes. `ID --to ORG` routes one case by hand, for what the rules
// cannot decide (lib/write/route_by_hand.hpp).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>

#include "auto_assign.hpp"
#include "case_record.hpp"
#include "command.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "route_batch.hpp"
#include "route_by_hand.hpp"
#include "routing.hpp"
#include "routing_store.hpp"

namespace mediate::cli {
namespace {

std::string CountCases(std::size_t n) { return std::to_string(n) + (n == 1 ? " case" : " cases"); }

class RouteCommand : public Command {
 public:
  std::optional<std::string> Writes() const override {
    if (dry_run_ || !explain_.empty()) return std::nullopt;
    return std::string("mediate route");
  }
  void Declare(CLI::App& app) override {
    app.add_option("filter", terms_,
                   "route only the received cases these filter terms select (field:value, "
                   "field:LO..HI, not:field:value, text:词)")
        ->type_name("FILTER");
    app.add_flag("--dry-run", dry_run_, "print the routing it would make; write nothing");
    app.add_option("--explain", explain_,
                   "show every rule tried for case ID and why it matched or not; writes nothing")
        ->type_name("ID");
    app.add_option("--to", to_,
                   "route the one case named by hand to this organisation (id or name), for "
                   "what the rules cannot decide; needs --reason")
        ->type_name("ORG");
    app.add_option("--reason", reason_, "why the case is routed by hand (with --to)");
    app.add_option("--date", date_,
                   "late entry: the day the routing was decided (default today); not before "
                   "the date received")
        ->type_name("DATE");
    app.add_option("--format", format_,
                   "output format of --dry-run and --explain: table, csv, json, md")
        ->type_name("FORMAT");
  }

  /// `route ID --to ORG --reason R`.
  Status ByHand(Context& ctx) {
    if (terms_.size() != 1 || !explain_.empty())
      return Status::Usage("--to ORG routes one case: mediate route ID --to ORG --reason R");
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = RouteByHand(**w, *op, terms_.front(), to_, reason_, ctx.Now(), on_);
    if (!done.ok()) return done.status();
    const std::string commit = done->commit.empty() ? "" : " " + done->commit.substr(0, 7);
    std::fprintf(ctx.out, "%s %s to %s %s (%s, by hand)%s\n", dry_run_ ? "would route" : "routed",
                 done->id.c_str(), done->org.c_str(), done->org_name.c_str(), done->level.c_str(),
                 commit.c_str());
    return Status::Ok();
  }

  Status Run(Context& ctx) override {
    auto format = ParseFormat(format_);
    if (!format || *format == Format::kXlsx)
      return Status::Usage("unknown format \"" + format_ + "\"; use table, csv, json or md");
    if (!explain_.empty() && (!terms_.empty() || dry_run_))
      return Status::Usage("--explain ID shows one case; it takes no filter and no --dry-run");
    Store& store = ctx.st();
    if (!date_.empty()) {
      if (!explain_.empty()) return Status::Usage("--explain writes nothing; it takes no --date");
      auto on = Date::Parse(date_);
      if (!on) return Status::Usage("--date " + date_ + " is not a date (YYYY-MM-DD)");
      on_ = *on;
    }
    if (!to_.empty()) return ByHand(ctx);
    if (!reason_.empty()) return Status::Usage("--reason goes with --to ORG");
    if (!explain_.empty()) {
      auto policy = LoadPolicy(store);
      if (!policy.ok()) return policy.status();
      return Explain(ctx, *policy, *format);
    }
    auto filter = ParseStoreFilter(store, terms_);
    if (!filter.ok()) return filter.status();

    // A dry run may do without an operator; a write was given one.
    Signature author;
    if (auto op = ctx.Operator(); op.ok())
      author = *op;
    else if (!dry_run_)
      return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    const Timestamp now = ctx.Now();
    const Date today = ctx.Today();
    auto done = RouteCases(**w, *filter, author, now, today, on_);
    if (!done.ok()) return done.status();
    for (const auto& u : done->unrouted)
      std::fprintf(ctx.err, "%s: not routed: %s; it stays received\n", u.id.c_str(),
                   u.problem.c_str());

    Table plan = PlanTable();
    for (const RoutedCase& r : done->routed) {
      const Case& c = r.record;
      const RoutingDecision& d = r.decision;
      std::string note = d.target_note;
      if (d.deadline_days > 0)
        note += (note.empty() ? "" : "; ") + std::string("deadline ") +
                std::to_string(d.deadline_days) + " days";
      if (d.mediator_grade > 0)
        note += (note.empty() ? "" : "; ") + std::string("mediator grade ") +
                std::to_string(d.mediator_grade) + " or higher";
      if (d.auto_assign) note += (note.empty() ? "" : "; ") + std::string("assigned on routing");
      plan.rows.push_back({c.id, c.category, store.vocab().category().Zh(c.category), c.risk,
                           d.rule, d.org, d.org_name, d.level, note});
    }
    const std::size_t routed = done->routed.size();
    const std::size_t unrouted = done->unrouted.size();

    std::string tail;
    if (unrouted > 0)
      tail = "; " + CountCases(unrouted) + " could not be routed and stay received (see above)";
    if (dry_run_) {
      if (!plan.rows.empty()) MEDIATE_RETURN_IF_ERROR(Emit(ctx, plan, *format));
      if (*format == Format::kTable || *format == Format::kMarkdown)
        std::fprintf(ctx.out, "would route %s (dry run: nothing written)%s\n",
                     CountCases(routed).c_str(), tail.c_str());
      else if (unrouted > 0)
        std::fprintf(ctx.err, "%s could not be routed\n", CountCases(unrouted).c_str());
      return Status::Ok();
    }
    if (routed == 0) {
      if (unrouted > 0)
        std::fprintf(ctx.out, "routed no cases%s\n", tail.c_str());
      else
        std::fprintf(ctx.out, "nothing to route: no received cases%s\n",
                     terms_.empty() ? "" : " match the filter");
      return Status::Ok();
    }
    std::fprintf(ctx.out, "routed %s in one commit (%s)%s\n", CountCases(routed).c_str(),
                 done->commit.substr(0, 7).c_str(), tail.c_str());
    if (done->auto_assign.empty()) return Status::Ok();
    // Assignment by rule is its own change: the lock is let go and taken again.
    MEDIATE_RETURN_IF_ERROR((*w)->Renew("mediate assign --auto by " + author.ToString()));
    std::string ids;
    for (const auto& id : done->auto_assign) ids += (ids.empty() ? "" : ",") + id;
    auto auto_filter = ParseStoreFilter(store, {"id:" + ids});
    if (!auto_filter.ok()) return auto_filter.status();
    auto assigned = AutoAssign(**w, *auto_filter, author, now, today);
    if (!assigned.ok()) {
      std::fprintf(ctx.err,
                   "note: the rules ask to assign %s on routing, but it was refused (they stay "
                   "routed; mediate assign --auto):\n",
                   CountCases(done->auto_assign.size()).c_str());
      PrintStatus(ctx.err, assigned.status());
      return Status::Ok();
    }
    std::fprintf(ctx.out, "assigned %s by rule in one commit (%s)\n",
                 CountCases(assigned->choices.size()).c_str(),
                 assigned->commit.substr(0, 7).c_str());
    return Status::Ok();
  }

 private:
  static Result<RoutingPolicy> LoadPolicy(const Store& store) {
    return LoadStoreRoutingPolicy(store);
  }

  static Table PlanTable() {
    Table t;
    t.columns = {{"id", "id", ColumnKind::kCode},
                 {"category", "category", ColumnKind::kCode},
                 {"category_label", "类别", ColumnKind::kText},
                 {"risk", "risk", ColumnKind::kCode},
                 {"rule", "rule", ColumnKind::kText},
                 {"org", "org", ColumnKind::kCode},
                 {"org_name", "组织", ColumnKind::kText},
                 {"level", "level", ColumnKind::kCode},
                 {"note", "note", ColumnKind::kText}};
    return t;
  }

  /// `route --explain ID`: every rule in order, and whether it matched.
  Status Explain(Context& ctx, const RoutingPolicy& policy, Format format) const {
    Store& store = ctx.st();
    auto loaded = store.LoadCase(explain_);
    if (!loaded.ok()) return loaded.status();
    const Case& c = loaded->record;
    RoutingDecision d = Route(policy, c, store.areas(), store.orgs());
    const bool text = format == Format::kTable;

    Table t;
    t.columns = {{"n", "#", ColumnKind::kInt},
                 {"rule", "rule", ColumnKind::kText},
                 {"result", "result", ColumnKind::kText},
                 {"because", "because", ColumnKind::kText}};
    if (!text) {
      t.columns.push_back({"org", "org", ColumnKind::kCode});
      t.columns.push_back({"org_name", "组织", ColumnKind::kText});
    }
    std::int64_t n = 0;
    for (const RuleTrace& r : d.trace) {
      std::string because = r.because;
      std::string org, org_name;
      if (r.matched && d.routed) {
        org = d.org;
        org_name = d.org_name;
        if (text)
          because += "  → " + d.org + " " + d.org_name +
                     (d.target_note.empty() ? "" : " (" + d.target_note + ")");
      } else if (r.matched) {
        because += "  → not routed: " + d.problem;
      }
      std::vector<Cell> row = {++n, r.rule, std::string(r.matched ? "match" : "no"), because};
      if (!text) {
        row.push_back(org);
        row.push_back(org_name);
      }
      t.rows.push_back(std::move(row));
    }
    if (!text) {
      for (const auto& name : d.not_reached)
        t.rows.push_back(
            {++n, name, std::string("not reached"), std::string(), std::string(), std::string()});
    }
    MEDIATE_RETURN_IF_ERROR(Emit(ctx, t, format));
    if (!text) return Status::Ok();
    std::string indent(static_cast<std::size_t>(std::to_string(n).size()) + 2, ' ');
    if (!d.not_reached.empty())
      std::fprintf(ctx.out, "%s(later rules are not reached)\n", indent.c_str());
    if (d.rule.empty()) std::fprintf(ctx.out, "not routed: %s\n", d.problem.c_str());
    Derived now = Replay(c, store.settings());
    if (now.status != CaseStatus::kReceived) {
      std::string where = now.state.org.empty() ? "" : " (" + now.state.org + ")";
      std::fprintf(ctx.out,
                   "note: %s is %s%s; `mediate route` routes only received cases, so this shows "
                   "what the rules would decide today\n",
                   c.id.c_str(), now.state.status.c_str(), where.c_str());
    }
    return Status::Ok();
  }

  std::vector<std::string> terms_;
  bool dry_run_ = false;
  std::string to_, reason_;
  std::string date_;
  Date on_;
  std::string explain_;
  std::string format_ = "table";
};

}  // namespace

std::unique_ptr<Command> MakeRouteCommand() { return std::make_unique<RouteCommand>(); }

}  // namespace mediate::cli
