#include "record_reader.hpp"

#include <charconv>
#include "i18n.hpp"

#include "text_input.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

namespace mediate {

std::string JoinPath(const std::string& base, const std::string& key) {
  return base.empty() ? key : base + "." + key;
}

void RecordReader::Error(const Value& at, const std::string& path, const std::string& message) {
  sink_->Error(At(at), path, message);
}

void RecordReader::Warning(const Value& at, const std::string& path, const std::string& message) {
  sink_->Warning(At(at), path, message);
}

bool RecordReader::ExpectMap(const Value& v, const std::string& path) {
  if (v.is_map()) return true;
  Error(v, path, _("a map (key: value lines) is expected"));
  return false;
}

const Value* RecordReader::ScalarAt(const Value& map, const char* key, const std::string& path,
                                    bool required) {
  const Value* v = map.Find(key);
  if (!v || v->is_null()) {
    if (required) Error(v ? *v : map, JoinPath(path, key), _("is required"));
    return nullptr;
  }
  if (!v->is_scalar()) {
    Error(*v, JoinPath(path, key), _("a single value is expected, not a list or map"));
    return nullptr;
  }
  return v;
}

std::string RecordReader::String(const Value& map, const char* key, const std::string& path,
                                 bool required) {
  const Value* v = ScalarAt(map, key, path, required);
  if (!v) return {};
  if (!v->quoted() && PlainScalarIsNotString(v->text())) {
    Error(*v, JoinPath(path, key),
          Tr("unquoted {0} would be read as a number, boolean or date by other YAML tools; write "
             "it quoted: \"{0}\"",
             v->text()));
  }
  if (required && v->text().empty()) Error(*v, JoinPath(path, key), _("must not be empty"));
  return v->text();
}

std::string RecordReader::Code(const Value& map, const char* key, const std::string& path,
                               const VocabList& vocab, bool required) {
  std::string s = String(map, key, path, required);
  if (!s.empty() && !vocab.Has(s)) {
    Error(*map.Find(key), JoinPath(path, key),
          Tr("unknown {0} \"{1}\"; known: {2}", Translate(vocab.name().c_str()), s,
             vocab.KnownValues()));
  }
  return s;
}

std::vector<std::string> RecordReader::Strings(const Value& map, const char* key,
                                               const std::string& path) {
  std::vector<std::string> out;
  const Value* v = map.Find(key);
  if (!v || v->is_null()) return out;
  if (!v->is_sequence()) {
    Error(*v, JoinPath(path, key), _("a list is expected ([\"a\", \"b\"])"));
    return out;
  }
  out.reserve(v->items().size());
  for (std::size_t i = 0; i < v->items().size(); ++i) {
    const Value& item = v->items()[i];
    std::string p = JoinPath(path, key) + "[" + std::to_string(i) + "]";
    if (!item.is_scalar()) {
      Error(item, p, _("a single value is expected"));
      continue;
    }
    if (!item.quoted() && PlainScalarIsNotString(item.text()))
      Error(item, p, Tr("unquoted {0} must be quoted: \"{0}\"", item.text()));
    out.push_back(item.text());
  }
  return out;
}

Date RecordReader::DateField(const Value& map, const char* key, const std::string& path,
                             bool required) {
  const Value* v = ScalarAt(map, key, path, required);
  if (!v) return {};
  auto d = Date::Parse(v->text());
  if (!d) {
    Error(*v, JoinPath(path, key), Tr("{0} is not a date (YYYY-MM-DD)", v->text()));
    return {};
  }
  return *d;
}

Timestamp RecordReader::TimeField(const Value& map, const char* key, const std::string& path,
                                  bool required) {
  const Value* v = ScalarAt(map, key, path, required);
  if (!v) return {};
  auto t = Timestamp::Parse(v->text());
  if (!t) {
    Error(*v, JoinPath(path, key),
          Tr("{0} is not a time with offset (2026-03-02T09:30:00+08:00)", v->text()));
    return {};
  }
  return *t;
}

std::int64_t RecordReader::Int(const Value& map, const char* key, const std::string& path,
                               std::int64_t fallback, bool required) {
  const Value* v = ScalarAt(map, key, path, required);
  if (!v) return fallback;
  const std::string& s = v->text();
  // At most 12 digits, no sign, no leading zero: a count or a sum in fen, never
  // anything near the range of std::int64_t.
  std::int64_t n = 0;
  bool ok = !s.empty() && s.size() <= 12 && (s == "0" || s[0] != '0') &&
            s.find_first_not_of("0123456789") == std::string::npos;
  if (ok) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    ok = ec == std::errc() && end == s.data() + s.size();
  }
  if (!ok) {
    Error(*v, JoinPath(path, key), Tr("{0} is not a whole number", s));
    return fallback;
  }
  return n;
}

bool RecordReader::Bool(const Value& map, const char* key, const std::string& path, bool fallback) {
  const Value* v = ScalarAt(map, key, path, false);
  if (!v) return fallback;
  if (!v->quoted() && v->text() == "true") return true;
  if (!v->quoted() && v->text() == "false") return false;
  Error(*v, JoinPath(path, key), Tr("{0} is not true or false", v->text()));
  return fallback;
}

std::optional<Money> RecordReader::Money(const Value& map, const char* key,
                                         const std::string& path) {
  const Value* v = ScalarAt(map, key, path, false);
  if (!v) return std::nullopt;
  const std::string& s = v->text();
  // Store form: digits with an optional dot and one or two decimals.
  bool shape_ok = !s.empty();
  int dots = 0, decimals = 0;
  for (char c : s) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      shape_ok = false;
    } else if (dots) {
      ++decimals;
    }
  }
  auto fen = shape_ok && dots <= 1 && decimals <= 2 ? ParseYuanToFen(s) : std::nullopt;
  if (!fen || *fen < 0) {
    Error(*v, JoinPath(path, key), Tr("{0} is not an amount in yuan (\"3500.00\")", s));
    return std::nullopt;
  }
  return Money::FromFen(*fen);
}

void RecordReader::WarnUnknownKeys(const Value& map, const std::string& path,
                                   std::initializer_list<const char*> known) {
  for (const auto& [k, v] : map.entries()) {
    bool found = false;
    for (const char* name : known) found = found || k == name;
    if (!found) Warning(v, JoinPath(path, k), _("unknown field (kept as is)"));
  }
}

Value RecordReader::KeepUnknownKeys(const Value& map, const std::string& path,
                                    std::initializer_list<const char*> known) {
  WarnUnknownKeys(map, path, known);
  Value kept = Value::Map();
  for (const auto& [k, v] : map.entries()) {
    bool found = false;
    for (const char* name : known) found = found || k == name;
    if (!found) kept.entries().emplace_back(k, v);
  }
  return kept;
}

void WriteUnknownKeys(const Value& unknown, Value* out) {
  for (const auto& [k, v] : unknown.entries())
    if (!out->Find(k)) out->entries().emplace_back(k, v);
}

}  // namespace mediate
