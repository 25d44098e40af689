#include "time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cstdlib>

namespace mediate {
namespace {

using date::days;
using date::sys_days;

bool ParseDigits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

date::year_month_day Ymd(std::int32_t d) { return date::year_month_day{sys_days{days{d}}}; }

std::string TwoDigits(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

}  // namespace

std::optional<Date> Date::FromYmd(int year, unsigned month, unsigned day) {
  date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<std::int32_t>(sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::Parse(std::string_view t) {
  int y, m, d;
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  if (!ParseDigits(t, 0, 4, &y) || !ParseDigits(t, 5, 2, &m) || !ParseDigits(t, 8, 2, &d))
    return std::nullopt;
  return FromYmd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

int Date::year() const { return static_cast<int>(Ymd(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(Ymd(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(Ymd(days_).day()); }

std::string Date::ToString() const {
  if (!valid()) return "";
  auto ymd = Ymd(days_);
  return std::to_string(static_cast<int>(ymd.year())) + "-" +
         TwoDigits(static_cast<int>(static_cast<unsigned>(ymd.month()))) + "-" +
         TwoDigits(static_cast<int>(static_cast<unsigned>(ymd.day())));
}

std::string Date::MonthString() const {
  if (!valid()) return "";
  return ToString().substr(0, 7);
}

std::optional<Timestamp> Timestamp::Parse(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)
  if (t.size() < 20) return std::nullopt;
  auto d = Date::Parse(t.substr(0, 10));
  if (!d || (t[10] != 'T' && t[10] != 't') || t[13] != ':' || t[16] != ':') return std::nullopt;
  int hh, mm, ss;
  if (!ParseDigits(t, 11, 2, &hh) || !ParseDigits(t, 14, 2, &mm) || !ParseDigits(t, 17, 2, &ss))
    return std::nullopt;
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  std::size_t pos = 19;
  if (pos < t.size() && t[pos] == '.') {
    ++pos;
    std::size_t start = pos;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  int offset = 0;
  if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z')) {
    ++pos;
  } else if (pos + 6 == t.size() && (t[pos] == '+' || t[pos] == '-') && t[pos + 3] == ':') {
    int oh, om;
    if (!ParseDigits(t, pos + 1, 2, &oh) || !ParseDigits(t, pos + 4, 2, &om)) return std::nullopt;
    if (oh > 23 || om > 59) return std::nullopt;
    offset = (oh * 60 + om) * (t[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != t.size()) return std::nullopt;
  Timestamp ts;
  ts.unix_seconds = static_cast<std::int64_t>(d->days()) * 86400 + hh * 3600 + mm * 60 + ss -
                    static_cast<std::int64_t>(offset) * 60;
  ts.offset_minutes = offset;
  return ts;
}

std::string Timestamp::ToString() const {
  if (!valid()) return "";
  std::int64_t local = unix_seconds + static_cast<std::int64_t>(offset_minutes) * 60;
  std::int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  std::int64_t secs = local - day * 86400;
  std::string s = Date::FromDays(static_cast<std::int32_t>(day)).ToString() + "T" +
                  TwoDigits(static_cast<int>(secs / 3600)) + ":" +
                  TwoDigits(static_cast<int>(secs / 60 % 60)) + ":" +
                  TwoDigits(static_cast<int>(secs % 60));
  if (offset_minutes == 0) return s + "Z";
  int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  return s + (offset_minutes < 0 ? "-" : "+") + TwoDigits(off / 60) + ":" + TwoDigits(off % 60);
}

std::optional<TimeZone> TimeZone::Find(const std::string& name) {
  try {
    const date::time_zone* z = date::locate_zone(name);
    TimeZone tz;
    tz.name_ = name;
    tz.zone_ = z;
    return tz;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Timestamp TimeZone::ToLocal(const Timestamp& t) const {
  const auto* z = static_cast<const date::time_zone*>(zone_);
  date::sys_seconds tp{std::chrono::seconds{t.unix_seconds}};
  auto info = z->get_info(tp);
  Timestamp out = t;
  out.offset_minutes = static_cast<std::int32_t>(
      std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
  return out;
}

Date TimeZone::LocalDate(const Timestamp& t) const {
  Timestamp local = ToLocal(t);
  std::int64_t s = local.unix_seconds + static_cast<std::int64_t>(local.offset_minutes) * 60;
  std::int64_t day = s >= 0 ? s / 86400 : (s - 86399) / 86400;
  return Date::FromDays(static_cast<std::int32_t>(day));
}

Timestamp TimeZone::At(Date d, int hour, int minute, int second) const {
  const auto* z = static_cast<const date::time_zone*>(zone_);
  date::local_seconds lt{std::chrono::seconds{static_cast<std::int64_t>(d.days()) * 86400 +
                                              hour * 3600 + minute * 60 + second}};
  auto sys = z->to_sys(lt, date::choose::earliest);
  Timestamp t;
  t.unix_seconds = sys.time_since_epoch().count();
  return ToLocal(t);
}

namespace {

class SystemClock : public Clock {
 public:
  Timestamp Now() const override {
    Timestamp t;
    t.unix_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    return t;
  }
};

}  // namespace

const Clock& DefaultClock() {
  static const SystemClock kClock;
  return kClock;
}

}  // namespace mediate
