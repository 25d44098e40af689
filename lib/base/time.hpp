// Calendar dates, instants with their UTC offset, the store's time zone,
// and the clock (which tests pin).
//
// Store values: dates are "YYYY-MM-DD"; times are RFC 3339 with
// an offset ("2026-03-02T09:30:00+08:00"). Which day or month a time falls
// in is decided by the store's time zone, never the machine's.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mediate {

/// A calendar date, held as days since 1970-01-01. Default: no date.
class Date {
 public:
  Date() = default;
  static Date FromDays(std::int32_t days) { return Date(days); }
  /// From a year/month/day; nullopt when the date does not exist.
  static std::optional<Date> FromYmd(int year, unsigned month, unsigned day);
  /// Parses exactly "YYYY-MM-DD"; nullopt on any other shape or an
  /// impossible date (2023-02-29).
  static std::optional<Date> Parse(std::string_view text);

  bool valid() const { return days_ != kNone; }
  std::int32_t days() const { return days_; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  /// "YYYY-MM-DD"; "" when no date.
  std::string ToString() const;
  /// "YYYY-MM"; "" when no date.
  std::string MonthString() const;
  Date AddDays(int n) const { return Date(days_ + n); }
  /// Days from this date to `later` (negative when later is earlier).
  int DaysUntil(Date later) const { return later.days_ - days_; }

  friend bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend auto operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }

 private:
  static constexpr std::int32_t kNone = INT32_MIN;
  explicit Date(std::int32_t d) : days_(d) {}
  std::int32_t days_ = kNone;
};

/// An instant with the UTC offset it was written with (seconds since the
/// epoch, UTC). Default: no time.
struct Timestamp {
  std::int64_t unix_seconds = INT64_MIN;
  std::int32_t offset_minutes = 0;  ///< as written, e.g. +480 for +08:00

  bool valid() const { return unix_seconds != INT64_MIN; }
  /// Parses RFC 3339 with an explicit offset or Z ("2026-03-02T09:30:00+08:00");
  /// nullopt otherwise or when the date/time does not exist.
  static std::optional<Timestamp> Parse(std::string_view text);
  /// RFC 3339 in the offset it carries: "2026-03-02T09:30:00+08:00".
  std::string ToString() const;

  friend bool operator==(const Timestamp& a, const Timestamp& b) {
    return a.unix_seconds == b.unix_seconds;
  }
  friend auto operator<=>(const Timestamp& a, const Timestamp& b) {
    return a.unix_seconds <=> b.unix_seconds;
  }
};

/// The store's time zone (IANA name, e.g. "Asia/Shanghai"), from the system
/// tz database. Decides the local day and month of an instant.
class TimeZone {
 public:
  /// Looks up `name`; nullopt when the tz database does not know it.
  static std::optional<TimeZone> Find(const std::string& name);
  const std::string& name() const { return name_; }
  /// The calendar date of `t` in this zone.
  Date LocalDate(const Timestamp& t) const;
  /// `t` rewritten with this zone's offset at that instant.
  Timestamp ToLocal(const Timestamp& t) const;
  /// The instant of local wall time `date` hh:mm:ss in this zone.
  Timestamp At(Date date, int hour = 0, int minute = 0, int second = 0) const;

 private:
  std::string name_;
  const void* zone_ = nullptr;  // const date::time_zone*
};

/// Where "now" comes from. The real clock reads the system; tests and the
/// CLI (`--now`, `MEDIATE_NOW`) pin it with a FixedClock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

/// The system clock (the library reads no environment variable).
const Clock& DefaultClock();

/// A clock fixed at one instant (tests, `--now`).
class FixedClock : public Clock {
 public:
  explicit FixedClock(Timestamp t) : t_(t) {}
  Timestamp Now() const override { return t_; }

 private:
  Timestamp t_;
};

}  // namespace mediate
