// `mediate route`: routing (分流) by the district's rules/routing.yaml.
//
//   mediate route [FILTER...] [--dry-run] [--format table|csv|json|md]
//   mediate route --explain ID [--format …]
//
// Routes every case whose status is "received" (and that FILTER selects):
// takes the store's write lock, loads the rules and each case, appends a
// `routed` event {at, type, by, org, level, rule} to each routed case,
// re-derives its state fields from the timeline, and writes every changed
// case file in one commit ("route: 120 cases", trailers Mediate-Action and,
// for up to 20 cases, Mediate-Case). Cases no rule can route are listed on
// stderr with the reason and stay received (exit 0). `--dry-run` prints the
// routing it would make and writes nothing. `--explain ID` shows every rule
// tried for one case, as UX.md shows, and never writes.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>

#include "auto_assign.hpp"
#include "case_record.hpp"
#include "command.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "routing.hpp"
#include "routing_store.hpp"
#include "write_transaction.hpp"
#include "yaml_io.hpp"

namespace mediate::cli {
namespace {

/// Up to this many cases, the commit names each in a Mediate-Case trailer.
constexpr std::size_t kMaxCaseTrailers = 20;

std::string CountCases(std::size_t n) { return std::to_string(n) + (n == 1 ? " case" : " cases"); }

/// The commit message of a routing batch.
std::string RouteCommitMessage(const std::vector<std::string>& ids) {
  std::string m = "route: " + CountCases(ids.size()) + "\n\nMediate-Action: route\n";
  if (ids.size() <= kMaxCaseTrailers)
    for (const auto& id : ids) m += "Mediate-Case: " + id + "\n";
  return m;
}

class RouteCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("filter", terms_,
                   "route only the received cases these filter terms select (field:value, "
                   "field:LO..HI, not:field:value, text:词)")
        ->type_name("FILTER");
    app.add_flag("--dry-run", dry_run_, "print the routing it would make; write nothing");
    app.add_option("--explain", explain_,
                   "show every rule tried for case ID and why it matched or not; writes nothing")
        ->type_name("ID");
    app.add_option("--format", format_,
                   "output format of --dry-run and --explain: table, csv, json, md")
        ->type_name("FORMAT");
  }

  Status Run(Context& ctx) override {
    auto format = ParseFormat(format_);
    if (!format || *format == Format::kXlsx)
      return Status::Usage("unknown format \"" + format_ + "\"; use table, csv, json or md");
    if (!explain_.empty() && (!terms_.empty() || dry_run_))
      return Status::Usage("--explain ID shows one case; it takes no filter and no --dry-run");
    Store& store = ctx.st();
    if (!explain_.empty()) {
      auto policy = LoadPolicy(store);
      if (!policy.ok()) return policy.status();
      return Explain(ctx, *policy, *format);
    }
    auto filter = ParseStoreFilter(store, terms_);
    if (!filter.ok()) return filter.status();

    std::optional<Signature> author;
    if (auto op = ctx.Operator(); op.ok()) {
      author = *op;
    } else if (!dry_run_) {
      return op.status();
    }

    // The lock first (DESIGN §3), then everything the change reads.
    std::optional<WriteTransaction> tx;
    if (!dry_run_) {
      WriteOptions wo;
      wo.holder = "mediate route by " + author->ToString();
      auto begun = WriteTransaction::Begin(store.root(), wo);
      if (!begun.ok()) return begun.status();
      tx.emplace(std::move(begun.value()));
    }
    auto policy = LoadPolicy(store);
    if (!policy.ok()) return policy.status();

    // Only the received cases the filter selects are kept from the scan.
    const Date today = ctx.Today();
    ScanOptions scan_options;
    scan_options.keep = [&](const CaseSummary& s) {
      return s.status == "received" && filter->Matches(s, today);
    };
    CaseScan scan = store.ScanCases(scan_options);
    if (scan.unreadable > 0)
      return Status::Rejected(std::to_string(scan.unreadable) +
                                  " case file(s) cannot be read; nothing was routed (fix them "
                                  "first: mediate validate)",
                              scan.problems);
    const Timestamp now = ctx.Now();
    const Settings& settings = store.settings();

    Table plan = PlanTable();
    std::vector<std::string> routed_ids;
    std::vector<std::string> auto_ids;  // routed by a rule that asks for assignment
    std::size_t unrouted = 0;
    for (const CaseSummary& s : scan.cases) {
      auto loaded = store.LoadCase(s.id);
      if (!loaded.ok()) return loaded.status();
      Case c = std::move(loaded->record);
      if (Replay(c, settings).state.status != "received") continue;  // stale index entry
      RoutingDecision d = Route(*policy, c, store.areas(), store.orgs());
      if (!d.routed) {
        std::fprintf(ctx.err, "%s: not routed: %s; it stays received\n", c.id.c_str(),
                     d.problem.c_str());
        ++unrouted;
        continue;
      }
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
      routed_ids.push_back(c.id);
      if (d.auto_assign) auto_ids.push_back(c.id);
      if (dry_run_) continue;
      MEDIATE_RETURN_IF_ERROR(ApplyRouting(d, now, author->ToString(), settings, &c));
      tx->Put(loaded->path, EmitYaml(CaseToValue(c)));
    }

    std::string tail;
    if (unrouted > 0)
      tail = "; " + CountCases(unrouted) + " could not be routed and stay received (see above)";
    if (dry_run_) {
      if (!plan.rows.empty()) MEDIATE_RETURN_IF_ERROR(Emit(ctx, plan, *format));
      if (*format == Format::kTable || *format == Format::kMarkdown)
        std::fprintf(ctx.out, "would route %s (dry run: nothing written)%s\n",
                     CountCases(routed_ids.size()).c_str(), tail.c_str());
      else if (unrouted > 0)
        std::fprintf(ctx.err, "%s could not be routed\n", CountCases(unrouted).c_str());
      return Status::Ok();
    }
    if (routed_ids.empty()) {
      if (unrouted > 0)
        std::fprintf(ctx.out, "routed no cases%s\n", tail.c_str());
      else
        std::fprintf(ctx.out, "nothing to route: no received cases%s\n",
                     terms_.empty() ? "" : " match the filter");
      return Status::Ok();
    }
    auto commit = tx->Commit(*author, RouteCommitMessage(routed_ids));
    if (!commit.ok()) return commit.status();
    std::fprintf(ctx.out, "routed %s in one commit (%s)%s\n", CountCases(routed_ids.size()).c_str(),
                 commit->substr(0, 7).c_str(), tail.c_str());
    tx.reset();  // release the lock: assignment by rule is its own change
    if (auto_ids.empty()) return Status::Ok();
    std::string ids;
    for (const auto& id : auto_ids) ids += (ids.empty() ? "" : ",") + id;
    auto auto_filter = ParseStoreFilter(store, {"id:" + ids});
    if (!auto_filter.ok()) return auto_filter.status();
    auto assigned = AutoAssign(store, *auto_filter, *author, now, today, false);
    if (!assigned.ok()) {
      std::fprintf(ctx.err,
                   "note: the rules ask to assign %s on routing, but it was refused (they stay "
                   "routed; mediate assign --auto):\n",
                   CountCases(auto_ids.size()).c_str());
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

  /// `route --explain ID`: every rule in order, as UX.md shows.
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
    if (now.state.status != "received") {
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
  std::string explain_;
  std::string format_ = "table";
};

}  // namespace

std::unique_ptr<Command> MakeRouteCommand() { return std::make_unique<RouteCommand>(); }

}  // namespace mediate::cli
