#include "case_merge.hpp"

#include "case_record.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "yaml_emit.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

/// The derived fields (re-derived by a replay) and the keys merged apart.
const std::vector<std::string> kNotMergedByKey = {"status",   "level",  "org",     "mediators",
                                                  "deadline", "events", "file_no", "conflicts"};

std::vector<Value> EventsOf(const Value& record) {
  const Value* es = record.Find("events");
  return es && es->is_sequence() ? es->items() : std::vector<Value>{};
}

Timestamp AtOf(const Value& event) {
  const Value* at = event.is_map() ? event.Find("at") : nullptr;
  auto t = at ? Timestamp::Parse(at->text()) : std::nullopt;
  return t ? *t : Timestamp{};
}

bool In(const std::vector<Value>& list, const Value& e) {
  for (const auto& x : list)
    if (x.SameAs(e)) return true;
  return false;
}

/// The events of `side` that `base` does not have, in order.
std::vector<Value> NewEvents(const std::vector<Value>& side, const std::vector<Value>& base) {
  std::vector<Value> out;
  for (const auto& e : side)
    if (!In(base, e)) out.push_back(e);
  return out;
}

}  // namespace

std::vector<Value> UnionOfEvents(const std::vector<Value>& ours, const std::vector<Value>& theirs) {
  std::vector<Value> extra;
  for (const auto& e : theirs)
    if (!In(ours, e)) extra.push_back(e);
  std::vector<Value> out;
  std::size_t i = 0, j = 0;
  while (i < ours.size() || j < extra.size()) {
    if (j == extra.size() || (i < ours.size() && !(AtOf(extra[j]) < AtOf(ours[i]))))
      out.push_back(ours[i++]);
    else
      out.push_back(extra[j++]);
  }
  return out;
}

namespace {

ConflictSide Side(const std::vector<Value>& new_events, std::optional<Value> value) {
  ConflictSide s;
  s.value = std::move(value);
  if (!new_events.empty()) {
    const Value& last = new_events.back();
    if (const Value* by = last.Find("by")) s.by = by->text();
    if (const Value* at = last.Find("at")) s.at = at->text();
  }
  return s;
}

Value Sequence(const std::vector<Value>& items) {
  Value v = Value::Sequence();
  for (const auto& i : items) v.Append(i);
  return v;
}

/// Reads `record` as a case; the first error's message when it does not read.
Result<Case> AsCase(const Value& record, const std::string& path, const Settings& settings) {
  DiagnosticSink sink;
  Case c = CaseFromValue(record, path, settings.vocab, &sink);
  if (sink.has_errors()) return sink.ToStatus(Tr("{0} does not read as a case", path));
  return c;
}

}  // namespace

Result<CaseMerge> MergeCaseFile(const std::string& base_text, const std::string& ours_text,
                                const std::string& theirs_text, const std::string& path,
                                const Settings& settings, const MergeStamp& stamp) {
  auto ours = ParseYaml(ours_text, path);
  auto theirs = ParseYaml(theirs_text, path);
  if (!ours.ok()) return ours.status();
  if (!theirs.ok()) return theirs.status();
  std::optional<Value> base;
  if (!base_text.empty()) {
    auto b = ParseYaml(base_text, path);
    if (!b.ok()) return b.status();
    base = std::move(b.value());
  }
  std::vector<Value> base_events = base ? EventsOf(*base) : std::vector<Value>{};
  std::vector<Value> ours_events = EventsOf(*ours), theirs_events = EventsOf(*theirs);
  // Added on both sides: one case only when it was registered as the same
  // one (its received event, parties and summary); two desks that gave the
  // same id to two cases otherwise.
  auto same_field = [&](std::string_view key) {
    const Value *a = ours->Find(key), *b = theirs->Find(key);
    return (!a && !b) || (a && b && a->SameAs(*b));
  };
  if (!base && !ours_events.empty() && !theirs_events.empty() &&
      (!ours_events.front().SameAs(theirs_events.front()) || !same_field("parties") ||
       !same_field("summary")))
    return Status::Rejected(
        Tr("{0} was registered on both sides as two different cases (different \"received\" "
           "events, parties or summary): keep theirs with 'git show MERGE_HEAD:{0}', then give "
           "one a new ID ('mediate renumber')",
           path));

  std::vector<FieldConflict> conflicts;
  Value merged = MergeRecordMaps(base ? &*base : nullptr, *ours, *theirs, kNotMergedByKey,
                                 {"tags", "sensitive"}, &conflicts);
  std::vector<Value> ours_new = NewEvents(ours_events, base_events);
  std::vector<Value> theirs_new = NewEvents(theirs_events, base_events);
  for (auto& c : conflicts) {
    c.ours = Side(ours_new, c.ours.value);
    c.theirs = Side(theirs_new, c.theirs.value);
  }
  // The file number is allocated once: a side that has one gives it.
  const Value* file_no = ours->Find("file_no");
  if (!file_no) file_no = theirs->Find("file_no");
  if (file_no) merged.Set("file_no", *file_no);

  merged.Set("events", Sequence(UnionOfEvents(ours_events, theirs_events)));
  auto c = AsCase(merged, path, settings);
  if (!c.ok()) return c.status();
  DiagnosticSink timeline;
  CheckTimeline(*c, settings, path, &timeline);
  if (timeline.has_errors()) {
    FieldConflict e;
    e.field = "events";
    e.reason = timeline.items().front().message;
    e.ours = Side(ours_new, Sequence(ours_new));
    e.theirs = Side(theirs_new, Sequence(theirs_new));
    conflicts.push_back(std::move(e));
    merged.Set("events", Sequence(ours_events));
    c = AsCase(merged, path, settings);
    if (!c.ok()) return c.status();
  }
  c->state = Replay(*c, settings).state;
  c->conflicts =
      ConflictBlock(ours->Find("conflicts"), theirs->Find("conflicts"), conflicts, stamp);
  return CaseMerge{EmitYaml(CaseToValue(*c)), conflicts.size()};
}

}  // namespace mediate
