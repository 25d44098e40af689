#include "alerts.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "pii.hpp"
#include "record_reader.hpp"
#include "store.hpp"
#include "timeline.hpp"

namespace mediate {

namespace {

/// Hours as people say them: "2 hours", "1 day", "3 days 4 hours".
std::string Hours(std::int64_t h) {
  if (h < 24) return std::to_string(h) + (h == 1 ? " hour" : " hours");
  std::int64_t d = h / 24, rest = h % 24;
  std::string s = std::to_string(d) + (d == 1 ? " day" : " days");
  if (rest) s += " " + std::to_string(rest) + (rest == 1 ? " hour" : " hours");
  return s;
}

std::string Days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

/// A masked party key (MaskPartyKey) for messages (PIPL Art. 28; Law Art. 15).
std::string ShowParty(const std::string& masked, bool organisation) {
  auto bar = masked.find('|');
  if (bar != std::string::npos) return masked.substr(0, bar) + " " + masked.substr(bar + 1);
  return (organisation ? "credit code " : "ID ") + masked;
}

}  // namespace

Result<AlertSettings> AlertSettings::FromValue(const Value* v, const std::string& file) {
  AlertSettings s;
  if (!v || v->is_null()) return s;
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  if (!r.ExpectMap(*v, "alerts")) return sink.ToStatus("bad alerts settings in " + file);
  auto get = [&](const char* key, int fallback, int minimum) {
    std::size_t errors = sink.error_count();
    int n = static_cast<int>(r.Int(*v, key, "alerts", fallback));
    if (sink.error_count() == errors && n < minimum && v->Find(key))
      r.Error(*v->Find(key), std::string("alerts.") + key,
              "must be at least " + std::to_string(minimum));
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
            "unknown field \"" + k +
                "\" in alerts; known fields: near_deadline_days, "
                "repeat_window_days, repeat_party_cases, repeat_grid_cases, mass_people");
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus("bad alerts settings in " + file));
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
                         c.risk + " risk, still " + c.status + " with no mediator " +
                             Hours((now_.unix_seconds - c.received_unix) / 3600) +
                             " after receipt; the response time is " +
                             Hours(it->second.response_hours) + " (" + it->second.action +
                             "), exceeded by " + Hours(late),
                         ""});
      }
    }
  }
  if (pending && c.deadline.valid() && today_.valid()) {
    int left = today_.DaysUntil(c.deadline);
    if (left < 0)
      overdue_.push_back({"overdue",
                          {c.id},
                          "deadline " + c.deadline.ToString() + " passed " + Days(-left) +
                              " ago; still " + c.status,
                          ""});
    else if (left <= a_.near_deadline_days)
      near_.push_back({"near_deadline",
                       {c.id},
                       "deadline " + c.deadline.ToString() + " is " +
                           (left == 0 ? std::string("today") : "in " + Days(left)) + "; still " +
                           c.status,
                       ""});
  }
  if (pending && c.people_involved >= a_.mass_people)
    mass_.push_back({"mass",
                     {c.id},
                     std::to_string(c.people_involved) + " people involved (mass dispute: " +
                         std::to_string(a_.mass_people) + " or more)",
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
    party.push_back({"repeated_party",
                     {ids.begin(), ids.end()},
                     "the same party (" + shown_[k] + ") in " + std::to_string(ids.size()) +
                         " cases received since " + window_start_.ToString() + " (" +
                         Days(a_.repeat_window_days) + ")",
                     shown_[k]});
  }
  for (const auto& [g, ids] : by_grid_) {
    if (static_cast<int>(ids.size()) < a_.repeat_grid_cases) continue;
    grid.push_back({"repeated_grid",
                    {ids.begin(), ids.end()},
                    "grid " + g + " in " + std::to_string(ids.size()) + " cases received since " +
                        window_start_.ToString() + " (" + std::to_string(a_.repeat_grid_cases) +
                        " or more in " + Days(a_.repeat_window_days) + ")",
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

std::vector<Alert> ComputeAlerts(const std::vector<CaseSummary>& cases, Timestamp now, Date today,
                                 const Settings& settings, const AlertSettings& thresholds) {
  AlertScan scan(now, today, settings, thresholds);
  for (const CaseSummary& c : cases) scan.Add(c);
  return scan.Finish();
}

}  // namespace mediate
