#include "route_batch.hpp"

#include "case_record.hpp"
#include "lifecycle.hpp"
#include "routing_store.hpp"

namespace mediate {
namespace {

std::string CountCases(std::size_t n) { return std::to_string(n) + (n == 1 ? " case" : " cases"); }

}  // namespace

std::string RouteCommitMessage(const std::vector<std::string>& ids) {
  std::string m = "route: " + CountCases(ids.size()) + "\n\nMediate-Action: route\n";
  if (ids.size() <= kMaxCaseTrailers)
    for (const auto& id : ids) m += "Mediate-Case: " + id + "\n";
  return m;
}

Result<RouteOutcome> RouteCases(StoreWrite& w, const Filter& filter, const Signature& op,
                                Timestamp now, Date today) {
  const Store& store = w.store();
  auto policy = LoadStoreRoutingPolicy(store);
  if (!policy.ok()) return policy.status();
  // Only the received cases the filter selects are kept from the scan.
  ScanOptions scan_options;
  scan_options.keep = [&](const CaseSummary& s) {
    return ParseCaseStatus(s.status) == CaseStatus::kReceived && filter.Matches(s, today);
  };
  CaseScan scan = store.ScanCases(scan_options);
  if (scan.unreadable > 0)
    return Status::Rejected(std::to_string(scan.unreadable) +
                                " case file(s) cannot be read; nothing was routed (fix them "
                                "first: mediate validate)",
                            scan.problems);
  const Settings& settings = store.settings();
  RouteOutcome out;
  std::vector<std::string> ids;
  for (const CaseSummary& s : scan.cases) {
    auto loaded = store.LoadCase(s.id);
    if (!loaded.ok()) return loaded.status();
    Case c = std::move(loaded->record);
    if (Replay(c, settings).status != CaseStatus::kReceived) continue;  // stale index entry
    RoutingDecision d = Route(*policy, c, store.areas(), store.orgs());
    if (!d.routed) {
      out.unrouted.push_back({c.id, d.problem});
      continue;
    }
    ids.push_back(c.id);
    if (d.auto_assign) out.auto_assign.push_back(c.id);
    if (!w.dry_run()) {
      MEDIATE_RETURN_IF_ERROR(ApplyRouting(d, now, op.ToString(), settings, &c));
      w.Put(loaded->path, CaseToValue(c));
    }
    out.routed.push_back({std::move(c), std::move(d)});
  }
  if (w.dry_run() || ids.empty()) return out;
  auto commit = w.Commit(op, RouteCommitMessage(ids));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
