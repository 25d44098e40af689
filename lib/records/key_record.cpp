#include "key_record.hpp"

#include <algorithm>

#include "i18n.hpp"
#include "office.hpp"
#include "record_reader.hpp"
#include "sealing.hpp"
#include "time.hpp"

namespace mediate {

const KeyEpoch* KeyRecord::FindEpoch(int n) const {
  for (const KeyEpoch& e : epochs)
    if (e.epoch == n) return &e;
  return nullptr;
}

std::vector<std::string> KeyRecord::ActiveOffices() const {
  std::vector<std::string> codes;
  for (const auto& [code, o] : offices)
    if (o.active()) codes.push_back(code);
  return codes;
}

const KeyOffice* KeyRecord::FindOffice(const std::string& code) const {
  auto it = offices.find(code);
  return it == offices.end() ? nullptr : &it->second;
}

namespace {

/// A time field: RFC 3339 with an offset, or an error at it.
std::string TimeText(RecordReader& r, const Value& map, const char* key, const std::string& path,
                     bool required) {
  std::string text = r.String(map, key, path, required);
  if (!text.empty() && !Timestamp::Parse(text))
    r.Error(*map.Find(key), JoinPath(path, key),
            Tr("\"{0}\" is not an RFC 3339 time like 2026-12-07T10:00:00+08:00", text));
  return text;
}

void ReadOffice(RecordReader& r, const std::string& code, const Value& v, KeyRecord* out) {
  const std::string path = JoinPath("offices", code);
  if (!IsOfficeCode(code)) {
    r.Error(v, path,
            Tr("\"{0}\" is not an office code (an upper-case letter, then 1 to 5 upper-case "
               "letters or digits)",
               code));
    return;
  }
  if (!r.ExpectMap(v, path)) return;
  KeyOffice o;
  o.code = code;
  std::string pk = r.String(v, "public_key", path, true);
  if (!pk.empty()) {
    auto raw = FromBase64(pk, "public_key");
    if (!raw.ok() || raw->size() != 32)
      r.Error(*v.Find("public_key"), JoinPath(path, "public_key"),
              _("is not a public key (base64 of 32 bytes)"));
    else
      o.public_key = *raw;
  }
  o.added = TimeText(r, v, "added", path, true);
  o.by = r.String(v, "by", path, true);
  o.revoked = TimeText(r, v, "revoked", path, false);
  o.revoked_by = r.String(v, "revoked_by", path);
  o.revoked_reason = r.String(v, "revoked_reason", path);
  if (o.revoked.empty() && (!o.revoked_by.empty() || !o.revoked_reason.empty()))
    r.Error(v, JoinPath(path, "revoked"),
            _("is required when revoked_by or revoked_reason is given"));
  o.extra = r.KeepUnknownKeys(
      v, path, {"public_key", "added", "by", "revoked", "revoked_by", "revoked_reason"});
  out->offices.emplace(code, std::move(o));
}

void ReadEpoch(RecordReader& r, const Value& v, std::size_t index, const KeyRecord& seen,
               KeyRecord* out) {
  const std::string path = "epochs[" + std::to_string(index) + "]";
  if (!r.ExpectMap(v, path)) return;
  KeyEpoch e;
  e.epoch = static_cast<int>(r.Int(v, "epoch", path, 0, true));
  int before = out->epochs.empty() ? 0 : out->epochs.back().epoch;
  if (v.Find("epoch") && e.epoch <= before)
    r.Error(*v.Find("epoch"), JoinPath(path, "epoch"),
            Tr("epoch {0} must be greater than the epoch before it ({1}): epochs are listed in "
               "order",
               e.epoch, before));
  e.started = TimeText(r, v, "started", path, true);
  e.by = r.String(v, "by", path, true);
  const Value* sealed = v.Find("sealed");
  if (!sealed || !sealed->is_map()) {
    r.Error(sealed ? *sealed : v, JoinPath(path, "sealed"),
            _("is required: a map of office code to the sealed epoch secret"));
  } else {
    for (const auto& [code, text] : sealed->entries()) {
      std::string at = JoinPath(JoinPath(path, "sealed"), code);
      if (!text.is_scalar() || text.text().empty()) {
        r.Error(text, at, _("a sealed secret (base64 text) is expected"));
        continue;
      }
      if (!seen.offices.count(code))
        r.Error(text, at,
                Tr("office {0} is not listed under offices: (every office an epoch is sealed "
                   "to has its public key there)",
                   code));
      e.sealed[code] = text.text();
    }
  }
  e.extra = r.KeepUnknownKeys(v, path, {"epoch", "started", "by", "sealed"});
  out->epochs.push_back(std::move(e));
}

}  // namespace

Result<KeyRecord> KeyRecordFromValue(const Value& root, const std::string& file,
                                     DiagnosticSink* warnings) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  KeyRecord rec;
  if (!r.ExpectMap(root, "")) return sink.ToStatus(Tr("bad keys record {0}", file));
  std::string schema = r.String(root, "schema", "", true);
  if (!schema.empty() && schema != kKeyRecordSchema)
    r.Error(*root.Find("schema"), "schema",
            Tr("\"{0}\" is not a schema this version reads (keys/1)", schema));
  if (const Value* offices = root.Find("offices"); offices && !offices->is_null()) {
    if (r.ExpectMap(*offices, "offices"))
      for (const auto& [code, v] : offices->entries()) ReadOffice(r, code, v, &rec);
  }
  if (const Value* epochs = root.Find("epochs"); epochs && !epochs->is_null()) {
    if (!epochs->is_sequence()) {
      r.Error(*epochs, "epochs", _("a list of epochs is expected"));
    } else {
      for (std::size_t i = 0; i < epochs->items().size(); ++i)
        ReadEpoch(r, epochs->items()[i], i, rec, &rec);
    }
  }
  if (rec.Encrypted() && rec.epochs.empty())
    r.Error(root, "epochs", _("is required once an office holds a key (epoch 1 at least)"));
  rec.extra = r.KeepUnknownKeys(root, "", {"schema", "offices", "epochs"});
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad keys record {0}", file)));
  if (warnings) warnings->Append(sink.items());
  return rec;
}

Value KeyRecordToValue(const KeyRecord& record) {
  Value root = Value::Map();
  root.Set("schema", Value::String(kKeyRecordSchema));
  Value offices = Value::Map();
  for (const auto& [code, o] : record.offices) {
    Value v = Value::Map();
    v.Set("public_key", Value::String(ToBase64(o.public_key)));
    v.Set("added", Value::String(o.added));
    v.Set("by", Value::String(o.by));
    v.SetIfNotEmpty("revoked", o.revoked);
    v.SetIfNotEmpty("revoked_by", o.revoked_by);
    v.SetIfNotEmpty("revoked_reason", o.revoked_reason);
    WriteUnknownKeys(o.extra, &v);
    offices.Set(code, std::move(v));
  }
  root.Set("offices", std::move(offices));
  Value epochs = Value::Sequence();
  for (const KeyEpoch& e : record.epochs) {
    Value v = Value::Map();
    v.Set("epoch", Value::Int(e.epoch));
    v.Set("started", Value::String(e.started));
    v.Set("by", Value::String(e.by));
    Value sealed = Value::Map();
    for (const auto& [code, text] : e.sealed) sealed.Set(code, Value::String(text));
    v.Set("sealed", std::move(sealed));
    WriteUnknownKeys(e.extra, &v);
    epochs.Append(std::move(v));
  }
  root.Set("epochs", std::move(epochs));
  WriteUnknownKeys(record.extra, &root);
  return root;
}

}  // namespace mediate
