#include "route_by_hand.hpp"

#include "case_record.hpp"
#include "case_step.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "step_dates.hpp"

namespace mediate {

Result<RouteByHandOutcome> RouteByHand(StoreWrite& w, const Signature& op, const std::string& id,
                                       const std::string& org, const std::string& reason,
                                       Timestamp now, Date on) {
  const Store& store = w.store();
  const Settings& settings = store.settings();
  if (reason.empty())
    return Status::Usage(_("--reason is required with --to: say why the rules are not followed"));
  const Organisation* target = nullptr;
  if (auto it = store.orgs().find(org); it != store.orgs().end()) target = &it->second;
  for (const auto& [oid, o] : store.orgs())
    if (!target && o.name == org) target = &o;
  if (!target)
    return Status::Usage(
        Tr("--to {0}: no such organisation (give its id or full name; 'mediate "
           "org list' lists them)",
           org));
  if (target->status == "retired")
    return Status::Usage(
        Tr("--to {0}: {1} is retired; route to an active organisation", org, target->name));
  if (target->status != "active")
    return Status::Usage(Tr("--to {0}: {1} is {2}; route to an active organisation", org,
                            target->name, target->status));
  auto loaded = store.LoadCase(id);
  if (!loaded.ok()) return loaded.status();
  Case c = std::move(loaded->record);
  MEDIATE_RETURN_IF_ERROR(CheckStep(c, Replay(c, settings), "routed"));
  if (const Date today = settings.time_zone.LocalDate(now); on.valid() && today < on)
    return Status::Usage(
        Tr("--date {0} is in the future (today is {1})", on.ToString(), today.ToString()));
  MEDIATE_RETURN_IF_ERROR(CheckStepDate(c, EventKind::kRouted, on, settings));
  Event e;
  e.at = settings.time_zone.ToLocal(now);
  e.type = "routed";
  e.by = op.ToString();
  e.payload.Set("org", Value::String(target->id));
  e.payload.Set("level", Value::String(target->level));
  e.payload.Set("reason", Value::String(reason));
  if (on.valid()) e.payload.Set("date", Value::String(on.ToString()));
  c.events.push_back(std::move(e));
  c.state = Replay(c, settings).state;
  RouteByHandOutcome out{c.id, target->id, target->name, target->level, ""};
  if (w.dry_run()) return out;
  w.Put(loaded->path, CaseToValue(c));
  auto commit = w.Commit(op, StepCommitMessage("route", c.id, target->id + " (by hand)"));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
