// Building cases for the unit tests of the timeline and the lifecycle: one
// neighbour dispute received in 东风社区 (万柏林街道), and the events that move
// it on, with times in the store's zone (Asia/Shanghai, +08:00).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "case.hpp"
#include "settings.hpp"

namespace mediate::test {

/// Settings of a store in Asia/Shanghai, everything else at its default.
inline Settings Shanghai() {
  Settings s;
  s.time_zone = *TimeZone::Find("Asia/Shanghai");
  return s;
}

/// The timestamp written `rfc3339` (must parse).
inline Timestamp T(const char* rfc3339) { return *Timestamp::Parse(rfc3339); }
/// The date written `ymd`, YYYY-MM-DD (must parse).
inline Date D(const char* ymd) { return *Date::Parse(ymd); }
/// A string value.
inline Value S(const char* text) { return Value::String(text); }

/// An event of kind `type` at `at` (RFC 3339) by 王某, with `payload`'s fields.
inline Event Ev(const char* at, const char* type,
                std::vector<std::pair<std::string, Value>> payload = {}) {
  Event e;
  e.at = T(at);
  e.type = type;
  e.by = "王某 <wang@example.org>";
  for (auto& [k, v] : payload) e.payload.Set(k, std::move(v));
  return e;
}

/// A neighbour dispute in 东风社区 (万柏林街道), received 2026-03-02 09:30:
/// WBL-2026-000042, an applicant and a respondent, one `received` event.
inline Case Neighbour() {
  Case c;
  c.id = "WBL-2026-000042";
  c.received = T("2026-03-02T09:30:00+08:00");
  c.source = "application";
  c.category = "neighbour";
  c.summary = "楼上漏水";
  c.place = {"140109005", "140109005003", "140109005003011", ""};
  c.parties.push_back({"applicant", "person", "李某", "", "", ""});
  c.parties.push_back({"respondent", "person", "王某", "", "", ""});
  c.events.push_back(Ev("2026-03-02T09:30:00+08:00", "received"));
  return c;
}

/// Appends to `c` a `routed` event at 2026-03-02 10:00 to `org` at `level`
/// (rule default-community).
inline void Route(Case* c, const char* org = "C-140109005003", const char* level = "community") {
  c->events.push_back(Ev("2026-03-02T10:00:00+08:00", "routed",
                         {{"org", S(org)}, {"level", S(level)}, {"rule", S("default-community")}}));
}

/// Appends to `c` an `assigned` event at 2026-03-03 09:00 naming mediator M-0307.
inline void Assign(Case* c) {
  c->events.push_back(
      Ev("2026-03-03T09:00:00+08:00", "assigned", {{"mediators", Value::Strings({"M-0307"})}}));
}

}  // namespace mediate::test
