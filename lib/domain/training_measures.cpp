#include "training_measures.hpp"

#include "i18n.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace mediate {

namespace {

std::optional<int> ParseYear(const std::string& s) {
  if (s.size() != 4 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoi(s);
}

/// Measures with a given set of mediators as "the" group (for --by org):
/// coverage is over the active mediators of `members`.
TrainingMeasures MeasureFor(const std::vector<const Training*>& sessions,
                            const MediatorRegistry& mediators,
                            const std::function<bool(const Mediator&)>& member) {
  TrainingMeasures m;
  std::set<std::string> trained;
  for (const Training* t : sessions) {
    ++m.sessions;
    m.trainee_times += t->attendees.size();
    m.person_hours_tenths += static_cast<std::int64_t>(t->hours_tenths) * t->attendees.size();
    for (const auto& a : t->attendees) {
      auto it = mediators.find(a);
      if (it == mediators.end() || it->second.status != "active" || !member(it->second)) continue;
      trained.insert(a);
      m.active_hours_tenths += t->hours_tenths;
    }
  }
  for (const auto& [id, med] : mediators)
    if (med.status == "active" && member(med)) ++m.active_mediators;
  m.trained_active = trained.size();
  return m;
}

}  // namespace

double HoursOf(std::int64_t tenths) { return static_cast<double>(tenths) / 10.0; }

Result<DateRange> ParsePeriod(const std::string& years, const std::string& from,
                              const std::string& to) {
  DateRange r;
  if (!years.empty()) {
    if (!from.empty() || !to.empty())
      return Status::Usage(_("give either --years or --from/--to, not both"));
    std::string a = years, b = years;
    if (auto dash = years.find('-'); dash != std::string::npos) {
      a = years.substr(0, dash);
      b = years.substr(dash + 1);
    }
    auto ya = ParseYear(a), yb = ParseYear(b);
    if (!ya || !yb || *ya > *yb)
      return Status::Usage(
          Tr("--years \"{0}\" is not a year or a range of years (2020-2022)", years));
    r.from = *Date::FromYmd(*ya, 1, 1);
    r.to = *Date::FromYmd(*yb, 12, 31);
    return r;
  }
  if (!from.empty()) {
    auto d = Date::Parse(from);
    if (!d) return Status::Usage(Tr("{0} \"{1}\" is not a date (YYYY-MM-DD)", "--from", from));
    r.from = *d;
  }
  if (!to.empty()) {
    auto d = Date::Parse(to);
    if (!d) return Status::Usage(Tr("{0} \"{1}\" is not a date (YYYY-MM-DD)", "--to", to));
    r.to = *d;
  }
  if (r.from.valid() && r.to.valid() && r.to < r.from)
    return Status::Usage(Tr("--to {0} is before --from {1}", to, from));
  return r;
}

double TrainingMeasures::coverage() const {
  return active_mediators ? static_cast<double>(trained_active) / active_mediators : 0.0;
}

double TrainingMeasures::hours_per_mediator() const {
  return active_mediators ? HoursOf(active_hours_tenths) / active_mediators : 0.0;
}

TrainingMeasures MeasureTraining(const std::vector<Training>& trainings,
                                 const MediatorRegistry& mediators, const DateRange& period) {
  std::vector<const Training*> in;
  for (const auto& t : trainings)
    if (period.Contains(t.date)) in.push_back(&t);
  return MeasureFor(in, mediators, [](const Mediator&) { return true; });
}

std::vector<std::string> TrainingGroupNames() {
  return {"year", "kind", "level", "lecturer", "org", "mediator"};
}

Result<TrainingGroups> GroupTraining(
    const std::vector<Training>& trainings, const MediatorRegistry& mediators,
    const OrgRegistry& orgs, const DateRange& period, const std::string& by,
    const std::function<std::string(const std::string&)>& kind_label) {
  auto names = TrainingGroupNames();
  if (std::find(names.begin(), names.end(), by) == names.end()) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    return Status::Usage(Tr("cannot group training by \"{0}\"; use one of: {1}", by, known));
  }
  std::vector<const Training*> in;
  for (const auto& t : trainings)
    if (period.Contains(t.date)) in.push_back(&t);
  auto everyone = [](const Mediator&) { return true; };
  TrainingGroups out;
  out.by = by;
  if (by == "org" || by == "mediator") {
    std::map<std::string, std::string> groups;  // key → label
    for (const auto& [id, m] : mediators) {
      if (m.status != "active") continue;
      if (by == "org") {
        auto o = orgs.find(m.org);
        groups[m.org] = o == orgs.end() ? "" : o->second.name;
      } else {
        groups[id] = m.name;
      }
    }
    for (const auto& [key, label] : groups) {
      auto member = [&, key = key](const Mediator& m) {
        return by == "org" ? m.org == key : m.id == key;
      };
      std::vector<const Training*> mine;
      for (const Training* t : in)
        for (const auto& a : t->attendees) {
          auto it = mediators.find(a);
          if (it != mediators.end() && it->second.status == "active" && member(it->second)) {
            mine.push_back(t);
            break;
          }
        }
      out.groups.push_back({key, label, MeasureFor(mine, mediators, member)});
    }
  } else {
    std::map<std::string, std::vector<const Training*>> groups;
    for (const Training* t : in) {
      std::string key = by == "year"    ? std::to_string(t->date.year())
                        : by == "kind"  ? t->kind
                        : by == "level" ? t->level
                                        : t->lecturer;
      groups[key].push_back(t);
    }
    for (const auto& [key, sessions] : groups) {
      std::string label;
      if (by == "kind") label = kind_label(key);
      if (by == "lecturer") {
        auto it = mediators.find(key);
        label = it != mediators.end() ? it->second.name : key == "external" ? "外聘" : "";
      }
      out.groups.push_back({key, label, MeasureFor(sessions, mediators, everyone)});
    }
  }
  out.total = MeasureFor(in, mediators, everyone);
  return out;
}

TrainingDue FindTrainingDue(const std::vector<Training>& trainings,
                            const MediatorRegistry& mediators, int year, int required_hours) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> got;  // id → sessions, tenths
  for (const auto& t : trainings) {
    if (!t.date.valid() || t.date.year() != year) continue;
    for (const auto& a : t.attendees) {
      auto& g = got[a];
      ++g.first;
      g.second += t.hours_tenths;
    }
  }
  TrainingDue due;
  due.year = year;
  due.required_hours = required_hours;
  for (const auto& [id, m] : mediators) {
    if (m.status != "active") continue;
    if (m.filed.valid() && m.filed.year() > year) continue;
    auto it = got.find(id);
    std::int64_t sessions = it == got.end() ? 0 : it->second.first;
    std::int64_t tenths = it == got.end() ? 0 : it->second.second;
    if (tenths < static_cast<std::int64_t>(required_hours) * 10)
      due.below.push_back({&m, sessions, tenths});
  }
  std::sort(due.below.begin(), due.below.end(),
            [](const TrainingShortfall& a, const TrainingShortfall& b) {
              return a.hours_tenths != b.hours_tenths ? a.hours_tenths < b.hours_tenths
                                                      : a.mediator->id < b.mediator->id;
            });
  return due;
}

}  // namespace mediate
