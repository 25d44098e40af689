#include "case_conflicts.hpp"

#include "case_merge.hpp"
#include "case_record.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "pii.hpp"
#include "yaml_emit.hpp"

namespace mediate {
namespace {

std::string Text(const Value* v, const char* key) {
  const Value* f = v && v->is_map() ? v->Find(key) : nullptr;
  return f && f->is_scalar() ? f->text() : std::string();
}

void MaskPersonalData(Value* v);

/// A side's value in words (a party's identifiers masked): a scalar as it is, events as "N events:
/// kind date, …", anything else on one line.
std::string InWords(const Value* side) {
  const Value* v = side && side->is_map() ? side->Find("value") : nullptr;
  if (!v) return "(removed)";
  if (v->is_scalar()) return v->text();
  if (v->is_sequence() && !v->items().empty() && v->items().front().is_map() &&
      v->items().front().Find("type")) {
    std::string out = std::to_string(v->items().size()) + " event(s):";
    for (const auto& e : v->items())
      out += " " + Text(&e, "type") + " " + Text(&e, "at").substr(0, 10) + ",";
    out.pop_back();
    return out;
  }
  Value flow = *v;
  MaskPersonalData(&flow);
  flow.set_flow();
  std::string text = EmitYaml(flow);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

/// `v` with a party's identifiers masked wherever they stand (id_number,
/// credit_code, phone, address keys at any depth), as every listing shows
/// them (PIPL Art. 51; People's Mediation Law Art. 15).
void MaskPersonalData(Value* v) {
  if (v->is_sequence()) {
    for (Value& item : v->items()) MaskPersonalData(&item);
  } else if (v->is_map()) {
    for (auto& [key, field] : v->entries()) {
      if (!field.is_scalar() || field.text().empty()) {
        MaskPersonalData(&field);
        continue;
      }
      const std::string& t = field.text();
      if (key == "id_number") field = Value::String(MaskIdNumber(t));
      if (key == "credit_code") field = Value::String(MaskCreditCode(t));
      if (key == "phone") field = Value::String(MaskPhone(t));
      if (key == "address") field = Value::String(MaskAddress(t));
    }
  }
}

std::vector<Value> Items(const Value* v) {
  return v && v->is_sequence() ? v->items() : std::vector<Value>{};
}

}  // namespace

std::vector<ConflictRow> ListConflicts(const Store& store) {
  ScanOptions options;
  options.keep = [](const CaseSummary& s) { return s.conflicts > 0; };
  CaseScan scan = store.ScanCases(options);
  std::vector<ConflictRow> rows;
  for (const auto& s : scan.cases) {
    LoadedCase lc = store.LoadCaseFile(s.path);
    if (!lc.ok) continue;
    for (const auto& e : lc.record.conflicts.items()) {
      ConflictRow r;
      r.id = lc.record.id;
      r.path = s.path;
      r.field = Text(&e, "field");
      r.reason = Text(&e, "reason");
      r.ours = InWords(e.Find("ours"));
      r.theirs = InWords(e.Find("theirs"));
      r.ours_by = Text(e.Find("ours"), "by");
      r.ours_at = Text(e.Find("ours"), "at");
      r.theirs_by = Text(e.Find("theirs"), "by");
      r.theirs_at = Text(e.Find("theirs"), "at");
      r.merged_by = Text(&e, "merged_by");
      r.merged_at = Text(&e, "merged_at");
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

Status SettleConflict(Case* c, const std::string& field, bool take_theirs, const Settings& settings,
                      std::string* merged_at) {
  std::vector<Value>& entries = c->conflicts.items();
  if (entries.empty()) return Status::Rejected(Tr("{0} holds no conflict", c->id));
  std::string fields;
  for (const auto& e : entries) fields += (fields.empty() ? "" : _(", ")) + Text(&e, "field");
  std::size_t k = entries.size();
  if (field.empty()) {
    if (entries.size() > 1)
      return Status::Usage(Tr("{0} holds {1} conflicts: say which with --field ({2})", c->id,
                              entries.size(), fields));
    k = 0;
  } else {
    for (std::size_t i = 0; i < entries.size() && k == entries.size(); ++i)
      if (Text(&entries[i], "field") == field) k = i;
    if (k == entries.size())
      return Status::Usage(
          Tr("{0} has no conflict on \"{1}\" (in conflict: {2})", c->id, field, fields));
  }
  const Value entry = entries[k];
  *merged_at = Text(&entry, "merged_at");
  Case settled = *c;
  settled.conflicts.items().erase(settled.conflicts.items().begin() + static_cast<long>(k));
  if (take_theirs) {
    const std::string name = Text(&entry, "field");
    const Value* theirs = entry.Find("theirs") ? entry.Find("theirs")->Find("value") : nullptr;
    Value record = CaseToValue(settled);
    if (name == "events") {
      const Value* ours = entry.Find("ours") ? entry.Find("ours")->Find("value") : nullptr;
      std::vector<Value> kept;
      for (const auto& e : Items(record.Find("events"))) {
        bool drop = false;
        for (const auto& o : Items(ours)) drop = drop || o.SameAs(e);
        if (!drop) kept.push_back(e);
      }
      Value events = Value::Sequence();
      for (auto& e : UnionOfEvents(kept, Items(theirs))) events.Append(std::move(e));
      record.Set("events", std::move(events));
    } else if (theirs) {
      record.Set(name, *theirs);
    } else {
      record.Erase(name);
    }
    DiagnosticSink sink;
    Case read = CaseFromValue(record, c->id, settings.vocab, &sink);
    MEDIATE_RETURN_IF_ERROR(
        sink.ToStatus(Tr("taking theirs does not give a valid case {0}", c->id)));
    settled = std::move(read);
  }
  DiagnosticSink timeline;
  CheckTimeline(settled, settings, c->id, &timeline);
  MEDIATE_RETURN_IF_ERROR(timeline.ToStatus(
      take_theirs ? Tr("taking theirs for {0} gives a timeline the state machine forbids; nothing "
                       "written",
                       c->id)
                  : Tr("taking ours for {0} gives a timeline the state machine forbids; nothing "
                       "written",
                       c->id)));
  *c = std::move(settled);
  return Status::Ok();
}

}  // namespace mediate
