#include "step_dates.hpp"

#include "i18n.hpp"
#include "timeline_labels.hpp"

namespace mediate {

Date EventDate(const Event& e, const Settings& settings) {
  if (const Value* d = e.payload.Find("date"); d && d->is_scalar()) {
    if (auto parsed = Date::Parse(d->text())) return *parsed;
  }
  return settings.time_zone.LocalDate(e.at);
}

bool IsDatedStep(EventKind kind) {
  return kind != EventKind::kNote && kind != EventKind::kAmended && kind != EventKind::kResolved &&
         kind != EventKind::kRenumbered && kind != EventKind::kErased;
}

PriorStep StepBefore(const Case& c, std::size_t n, EventKind kind, const Settings& settings) {
  const bool follows_all = InfoOf(kind).leads_to.has_value();
  PriorStep prior;
  for (std::size_t i = 0; i < n && i < c.events.size(); ++i) {
    const std::optional<EventKind> k = ParseEventKind(c.events[i].type);
    if (!k || !IsDatedStep(*k)) continue;
    // A status-changing step follows every step; any other the latest
    // status-changing one.
    if (!follows_all && !InfoOf(*k).leads_to) continue;
    const Date on = EventDate(c.events[i], settings);
    if (!on.valid()) continue;
    if (follows_all) {
      if (prior.index >= 0 && on < prior.date) continue;
    }
    prior = {static_cast<int>(i), c.events[i].type, on};
  }
  return prior;
}

Status CheckStepDate(const Case& c, EventKind kind, Date on, const Settings& settings) {
  if (!on.valid()) return Status::Ok();
  const PriorStep prior = StepBefore(c, c.events.size(), kind, settings);
  if (prior.index < 0 || !(on < prior.date)) return Status::Ok();
  return Status::Rejected(
      Tr("{0}: {1} dated {2} is before the {3} step it follows ({4}); a "
         "step cannot precede the one before it",
         c.id, ShownEvent(CodeOf(kind)), on.ToString(), ShownEvent(prior.type),
         prior.date.ToString()));
}

}  // namespace mediate
