#include "period.hpp"

#include <cctype>

#include "i18n.hpp"

namespace mediate {
namespace {

// Parses 4 digits; -1 otherwise.
int Year4(const std::string& s) {
  if (s.size() != 4) return -1;
  for (char ch : s)
    if (!std::isdigit(static_cast<unsigned char>(ch))) return -1;
  return std::stoi(s);
}

Date EndOfMonth(int year, unsigned month) {
  Date first = month == 12 ? *Date::FromYmd(year + 1, 1, 1) : *Date::FromYmd(year, month + 1, 1);
  return first.AddDays(-1);
}

}  // namespace

Period YearPeriod(int year) {
  Period p;
  p.from = *Date::FromYmd(year, 1, 1);
  p.to = *Date::FromYmd(year, 12, 31);
  p.name = std::to_string(year);
  return p;
}

Result<Period> ParsePeriod(const PeriodOptions& o) {
  int whole = !o.year.empty() + !o.quarter.empty() + !o.month.empty();
  if (whole > 1) return Status::Usage(_("give one of --year, --quarter and --month"));
  if (whole == 1 && (!o.from.empty() || !o.to.empty()))
    return Status::Usage(_("give either --year/--quarter/--month or --from/--to, not both"));
  Period p;
  if (!o.year.empty()) {
    int y = Year4(o.year);
    if (y < 1900) return Status::Usage(Tr("--year \"{0}\" is not a year (2022)", o.year));
    return YearPeriod(y);
  }
  if (!o.quarter.empty()) {
    std::string q = o.quarter;
    int y = q.size() >= 6 ? Year4(q.substr(0, 4)) : -1;
    std::string rest = q.size() >= 6 ? q.substr(4) : "";
    if (!rest.empty() && rest[0] == '-') rest = rest.substr(1);
    if (y < 1900 || rest.size() != 2 || (rest[0] != 'Q' && rest[0] != 'q') || rest[1] < '1' ||
        rest[1] > '4')
      return Status::Usage(Tr("--quarter \"{0}\" is not a quarter (2026Q1)", q));
    unsigned n = static_cast<unsigned>(rest[1] - '0');
    p.from = *Date::FromYmd(y, 3 * n - 2, 1);
    p.to = EndOfMonth(y, 3 * n);
    p.name = std::to_string(y) + "Q" + std::to_string(n);
    return p;
  }
  if (!o.month.empty()) {
    auto d = o.month.size() == 7 ? Date::Parse(o.month + "-01") : std::nullopt;
    if (!d) return Status::Usage(Tr("--month \"{0}\" is not a month (2026-03)", o.month));
    p.from = *d;
    p.to = EndOfMonth(d->year(), d->month());
    p.name = o.month;
    return p;
  }
  if (!o.from.empty()) {
    auto d = Date::Parse(o.from);
    if (!d) return Status::Usage(Tr("--{0} \"{1}\" is not a date (YYYY-MM-DD)", "from", o.from));
    p.from = *d;
  }
  if (!o.to.empty()) {
    auto d = Date::Parse(o.to);
    if (!d) return Status::Usage(Tr("--{0} \"{1}\" is not a date (YYYY-MM-DD)", "to", o.to));
    p.to = *d;
  }
  if (p.from.valid() && p.to.valid() && p.to < p.from)
    return Status::Usage(Tr("--to {0} is before --from {1}", o.to, o.from));
  if (p.set()) p.name = o.from + ".." + o.to;
  return p;
}

}  // namespace mediate
