#include "settings.hpp"

#include "i18n.hpp"
#include "record_reader.hpp"
#include "schema_version.hpp"

namespace mediate {

std::map<std::string, RiskLevel> Settings::DefaultRisk() {
  return {
      {"red", {"red", 2, "跨部门、可能激化为刑事或群体性事件：立即上报"}},
      {"orange", {"orange", 24, "可能激化：当日处置"}},
      {"yellow", {"yellow", 72, "一般家庭邻里纠纷：就地化解"}},
      {"blue", {"blue", 168, "潜在风险：关注回访"}},
  };
}

Result<Settings> Settings::FromValue(const Value& root, const std::string& file) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  Settings s;
  if (!r.ExpectMap(root, "")) return sink.ToStatus(_("bad settings"));
  s.schema = r.String(root, "schema", "", true);
  if (!s.schema.empty() && s.schema != "settings/1")
    r.Error(*root.Find("schema"), "schema", SchemaMismatchMessage(s.schema, "settings/1"));
  if (const Value* d = root.Find("district"); d && r.ExpectMap(*d, "district")) {
    s.district_code = r.String(*d, "code", "district", true);
    s.district_name = r.String(*d, "name", "district", true);
  } else if (!d) {
    r.Error(root, "district", _("is required"));
  }
  s.office = r.String(root, "office", "", true);
  for (char c : s.office) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      r.Error(*root.Find("office"), "office",
              Tr("office code \"{0}\" must be upper-case letters and digits", s.office));
      break;
    }
  }
  if (std::string tz = r.String(root, "time_zone", ""); !tz.empty()) s.time_zone_name = tz;
  if (auto tz = TimeZone::Find(s.time_zone_name)) {
    s.time_zone = *tz;
  } else {
    r.Error(root.Find("time_zone") ? *root.Find("time_zone") : root, "time_zone",
            Tr("unknown time zone \"{0}\" (an IANA name like Asia/Shanghai)", s.time_zone_name));
  }
  s.file_no_word = r.String(root, "file_no_word", "");
  if (const Value* l = root.Find("time_limits"); l && r.ExpectMap(*l, "time_limits")) {
    auto days = [&](const char* key, int fallback) {
      return static_cast<int>(r.Int(*l, key, "time_limits", fallback));
    };
    s.limits.conclude_days = days("conclude_days", s.limits.conclude_days);
    s.limits.court_delegated_days = days("court_delegated_days", s.limits.court_delegated_days);
    s.limits.court_entrusted_ordinary_days =
        days("court_entrusted_ordinary_days", s.limits.court_entrusted_ordinary_days);
    s.limits.court_entrusted_summary_days =
        days("court_entrusted_summary_days", s.limits.court_entrusted_summary_days);
    s.limits.confirmation_days = days("confirmation_days", s.limits.confirmation_days);
  }
  s.risk = DefaultRisk();
  if (const Value* rk = root.Find("risk"); rk && r.ExpectMap(*rk, "risk")) {
    for (const auto& [code, v] : rk->entries()) {
      std::string path = "risk." + code;
      if (!Vocabulary::Builtin().risk().Has(code)) {
        r.Error(v, path,
                Tr("unknown risk \"{0}\"; known: {1}", code,
                   Vocabulary::Builtin().risk().KnownValues()));
        continue;
      }
      if (!r.ExpectMap(v, path)) continue;
      RiskLevel level{code, static_cast<int>(r.Int(v, "response_hours", path, 0, true)),
                      r.String(v, "action", path)};
      s.risk[code] = level;
    }
  }
  auto vocab = Vocabulary::WithExtensions(root.Find("vocab"), file);
  if (vocab.ok()) {
    s.vocab = std::move(vocab.value());
  } else {
    sink.Append(vocab.status().diagnostics());
  }
  if (const Value* rt = root.Find("retention"); rt && r.ExpectMap(*rt, "retention")) {
    for (const auto& [outcome, v] : rt->entries()) {
      const std::string path = "retention." + outcome;
      if (!s.vocab.outcome().Has(outcome)) {
        r.Error(v, path,
                Tr("unknown {0} \"{1}\"; known: {2}", _("outcome"), outcome,
                   s.vocab.outcome().KnownValues()));
        continue;
      }
      const Term* t = v.is_scalar() ? s.vocab.Get("retention").Resolve(v.text()) : nullptr;
      if (!t) {
        r.Error(v, path,
                v.is_scalar() ? Tr("retention period is one of {0}, not \"{1}\"",
                                   s.vocab.Get("retention").KnownValues(), v.text())
                              : Tr("retention period is one of {0}, not a list or map",
                                   s.vocab.Get("retention").KnownValues()));
        continue;
      }
      s.retention[outcome] = t->code;
    }
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad settings in {0}", file)));
  return s;
}

Value Settings::ToValue() const {
  Value root = Value::Map();
  root.Set("schema", Value::String(schema));
  Value d = Value::Map();
  d.Set("code", Value::String(district_code));
  d.Set("name", Value::String(district_name));
  root.Set("district", std::move(d));
  root.Set("office", Value::String(office));
  root.Set("time_zone", Value::String(time_zone_name));
  root.SetIfNotEmpty("file_no_word", file_no_word);
  Value l = Value::Map();
  l.Set("conclude_days", Value::Int(limits.conclude_days));
  l.Set("court_delegated_days", Value::Int(limits.court_delegated_days));
  l.Set("court_entrusted_ordinary_days", Value::Int(limits.court_entrusted_ordinary_days));
  l.Set("court_entrusted_summary_days", Value::Int(limits.court_entrusted_summary_days));
  l.Set("confirmation_days", Value::Int(limits.confirmation_days));
  root.Set("time_limits", std::move(l));
  Value rk = Value::Map();
  for (const char* code : {"red", "orange", "yellow", "blue"}) {
    auto it = risk.find(code);
    if (it == risk.end()) continue;
    Value v = Value::Map();
    v.Set("response_hours", Value::Int(it->second.response_hours));
    v.SetIfNotEmpty("action", it->second.action);
    rk.Set(code, std::move(v.set_flow()));
  }
  root.Set("risk", std::move(rk));
  if (!retention.empty()) {
    Value rt = Value::Map();
    for (const auto& [outcome, code] : retention) rt.Set(outcome, Value::String(code));
    root.Set("retention", std::move(rt));
  }
  return root;
}

}  // namespace mediate
