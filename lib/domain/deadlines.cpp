#include "deadlines.hpp"

#include <algorithm>

#include "i18n.hpp"

namespace mediate {
namespace {

int KindRank(const std::string& kind) {
  if (kind == "conclude") return 0;
  if (kind == "confirmation") return 1;
  return 2;
}

std::string ConcludeRule(const Case& c, const Derived& d) {
  const int days = d.limit_days;
  std::string rule;
  if (c.source == "court_delegated")
    rule = Tr("court-delegated mediation: {0} days from receipt of the materials (SPC 2016)", days);
  else if (c.source == "court_entrusted" && c.procedure == "court_summary")
    rule =
        Tr("court-entrusted mediation (summary procedure): {0} days from receipt of the materials "
           "(SPC 2016)",
           days);
  else if (c.source == "court_entrusted")
    rule =
        Tr("court-entrusted mediation (ordinary procedure): {0} days from receipt of the materials "
           "(SPC 2016)",
           days);
  else
    rule = Tr("conclude within {0} days of acceptance (2002 Provisions Art. 33)", days);
  if (d.extended) rule = Tr("{0}; extended with both parties' consent", rule);
  return rule;
}

}  // namespace

std::vector<Deadline> CaseDeadlines(const Case& c, const Derived& d, const Settings& settings) {
  std::vector<Deadline> out;
  const std::string& s = d.state.status;
  if (IsPendingStatus(s) && d.state.deadline.valid())
    out.push_back({"conclude", d.state.deadline, ConcludeRule(c, d)});
  if ((s == "agreed" || s == "closed") && d.agreement_effective.valid() &&
      !d.confirmation_applied.valid() && d.confirmation.empty()) {
    int days = settings.limits.confirmation_days;
    out.push_back(
        {"confirmation", d.agreement_effective.AddDays(days),
         Tr("judicial confirmation applied for within {0} days of the agreement taking effect "
            "(Law Art. 33)",
            days)});
  }
  if (s == "agreed" && !d.visited.valid() && !d.visit_waived) {
    Date from = d.performance_deadline.valid() ? d.performance_deadline : d.agreement_effective;
    if (!from.valid()) from = d.concluded;
    if (from.valid())
      out.push_back({"visit", from.AddDays(1),
                     d.performance_deadline.valid()
                         ? Tr("return visit after the performance deadline {0} (Law Art. 31)",
                              d.performance_deadline.ToString())
                         : std::string(_("return visit after the agreement (Law Art. 31)"))});
  }
  return out;
}

std::string DeadlineKindLabel(const std::string& kind) {
  if (kind == "conclude") return "调结期限";
  if (kind == "confirmation") return "司法确认申请期限";
  if (kind == "visit") return "回访";
  return "";
}

std::string DaysLeftText(int days_left) {
  if (days_left == 0) return _("due today");
  const unsigned long n = static_cast<unsigned long>(days_left < 0 ? -days_left : days_left);
  if (days_left > 0) return TrN("{0} day left", "{0} days left", n, n);
  return TrN("{0} day overdue", "{0} days overdue", n, n);
}

std::string DeadlineStateText(const Deadline& deadline, int days_left) {
  if (deadline.kind == "confirmation" && days_left < 0) {
    const unsigned long n = static_cast<unsigned long>(-days_left);
    return TrN("window closed {0} day ago", "window closed {0} days ago", n, n);
  }
  return DaysLeftText(days_left);
}

std::optional<int> ParseDaySpan(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::string digits = text;
  int factor = 1;
  if (digits.back() == 'd' || digits.back() == 'D') {
    digits.pop_back();
  } else if (digits.back() == 'w' || digits.back() == 'W') {
    digits.pop_back();
    factor = 7;
  }
  if (digits.empty() || digits.size() > 5) return std::nullopt;
  int n = 0;
  for (char ch : digits) {
    if (ch < '0' || ch > '9') return std::nullopt;
    n = n * 10 + (ch - '0');
  }
  return n * factor;
}

std::vector<DueEntry> DueEntries(const Case& c, const Settings& settings, Date today,
                                 int within_days) {
  std::vector<DueEntry> out;
  Derived d = Replay(c, settings);
  Date horizon = today.AddDays(within_days);
  for (Deadline& dl : CaseDeadlines(c, d, settings)) {
    if (dl.due > horizon) continue;
    if (dl.kind == "confirmation" && dl.due < today) continue;  // the window has closed
    DueEntry e;
    e.id = c.id;
    e.category = c.category;
    e.org = d.state.org;
    e.status = d.state.status;
    e.days_left = today.DaysUntil(dl.due);
    e.deadline = std::move(dl);
    out.push_back(std::move(e));
  }
  return out;
}

DueList OrderDueEntries(std::vector<DueEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const DueEntry& a, const DueEntry& b) {
    int ka = KindRank(a.deadline.kind), kb = KindRank(b.deadline.kind);
    if (ka != kb) return ka < kb;
    if (a.deadline.due != b.deadline.due) return a.deadline.due < b.deadline.due;
    return a.id < b.id;
  });
  DueList out;
  for (const DueEntry& e : entries)
    if (e.days_left < 0) ++out.overdue;
  out.entries = std::move(entries);
  return out;
}

}  // namespace mediate
