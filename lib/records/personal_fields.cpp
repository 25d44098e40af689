// The field table of docs/personal-data.md, walked over a case record, and
// the sealing, opening and masking of the values it names.
#include "personal_fields.hpp"

#include <string_view>

#include "code_points.hpp"
#include "i18n.hpp"
#include "party_lookup.hpp"

namespace mediate {
namespace {

using Visit = std::function<void(const std::string& path, const std::string& bound, Value& value,
                                 const PersonalRule& rule)>;

constexpr PersonalRule kName{PersonalMask::kName, true};
constexpr PersonalRule kNumber{PersonalMask::kNumber, true};
constexpr PersonalRule kText{PersonalMask::kText, false};
constexpr PersonalRule kDate{PersonalMask::kDate, false};

std::string Text(const Value* v) { return v && v->is_scalar() ? v->text() : std::string(); }

/// Visits `map`'s `key` at `at` (its place in the record) bound to `bound`
/// (what it is sealed with: "" for the same as `at`).
void Visit1(Value& map, std::string_view key, const std::string& at, const PersonalRule& rule,
            const Visit& visit, const std::string& bound = "") {
  if (Value* v = map.Find(key); v && !v->is_null()) {
    const std::string path = at + (at.empty() ? "" : ".") + std::string(key);
    visit(path, bound.empty() ? path : bound + "." + std::string(key), *v, rule);
  }
}

/// The payload keys of an event type that hold free text about the people.
std::vector<std::string_view> EventTextKeys(const std::string& type) {
  if (type == "session" || type == "performance" || type == "note") return {"note"};
  if (type == "visited") return {"note", "risk_note"};
  if (type == "agreed") return {"facts", "terms"};
  return {};
}

/// The rule for the value of a field path ("parties[0].name" → kName).
PersonalRule RuleOfPath(std::string_view field) {
  auto dot = field.rfind('.');
  std::string_view last = dot == std::string_view::npos ? field : field.substr(dot + 1);
  if (last == "name" || last == "representative") return kName;
  if (last == "id_number" || last == "phone") return kNumber;
  if (last == "born") return kDate;
  return kText;
}

void VisitParty(Value& p, const std::string& at, const Visit& visit) {
  if (!p.is_map()) return;
  const bool organisation = Text(p.Find("kind")) == "organisation";
  if (!organisation) Visit1(p, "name", at, kName, visit);
  Visit1(p, "id_number", at, kNumber, visit);
  Visit1(p, "phone", at, kNumber, visit);
  Visit1(p, "address", at, kText, visit);
  Visit1(p, "born", at, kDate, visit);
  Visit1(p, "ethnicity", at, kText, visit);
  Visit1(p, "occupation", at, kText, visit);
  Visit1(p, "representative", at, kName, visit);
  if (Value* agents = p.Find("agents"); agents && agents->is_sequence()) {
    for (std::size_t j = 0; j < agents->items().size(); ++j) {
      Value& a = agents->items()[j];
      if (!a.is_map()) continue;
      const std::string aat = at + ".agents[" + std::to_string(j) + "]";
      Visit1(a, "name", aat, kName, visit);
      Visit1(a, "id_number", aat, kNumber, visit);
      Visit1(a, "phone", aat, kNumber, visit);
    }
  }
}

/// The path's parent map and key in `record` ("parties[0].agents[1].phone"
/// → the agent's map and "phone"), or {nullptr, ""}.
std::pair<Value*, std::string> Locate(Value& record, std::string_view path) {
  Value* at = &record;
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t end = path.find_first_of(".[", i);
    std::string key(path.substr(i, end == std::string_view::npos ? path.npos : end - i));
    if (end == std::string_view::npos) return {at->is_map() ? at : nullptr, key};
    at = at->is_map() ? at->Find(key) : nullptr;
    if (!at) return {nullptr, ""};
    i = end;
    while (i < path.size() && path[i] == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos || !at->is_sequence()) return {nullptr, ""};
      std::size_t n = 0;
      for (char ch : path.substr(i + 1, close - i - 1))
        n = n * 10 + static_cast<std::size_t>(ch - '0');
      if (n >= at->items().size()) return {nullptr, ""};
      at = &at->items()[n];
      i = close + 1;
    }
    if (i < path.size() && path[i] == '.') ++i;
  }
  return {nullptr, ""};
}

}  // namespace

bool IsPersonalFieldPath(std::string_view field) {
  if (field == "summary") return true;
  if (field.rfind("parties", 0) != 0) return false;
  auto dot = field.rfind('.');
  if (dot == std::string_view::npos) return true;  // a whole party
  std::string_view last = field.substr(dot + 1);
  for (std::string_view k : {"name", "id_number", "phone", "address", "born", "ethnicity",
                             "occupation", "representative", "agents"})
    if (last == k) return true;
  return field.find(".agents") != std::string_view::npos;
}

void ForEachPersonalValue(Value& record, const Visit& visit) {
  if (!record.is_map()) return;
  // A front-desk consultation: who asked, what, and the advice.
  if (Text(record.Find("schema")).rfind("consultation/", 0) == 0) {
    if (Value* who = record.Find("visitor"); who && who->is_map()) {
      Visit1(*who, "name", "visitor", kName, visit);
      Visit1(*who, "phone", "visitor", kNumber, visit);
      Visit1(*who, "id_number", "visitor", kNumber, visit);
    }
    Visit1(record, "question", "", kText, visit);
    Visit1(record, "advice", "", kText, visit);
    return;
  }
  Visit1(record, "summary", "", kText, visit);
  if (Value* parties = record.Find("parties"); parties && parties->is_sequence())
    for (std::size_t i = 0; i < parties->items().size(); ++i)
      VisitParty(parties->items()[i], "parties[" + std::to_string(i) + "]", visit);
  if (Value* events = record.Find("events"); events && events->is_sequence()) {
    for (std::size_t i = 0; i < events->items().size(); ++i) {
      Value& e = events->items()[i];
      if (!e.is_map()) continue;
      const std::string type = Text(e.Find("type"));
      const std::string at = "events[" + std::to_string(i) + "]";
      // Bound to the event, not its place: a merge of two timelines moves
      // events (case_merge.hpp).
      const std::string bound = "events@" + Text(e.Find("at")) + "/" + type;
      for (std::string_view k : EventTextKeys(type)) Visit1(e, k, at, kText, visit, bound);
      if (type != "amended") continue;
      Value* changes = e.Find("changes");
      if (!changes || !changes->is_sequence()) continue;
      for (std::size_t j = 0; j < changes->items().size(); ++j) {
        Value& ch = changes->items()[j];
        if (!ch.is_map()) continue;
        const std::string field = Text(ch.Find("field"));
        if (!IsPersonalFieldPath(field)) continue;
        const std::string cat = at + ".changes[" + std::to_string(j) + "]";
        const std::string cbound = bound + ".changes[" + std::to_string(j) + "]";
        // The old and new text of a whole party is its description: text.
        const PersonalRule rule =
            RuleOfPath(field).mask == PersonalMask::kDate ? kText : RuleOfPath(field);
        Visit1(ch, "from", cat, rule, visit, cbound);
        Visit1(ch, "to", cat, rule, visit, cbound);
      }
    }
  }
  if (Value* conflicts = record.Find("conflicts"); conflicts && conflicts->is_sequence()) {
    for (std::size_t i = 0; i < conflicts->items().size(); ++i) {
      Value& cf = conflicts->items()[i];
      const std::string field = Text(cf.Find("field"));
      if (!cf.is_map() || !IsPersonalFieldPath(field)) continue;
      const std::string at = "conflicts[" + std::to_string(i) + "]";
      // Each side's value is the field's own, sealed as the field was.
      for (std::string_view side : {"ours", "theirs"})
        if (Value* s = cf.Find(side); s && s->is_map())
          if (Value* v = s->Find("value"); v && !v->is_null())
            visit(at + "." + std::string(side) + ".value", field, *v, RuleOfPath(field));
    }
  }
}

bool IsSealedValue(const Value& v) { return v.is_map() && v.Find("sealed") != nullptr; }

std::string StoredMask(PersonalMask mask, std::string_view plain) {
  std::u32string cps = DecodeUtf8(plain);
  if (mask == PersonalMask::kName) {
    if (cps.empty()) return "";
    return EncodeUtf8(cps.substr(0, 1)) + "某";
  }
  if (mask == PersonalMask::kNumber) {
    if (cps.size() <= 4) return "****";
    return std::string(cps.size() - 4, '*') + EncodeUtf8(cps.substr(cps.size() - 4));
  }
  return "";
}

std::string FieldAd(std::string_view case_id, std::string_view path) {
  std::string ad(case_id);
  ad += '\n';
  ad += path;
  return ad;
}

int SealPersonalValues(Value& record, std::string_view case_id, const SecretKey& data_key,
                       const SecretKey& lookup_key) {
  int sealed = 0;
  ForEachPersonalValue(
      record, [&](const std::string&, const std::string& path, Value& v, const PersonalRule& rule) {
        if (!v.is_scalar() || v.text().empty()) return;
        const std::string plain = v.text();
        Value node = Value::Map();
        if (std::string m = StoredMask(rule.mask, plain); !m.empty())
          node.Set("masked", Value::String(m));
        if (rule.hashed) {
          const std::string norm = rule.mask == PersonalMask::kName ? NormalizeLookupName(plain)
                                                                    : NormalizeLookupNumber(plain);
          if (!norm.empty()) node.Set("hash", Value::String(HmacHex(lookup_key, norm)));
        }
        node.Set("sealed", Value::String(SealField(data_key, plain, FieldAd(case_id, path))));
        node.set_flow();
        v = std::move(node);
        ++sealed;
      });
  return sealed;
}

Status OpenPersonalValues(Value& record, std::string_view case_id, const SecretKey& data_key) {
  Status status;
  ForEachPersonalValue(
      record, [&](const std::string& at, const std::string& path, Value& v, const PersonalRule&) {
        if (!status.ok() || !IsSealedValue(v)) return;
        auto plain = OpenField(data_key, Text(v.Find("sealed")), FieldAd(case_id, path));
        if (!plain.ok()) {
          status = Status::Rejected(Tr("{0} of {1}: {2}", at, case_id, plain.status().message()));
          return;
        }
        v = Value::String(*plain);
      });
  return status;
}

std::vector<SealedValue> MaskPersonalValues(Value& record) {
  std::vector<SealedValue> out;
  std::vector<std::string> dates;  // taken out after the walk
  ForEachPersonalValue(
      record, [&](const std::string& path, const std::string&, Value& v, const PersonalRule& rule) {
        if (!IsSealedValue(v)) return;
        SealedValue sv;
        sv.path = path;
        sv.node = v;
        if (rule.mask == PersonalMask::kText) {
          sv.masked = kSealedText;
        } else if (rule.mask != PersonalMask::kDate) {
          sv.masked = Text(v.Find("masked"));
        }
        if (rule.mask == PersonalMask::kDate) {
          dates.push_back(path);
        } else {
          v = Value::String(sv.masked);
        }
        out.push_back(std::move(sv));
      });
  for (const std::string& path : dates) {
    auto [map, key] = Locate(record, path);
    if (!map) continue;
    auto& entries = map->entries();
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (entries[i].first == key) {
        for (auto& sv : out)
          if (sv.path == path) sv.position = static_cast<int>(i);
        entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
  }
  return out;
}

void RestoreSealedValues(Value& record, const std::vector<SealedValue>& sealed) {
  for (const SealedValue& sv : sealed) {
    auto [map, key] = Locate(record, sv.path);
    if (!map) continue;
    Value* v = map->Find(key);
    if (v && v->is_scalar() && v->text() == sv.masked && !sv.masked.empty()) {
      *v = sv.node;
    } else if (!v && RuleOfPath(sv.path).mask == PersonalMask::kDate) {
      auto& entries = map->entries();
      auto at = std::min<std::size_t>(static_cast<std::size_t>(sv.position), entries.size());
      entries.insert(entries.begin() + static_cast<std::ptrdiff_t>(at), {key, sv.node});
    }
  }
}

std::vector<std::string> PlainPersonalPaths(Value& record) {
  std::vector<std::string> out;
  ForEachPersonalValue(
      record, [&](const std::string& path, const std::string&, Value& v, const PersonalRule&) {
        if (v.is_scalar() && !v.text().empty()) out.push_back(path);
      });
  return out;
}

namespace {

/// The epoch number of `v` ("2"), or 0 when it is none.
int EpochOf(const Value* v) {
  int epoch = 0;
  if (v && v->is_scalar())
    for (char ch : v->text())
      epoch = ch >= '0' && ch <= '9' && epoch >= 0 ? epoch * 10 + (ch - '0') : -1;
  return epoch > 0 ? epoch : 0;
}

/// The data key wrapped as `wrapped` under epoch `epoch`, or an error.
Result<SecretKey> Unwrap(int epoch, const std::string& wrapped, const CaseKeySource& keys) {
  const SecretKey* kek = keys.EpochKey(epoch);
  if (!kek)
    return Status::Rejected(
        Tr("the case's data key is of key epoch {0}, which this office's key "
           "does not open ('mediate key list' shows the epochs it holds)",
           epoch));
  return UnwrapKey(*kek, wrapped, kDataKeyAd);
}

/// The data key of `record`'s `data_key` (`dk`), or an error; `erased`
/// set (and no key) when the key was destroyed.
Result<SecretKey> DataKeyOf(const Value& dk, const CaseKeySource& keys, std::string* erased) {
  const Value* key_id = dk.is_map() ? dk.Find("key") : nullptr;
  if (key_id && key_id->is_scalar() && IsCaseKeyId(key_id->text())) {
    auto entry = keys.FindCaseKey(key_id->text());
    if (!entry.ok()) return entry.status();
    if (entry->is_erased()) {
      *erased = entry->erased;
      return SecretKey();
    }
    return Unwrap(entry->epoch, entry->wrapped, keys);
  }
  const Value* wrapped = dk.is_map() ? dk.Find("wrapped") : nullptr;
  const int epoch = dk.is_map() ? EpochOf(dk.Find("epoch")) : 0;
  if (epoch <= 0 || !wrapped || !wrapped->is_scalar())
    return Status::Rejected(
        _("data_key: expected a map with the case and the name of its key (32 hex digits)"));
  return Unwrap(epoch, wrapped->text(), keys);
}

/// The case id the values of `record` are bound to: the one its data key
/// was made for (`data_key.case`), which a renumbering does not change.
std::string BoundId(const Value& record) {
  const Value* dk = record.Find("data_key");
  const Value* id = dk && dk->is_map() ? dk->Find("case") : nullptr;
  if (!id) id = record.Find("id");
  return id && id->is_scalar() ? id->text() : std::string();
}

}  // namespace

std::string CaseKeyIdOf(const Value& record) {
  const Value* dk = record.is_map() ? record.Find("data_key") : nullptr;
  const Value* id = dk && dk->is_map() ? dk->Find("key") : nullptr;
  return id && id->is_scalar() ? id->text() : std::string();
}

Status OpenCaseRecord(Value& record, const CaseKeySource& keys, std::string* erased) {
  const Value* dk = record.is_map() ? record.Find("data_key") : nullptr;
  if (!dk || dk->is_null()) return Status::Ok();
  std::string when;
  auto key = DataKeyOf(*dk, keys, &when);
  if (!key.ok()) return key.status();
  if (erased) *erased = when;
  if (!when.empty()) return Status::Ok();
  return OpenPersonalValues(record, BoundId(record), *key);
}

Status SealCaseRecord(Value& record, const CaseKeySource& keys, CaseKeyEntry* made) {
  if (!record.is_map() || PlainPersonalPaths(record).empty()) return Status::Ok();
  const Value* id_v = record.Find("id");
  const std::string id = id_v && id_v->is_scalar() ? id_v->text() : "";
  SecretKey data;
  if (const Value* dk = record.Find("data_key"); dk && !dk->is_null()) {
    std::string erased;
    auto key = DataKeyOf(*dk, keys, &erased);
    if (!key.ok()) return key.status();
    if (!erased.empty())
      return Status::Rejected(
          Tr("the personal data of case {0} was erased on {1}: no personal value can be "
             "added to it",
             id, erased));
    data = *key;
  } else {
    const int epoch = keys.CurrentEpoch();
    const SecretKey* kek = keys.EpochKey(epoch);
    if (!kek)
      return Status::Rejected(
          Tr("this office's key does not open the current key epoch {0} (a revoked key opens "
             "only what was sealed before it was revoked)",
             epoch));
    data = SecretKey::Random();
    made->id = NewCaseKeyId();
    made->case_id = id;
    made->epoch = epoch;
    made->wrapped = WrapKey(*kek, data, kDataKeyAd);
    made->erased.clear();
    Value named = Value::Map();
    named.Set("case", Value::String(id));
    named.Set("key", Value::String(made->id));
    named.set_flow();
    auto& entries = record.entries();
    std::size_t at = 0;
    while (at < entries.size() && (entries[at].first == "schema" || entries[at].first == "id" ||
                                   entries[at].first == "file_no"))
      ++at;
    entries.insert(entries.begin() + static_cast<std::ptrdiff_t>(at), {"data_key", named});
  }
  SealPersonalValues(record, BoundId(record), data, keys.LookupKey());
  return Status::Ok();
}

bool IsSealedIn(const Case& c, std::string_view path) {
  for (const auto& sv : c.sealed)
    if (sv.path == path) return true;
  return false;
}

}  // namespace mediate
