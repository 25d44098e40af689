#include "erasure.hpp"

#include "i18n.hpp"
#include "lifecycle.hpp"
#include "timeline.hpp"
#include "timeline_labels.hpp"

namespace mediate {

std::optional<int> RetentionYears(std::string_view retention) {
  if (retention == "long") return 30;
  if (retention == "short") return 10;
  return std::nullopt;
}

std::optional<Date> RetentionEnds(const Case& c, const Settings& settings) {
  const Derived d = Replay(c, settings);
  if (d.status != CaseStatus::kClosed || d.closed_event < 0) return std::nullopt;
  const Value* r = c.events[static_cast<std::size_t>(d.closed_event)].payload.Find("retention");
  const auto years = r && r->is_scalar() ? RetentionYears(r->text()) : std::nullopt;
  if (!years) return std::nullopt;
  return Date::FromYmd(d.closed.year() + 1 + *years, 1, 1);
}

Status CheckErasure(const Case& c, const Settings& settings, Date today, std::string_view basis) {
  for (const auto& e : c.events)
    if (e.type == CodeOf(EventKind::kErased))
      return Status::Rejected(
          Tr("the personal data of {0} was erased already, on {1} by {2}; nothing was written",
             c.id, e.at.ToString(), e.by));
  if (!basis.empty()) return Status::Ok();
  const Derived d = Replay(c, settings);
  if (d.status != CaseStatus::kClosed)
    return Status::Rejected(
        Tr("{0} is \"{1}\", not closed: its case file is still in use (People's Mediation Law "
           "Art. 27), so its personal data is erased only on a legal ground — give it with "
           "--basis; nothing was written",
           c.id, ShownStatus(CodeOf(d.status))));
  const Value* r = c.events[static_cast<std::size_t>(d.closed_event)].payload.Find("retention");
  const std::string retention =
      settings.vocab.Get("retention").Shown(r && r->is_scalar() ? r->text() : "");
  const auto ends = RetentionEnds(c, settings);
  if (!ends)
    return Status::Rejected(
        Tr("{0}'s case file is kept without end (retention \"{1}\"), so its personal data is "
           "erased only on a legal ground (PIPL Art. 47) — give it with --basis; nothing was "
           "written",
           c.id, retention));
  if (today < *ends)
    return Status::Rejected(
        Tr("{0}'s case file is kept until {1} (retention \"{2}\", closed {3}): within the period "
           "its personal data is erased only on a legal ground (PIPL Art. 47) — give it with "
           "--basis; nothing was written",
           c.id, ends->AddDays(-1).ToString(), retention, d.closed.ToString()));
  return Status::Ok();
}

}  // namespace mediate
