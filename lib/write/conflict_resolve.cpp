#include "conflict_resolve.hpp"

#include "case_conflicts.hpp"
#include "case_record.hpp"
#include "case_step.hpp"
#include "lifecycle.hpp"

namespace mediate {

Result<ResolveOutcome> ResolveConflict(StoreWrite& w, const Signature& op, Timestamp now,
                                       const ResolveRequest& request) {
  const Store& store = w.store();
  const Settings& settings = store.settings();
  auto loaded = store.LoadCase(request.id);
  if (!loaded.ok()) return loaded.status();
  Case c = std::move(loaded->record);
  std::string merged_at;
  std::string field = request.field;
  if (field.empty() && c.conflicts.items().size() == 1)
    if (const Value* f = c.conflicts.items().front().Find("field")) field = f->text();
  MEDIATE_RETURN_IF_ERROR(SettleConflict(&c, field, request.take_theirs, settings, &merged_at));
  Event e;
  e.at = settings.time_zone.ToLocal(now);
  e.type = "resolved";
  e.by = op.ToString();
  e.payload.Set("field", Value::String(field));
  e.payload.Set("took", Value::String(request.take_theirs ? "theirs" : "ours"));
  e.payload.SetIfNotEmpty("reason", request.reason);
  e.payload.SetIfNotEmpty("merged_at", merged_at);
  c.events.push_back(std::move(e));
  c.state = Replay(c, settings).state;
  ResolveOutcome out;
  out.field = field;
  out.left = c.conflicts.items().size();
  if (w.dry_run()) return out;
  w.AllowConflicts();
  w.Put(loaded->path, CaseToValue(c));
  auto commit = w.Commit(
      op, StepCommitMessage("resolve", c.id,
                            field + " (took " + (request.take_theirs ? "theirs" : "ours") + ")"));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
