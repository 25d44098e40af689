// Sensitive personal information in a case file (PIPL Art. 28): health
// data (medical disputes), data of children under 14, and whatever staff
// flag by hand. Sensitive cases never appear in exemplary-case exports and
// are marked in human-facing output.
#pragma once

#include <string>
#include <vector>

#include "case.hpp"
#include "time.hpp"

namespace mediate {

/// Codes a case's `sensitive:` list may hold (PIPL Art. 28's kinds).
const std::vector<std::string>& SensitiveCodes();

/// Age in whole years on `on` of someone born on `born` (birthdays on
/// 29 February count from 1 March in other years). -1 when either date is
/// missing or `on` is before `born`.
int AgeOn(Date born, Date on);

/// The birth date of a person party: `born` when given, else the one in a
/// valid citizen ID number (GB 11643-1999), else no date.
Date BirthDateOf(const Party& p);

/// Why the case holds sensitive personal information, sorted and unique:
///   "health"  the category is medical (医疗纠纷): health data;
///   "minor"   a person party is under 14 on the day received (local date in
///             `tz`), by `born` or the ID number (PIPL Art. 28 para. 1,
///             Art. 31);
/// plus every code flagged in the case's `sensitive:` list. Empty when none.
std::vector<std::string> SensitiveReasons(const Case& c, const TimeZone& tz);

}  // namespace mediate
