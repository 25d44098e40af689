#include "route_batch.hpp"

#include "case_record.hpp"
#include "case_selection.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "routing_store.hpp"
#include "step_dates.hpp"

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
                                Timestamp now, Date today, Date on) {
  const Store& store = w.store();
  if (on.valid() && today.valid() && today < on)
    return Status::Usage(
        Tr("--date {0} is in the future (today is {1})", on.ToString(), today.ToString()));
  auto policy = LoadStoreRoutingPolicy(store);
  if (!policy.ok()) return policy.status();
  // The received cases the filter selects, each still received in its file.
  auto selection = SelectCases(
      store,
      [&](const CaseSummary& s) {
        return ParseCaseStatus(s.status) == CaseStatus::kReceived && filter.Matches(s, today);
      },
      [](const CaseSummary&) { return true; },
      [](const Derived& d) { return d.status == CaseStatus::kReceived; }, "routed");
  if (!selection.ok()) return selection.status();
  const Settings& settings = store.settings();
  RouteOutcome out;
  std::vector<std::string> ids;
  DiagnosticSink early;  // cases --date would route before they were received
  for (PickedCase& picked : selection->picked) {
    Case c = std::move(picked.loaded.record);
    RoutingDecision d = Route(*policy, c, store.areas(), store.orgs());
    if (!d.routed) {
      out.unrouted.push_back({c.id, d.problem});
      continue;
    }
    if (Status st = CheckStepDate(c, EventKind::kRouted, on, settings); !st.ok()) {
      early.Error({picked.loaded.path, 0, 0}, "--date", st.message());
      continue;
    }
    ids.push_back(c.id);
    if (d.auto_assign) out.auto_assign.push_back(c.id);
    if (!w.dry_run()) {
      MEDIATE_RETURN_IF_ERROR(ApplyRouting(d, now, op.ToString(), settings, &c, on));
      w.Put(picked.loaded.path, CaseToValue(c));
    }
    out.routed.push_back({std::move(c), std::move(d)});
  }
  MEDIATE_RETURN_IF_ERROR(
      early.ToStatus(Tr("{0} case(s) received after --date {1}; nothing routed, nothing written",
                        early.error_count(), on.ToString())));
  if (w.dry_run() || ids.empty()) return out;
  auto commit = w.Commit(op, RouteCommitMessage(ids));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
