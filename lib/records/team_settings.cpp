#include "team_settings.hpp"

#include "i18n.hpp"
#include "record_reader.hpp"

namespace mediate {

namespace {

int Percent(RecordReader& r, const Value& map, const char* key, const std::string& path,
            int fallback) {
  int n = static_cast<int>(r.Int(map, key, path, fallback));
  if (n > 100 && map.Find(key))
    r.Error(*map.Find(key), JoinPath(path, key), Tr("{0} is not a percentage (0–100)", n));
  return n;
}

}  // namespace

Result<TeamSettings> TeamSettings::FromValue(const Value& root, const std::string& file) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  TeamSettings t;
  if (!root.is_map()) return t;
  if (const Value* tr = root.Find("training"); tr && r.ExpectMap(*tr, "training")) {
    t.training_yearly_hours =
        static_cast<int>(r.Int(*tr, "yearly_hours", "training", t.training_yearly_hours));
  }
  if (const Value* st = root.Find("staffing"); st && r.ExpectMap(*st, "staffing")) {
    if (const Value* ft = st->Find("full_time"); ft && r.ExpectMap(*ft, "staffing.full_time")) {
      for (const auto& [kind, v] : ft->entries()) {
        (void)v;
        t.full_time_norm[kind] =
            static_cast<int>(r.Int(*ft, kind.c_str(), "staffing.full_time", 0, true));
      }
    }
  }
  if (const Value* gs = root.Find("grades"); gs && r.ExpectMap(*gs, "grades")) {
    for (const auto& [key, v] : gs->entries()) {
      std::string path = "grades." + key;
      if (key.size() != 1 || key[0] < '1' || key[0] > '4') {
        r.Error(v, path, Tr("grades are \"1\" (highest) to \"4\", not \"{0}\"", key));
        continue;
      }
      if (!r.ExpectMap(v, path)) continue;
      int grade = key[0] - '0';
      GradeThresholds g = t.grades.count(grade) ? t.grades[grade] : GradeThresholds{};
      g.grade = grade;
      g.min_years = static_cast<int>(r.Int(v, "years", path, g.min_years));
      g.min_cases = static_cast<int>(r.Int(v, "cases", path, g.min_cases));
      g.min_success_percent = Percent(r, v, "success_percent", path, g.min_success_percent);
      g.max_oral_percent = Percent(r, v, "oral_percent_max", path, g.max_oral_percent);
      g.min_training_hours =
          static_cast<int>(r.Int(v, "training_hours", path, g.min_training_hours));
      g.max_escalations = static_cast<int>(r.Int(v, "escalations_max", path, g.max_escalations));
      r.WarnUnknownKeys(v, path,
                        {"years", "cases", "success_percent", "oral_percent_max", "training_hours",
                         "escalations_max"});
      t.grades[grade] = g;
    }
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad team settings in {0}", file)));
  return t;
}

void TeamSettings::AddTo(Value* root) const {
  Value tr = Value::Map();
  tr.Set("yearly_hours", Value::Int(training_yearly_hours));
  root->Set("training", std::move(tr.set_flow()));
  Value ft = Value::Map();
  for (const auto& [kind, n] : full_time_norm) ft.Set(kind, Value::Int(n));
  Value st = Value::Map();
  st.Set("full_time", std::move(ft.set_flow()));
  root->Set("staffing", std::move(st));
  Value gs = Value::Map();
  for (const auto& [grade, g] : grades) {
    Value v = Value::Map();
    auto put = [&](const char* key, int n) {
      if (n >= 0) v.Set(key, Value::Int(n));
    };
    put("years", g.min_years);
    put("cases", g.min_cases);
    put("success_percent", g.min_success_percent);
    put("oral_percent_max", g.max_oral_percent);
    put("training_hours", g.min_training_hours);
    put("escalations_max", g.max_escalations);
    gs.Set(std::to_string(grade), std::move(v.set_flow()));
  }
  root->Set("grades", std::move(gs));
}

}  // namespace mediate
