#include "alerts.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "i18n.hpp"
#include "pii.hpp"
#include "record_reader.hpp"
#include "store.hpp"
#include "timeline.hpp"
#include "vocab.hpp"

namespace mediate {

namespace {

std::string Days(std::int64_t n) {
  return TrN("{0} day", "{0} days", static_cast<unsigned long>(n), n);
}

/// Hours as people say them, in the interface's language: "2 hours",
/// "1 day", "3 days 4 hours" (Chinese "2 小时", "3 天 4 小时").
std::string Hours(std::int64_t h) {
  if (h < 24) return TrN("{0} hour", "{0} hours", static_cast<unsigned long>(h), h);
  std::int64_t d = h / 24, rest = h % 24;
  if (!rest) return Days(d);
  return Tr("{0} {1}", Days(d),
            TrN("{0} hour", "{0} hours", static_cast<unsigned long>(rest), rest));
}

/// A code of the vocabulary `list` as the interface shows it: its Chinese
/// label when translation is on (and the code has one), else the code.
std::string Shown(const char* list, const std::string& code) {
  if (!TranslationOn()) return code;
  std::string zh = Vocabulary::Builtin().Get(list).Zh(code);
  return zh.empty() ? code : zh;
}

/// A masked party key (MaskPartyKey) for messages (PIPL Art. 28; Law Art. 15).
std::string ShowParty(const std::string& masked, bool organisation) {
  auto bar = masked.find('|');
  if (bar != std::string::npos) return masked.substr(0, bar) + " " + masked.substr(bar + 1);
  return organisation ? Tr("credit code {0}", masked) : Tr("ID {0}", masked);
}

}  // namespace

Result<AlertSettings> AlertSettings::FromValue(const Value* v, const std::string& file) {
  AlertSettings s;
  if (!v || v->is_null()) return s;
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  if (!r.ExpectMap(*v, "alerts")) return sink.ToStatus(Tr("bad alerts settings in {0}", file));
  auto get = [&](const char* key, int fallback, int minimum) {
    std::size_t errors = sink.error_count();
    int n = static_cast<int>(r.Int(*v, key, "alerts", fallback));
    if (sink.error_count() == errors && n < minimum && v->Find(key))
      r.Error(*v->Find(key), std::string("alerts.") + key, Tr("must be at least {0}", minimum));
    return n;
  };
  s.near_deadline_days = get("near_deadline_days", s.near_deadline_days, 0);
  s.repeat_window_days = get("repeat_window_days", s.repeat_window_days, 1);
  s.repeat_party_cases = get("repeat_party_cases", s.repeat_party_cases, 2);
  s.repeat_grid_cases = get("repeat_grid_cases", s.repeat_grid_cases, 2);
  s.mass_people = get("mass_people", s.mass_people, 2);
  for (const auto& [k, item] : v->entries()) {
    if (k == "near_deadline_days" || k == "repeat_window_days" || k == "repeat_party_cases" ||
        k == "repeat_grid_cases" || k == "mass_people")
      continue;
    r.Error(item, "alerts." + k,
            Tr("unknown field \"{0}\" in {1}; known fields: {2}", k, "alerts",
               "near_deadline_days, repeat_window_days, repeat_party_cases, "
               "repeat_grid_cases, mass_people"));
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad alerts settings in {0}", file)));
  return s;
}

Value AlertSettings::ToValue() const {
  Value v = Value::Map();
  v.Set("near_deadline_days", Value::Int(near_deadline_days));
  v.Set("repeat_window_days", Value::Int(repeat_window_days));
  v.Set("repeat_party_cases", Value::Int(repeat_party_cases));
  v.Set("repeat_grid_cases", Value::Int(repeat_grid_cases));
  v.Set("mass_people", Value::Int(mass_people));
  return v;
}

Result<AlertSettings> LoadAlertSettings(const Store& store) {
  auto v = store.ReadYaml("mediate.yaml");
  if (!v.ok()) return v.status();
  return AlertSettings::FromValue(v->Find("alerts"), "mediate.yaml");
}

AlertScan::AlertScan(Timestamp now, Date today, const Settings& settings,
                     const AlertSettings& thresholds)
    : now_(now),
      today_(today),
      settings_(settings),
      a_(thresholds),
      window_start_(today.AddDays(-thresholds.repeat_window_days)) {}

void AlertScan::Add(const CaseSummary& c) {
  const bool pending = IsPendingStatus(c.status);
  const auto status = ParseCaseStatus(c.status);
  if (pending && (c.risk == "red" || c.risk == "orange") &&
      (status == CaseStatus::kReceived || status == CaseStatus::kRouted)) {
    auto it = settings_.risk.find(c.risk);
    if (it != settings_.risk.end() && now_.valid()) {
      std::int64_t due = c.received_unix + std::int64_t{it->second.response_hours} * 3600;
      if (now_.unix_seconds > due) {
        std::int64_t late = (now_.unix_seconds - due) / 3600;
        risk_.push_back({"risk_response",
                         {c.id},
                         Tr("{0} risk, still {1} with no mediator {2} after receipt; the "
                            "response time is {3} ({4}), exceeded by {5}",
                            Shown("risk", c.risk), Shown("status", c.status),
                            Hours((now_.unix_seconds - c.received_unix) / 3600),
                            Hours(it->second.response_hours), it->second.action, Hours(late)),
                         ""});
      }
    }
  }
  if (pending && c.deadline.valid() && today_.valid()) {
    int left = today_.DaysUntil(c.deadline);
    if (left < 0)
      overdue_.push_back({"overdue",
                          {c.id},
                          Tr("deadline {0} passed {1} ago; still {2}", c.deadline.ToString(),
                             Days(-left), Shown("status", c.status)),
                          ""});
    else if (left <= a_.near_deadline_days)
      near_.push_back({"near_deadline",
                       {c.id},
                       left == 0 ? Tr("deadline {0} is today; still {1}", c.deadline.ToString(),
                                      Shown("status", c.status))
                                 : Tr("deadline {0} is in {1}; still {2}", c.deadline.ToString(),
                                      Days(left), Shown("status", c.status)),
                       ""});
  }
  if (pending && c.people_involved >= a_.mass_people)
    mass_.push_back(
        {"mass",
         {c.id},
         TrN("{0} person involved (mass dispute: {1} or more)",
             "{0} people involved (mass dispute: {1} or more)",
             static_cast<unsigned long>(c.people_involved), c.people_involved, a_.mass_people),
         ""});
  if (c.received.valid() && c.received >= window_start_ && c.received <= today_) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < c.party_hashes.size(); ++i) {
      const std::string& k = c.party_hashes[i];
      if (k.empty()) continue;  // a name alone
      if (!seen.insert(k).second) continue;
      by_party_[k].insert(c.id);
      if (i < c.party_masked.size() && !shown_.count(k)) {
        bool org = i < c.party_kinds.size() && c.party_kinds[i] == "organisation";
        shown_[k] = ShowParty(c.party_masked[i], org);
      }
    }
    if (!c.grid.empty()) by_grid_[c.grid].insert(c.id);
  }
}

std::vector<Alert> AlertScan::Finish() {
  std::vector<Alert> party, grid;
  for (const auto& [k, ids] : by_party_) {
    if (static_cast<int>(ids.size()) < a_.repeat_party_cases) continue;
    party.push_back(
        {"repeated_party",
         {ids.begin(), ids.end()},
         TrN("the same party ({0}) in {1} case received since {2} ({3})",
             "the same party ({0}) in {1} cases received since {2} ({3})", ids.size(), shown_[k],
             ids.size(), window_start_.ToString(), Days(a_.repeat_window_days)),
         shown_[k]});
  }
  for (const auto& [g, ids] : by_grid_) {
    if (static_cast<int>(ids.size()) < a_.repeat_grid_cases) continue;
    grid.push_back({"repeated_grid",
                    {ids.begin(), ids.end()},
                    TrN("grid {0} in {1} case received since {2} ({3} or more in {4})",
                        "grid {0} in {1} cases received since {2} ({3} or more in {4})", ids.size(),
                        g, ids.size(), window_start_.ToString(), a_.repeat_grid_cases,
                        Days(a_.repeat_window_days)),
                    g});
  }
  std::vector<Alert> out;
  for (auto* list : {&risk_, &overdue_, &near_, &party, &grid, &mass_}) {
    std::sort(list->begin(), list->end(),
              [](const Alert& x, const Alert& y) { return x.case_ids < y.case_ids; });
    out.insert(out.end(), list->begin(), list->end());
  }
  return out;
}

std::string AlertKindLabel(const std::string& kind) {
  if (kind == "risk_response") return "风险响应超时";
  if (kind == "overdue") return "逾期未结";
  if (kind == "near_deadline") return "临近期限";
  if (kind == "repeated_party") return "同一当事人重复纠纷";
  if (kind == "repeated_grid") return "同一网格多发纠纷";
  if (kind == "mass") return "群体性纠纷";
  return "";
}

std::vector<Alert> ComputeAlerts(const std::vector<CaseSummary>& cases, Timestamp now, Date today,
                                 const Settings& settings, const AlertSettings& thresholds) {
  AlertScan scan(now, today, settings, thresholds);
  for (const CaseSummary& c : cases) scan.Add(c);
  return scan.Finish();
}

}  // namespace mediate
