#include "record_merge.hpp"

#include <algorithm>

#include "i18n.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

bool Same(const Value* a, const Value* b) {
  if (!a || !b) return a == b;
  return a->SameAs(*b);
}

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

/// A set-valued key (a sequence of scalars): (base ∩ ours ∩ theirs) ∪
/// (ours − base) ∪ (theirs − base), in ours' order then theirs'.
Value MergeSet(const Value* base, const Value* ours, const Value* theirs) {
  auto items = [](const Value* v) {
    std::vector<std::string> out;
    if (v && v->is_sequence())
      for (const auto& i : v->items()) out.push_back(i.text());
    return out;
  };
  std::vector<std::string> b = items(base), o = items(ours), t = items(theirs), merged;
  for (const auto& x : o)
    if (!Contains(b, x) || Contains(t, x)) merged.push_back(x);
  for (const auto& x : t)
    if (!Contains(merged, x) && !Contains(b, x)) merged.push_back(x);
  return Value::Strings(merged).set_flow();
}

Value SideValue(const ConflictSide& side) {
  Value v = Value::Map();
  if (side.value) v.Set("value", *side.value);
  v.SetIfNotEmpty("by", side.by);
  v.SetIfNotEmpty("at", side.at);
  return v;
}

}  // namespace

std::optional<Value> MergeValue(const Value* base, const Value* ours, const Value* theirs,
                                bool* conflict) {
  *conflict = false;
  auto take = [](const Value* v) { return v ? std::optional<Value>(*v) : std::nullopt; };
  if (Same(ours, theirs) || Same(base, theirs)) return take(ours);
  if (Same(base, ours)) return take(theirs);
  *conflict = true;
  return take(ours);
}

Value MergeRecordMaps(const Value* base, const Value& ours, const Value& theirs,
                      const std::vector<std::string>& skip, const std::vector<std::string>& sets,
                      std::vector<FieldConflict>* conflicts) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : ours.entries()) keys.push_back(k);
  for (const auto& [k, v] : theirs.entries())
    if (!Contains(keys, k) && !(base && base->Find(k))) keys.push_back(k);
  // A key only in the base and theirs was removed by ours: considered too.
  if (base)
    for (const auto& [k, v] : base->entries())
      if (!Contains(keys, k)) keys.push_back(k);
  Value merged = Value::Map();
  for (const auto& key : keys) {
    if (Contains(skip, key)) continue;
    const Value* b = base ? base->Find(key) : nullptr;
    const Value* o = ours.Find(key);
    const Value* t = theirs.Find(key);
    if (Contains(sets, key)) {
      Value s = MergeSet(b, o, t);
      if (!s.items().empty()) merged.Set(key, std::move(s));
      continue;
    }
    bool conflict = false;
    std::optional<Value> v = MergeValue(b, o, t, &conflict);
    if (conflict) {
      FieldConflict c;
      c.field = key;
      // Stored in the case file: English on every desk (N_ only marks it);
      // `mediate conflicts` shows it in the reader's language.
      c.reason = N_("changed on both sides");
      if (o) c.ours.value = *o;
      if (t) c.theirs.value = *t;
      conflicts->push_back(std::move(c));
    }
    if (v) merged.Set(key, std::move(*v));
  }
  return merged;
}

Value ConflictBlock(const Value* ours_block, const Value* theirs_block,
                    const std::vector<FieldConflict>& added, const MergeStamp& stamp) {
  Value block = Value::Sequence();
  auto keep = [&](const Value* side) {
    if (!side || !side->is_sequence()) return;
    for (const auto& entry : side->items()) {
      bool seen = false;
      for (const auto& e : block.items()) seen = seen || e.SameAs(entry);
      if (!seen) block.Append(entry);
    }
  };
  keep(ours_block);
  keep(theirs_block);
  for (const auto& c : added) {
    Value e = Value::Map();
    e.Set("field", Value::String(c.field));
    e.Set("reason", Value::String(c.reason));
    e.Set("ours", SideValue(c.ours));
    e.Set("theirs", SideValue(c.theirs));
    e.Set("merged_by", Value::String(stamp.by));
    e.Set("merged_at", Value::String(stamp.at.ToString()));
    block.Append(std::move(e));
  }
  return block;
}

Result<Value> MergeRegistryRecord(const std::string& base, const std::string& ours,
                                  const std::string& theirs, const std::string& path,
                                  const MergeStamp& stamp, std::size_t* conflict_count) {
  auto o = ParseYaml(ours, path);
  auto t = ParseYaml(theirs, path);
  std::optional<Value> b;
  if (!base.empty()) {
    auto parsed = ParseYaml(base, path);
    if (parsed.ok()) b = std::move(parsed.value());
  }
  if (!o.ok() || !t.ok() || !o->is_map() || !t->is_map() || (b && !b->is_map()))
    return Status::Rejected(Tr("{0}: a version is not a YAML record; merge it by hand", path));
  std::vector<FieldConflict> conflicts;
  Value merged = MergeRecordMaps(b ? &*b : nullptr, *o, *t, {"conflicts"}, {}, &conflicts);
  *conflict_count = conflicts.size();
  Value block = ConflictBlock(o->Find("conflicts"), t->Find("conflicts"), conflicts, stamp);
  if (!block.items().empty()) merged.Set("conflicts", std::move(block));
  return merged;
}

}  // namespace mediate
