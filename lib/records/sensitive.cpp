#include "sensitive.hpp"

#include <algorithm>

#include "pii.hpp"

namespace mediate {

const std::vector<std::string>& SensitiveCodes() {
  static const std::vector<std::string> kCodes = {"health",   "minor",    "financial", "biometric",
                                                  "religion", "location", "other"};
  return kCodes;
}

int AgeOn(Date born, Date on) {
  if (!born.valid() || !on.valid() || on < born) return -1;
  int age = on.year() - born.year();
  if (on.month() < born.month() || (on.month() == born.month() && on.day() < born.day())) --age;
  return age;
}

Date BirthDateOf(const Party& p) {
  if (p.born.valid()) return p.born;
  if (p.kind == "person" && !p.id_number.empty()) {
    IdNumberCheck chk = CheckCitizenId(p.id_number);
    if (chk.valid) return chk.birth_date;
  }
  return Date();
}

std::vector<std::string> SensitiveReasons(const Case& c, const TimeZone& tz) {
  std::vector<std::string> out = c.sensitive;
  if (c.category == "medical") out.push_back("health");
  Date on = c.received.valid() ? tz.LocalDate(c.received) : Date();
  for (const Party& p : c.parties) {
    if (p.kind != "person") continue;
    int age = AgeOn(BirthDateOf(p), on);
    if (age >= 0 && age < 14) out.push_back("minor");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace mediate
