// Personal data (DOMAIN §7): check characters of citizen ID numbers and
// unified social credit codes, phone-number shapes, and masking for every
// human-facing output.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "time.hpp"

namespace mediate {

/// What a citizen ID number check found.
struct IdNumberCheck {
  bool valid = false;
  bool legacy = false;   ///< a 15-digit number (YYMMDD, no check character)
  std::string normalized;  ///< upper-case X, trimmed
  std::string problem;     ///< why it is invalid, for messages:
                           ///< "has check character 4, expected 9 (GB 11643-1999)"
  Date birth_date;         ///< from the number when valid
  std::optional<bool> male;  ///< odd sequence digit = male
};

/// Checks a citizen ID number (GB 11643-1999): 18 characters, 6-digit
/// division code, a real birth date YYYYMMDD, 3-digit sequence and an ISO
/// 7064 MOD 11-2 check character (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4
/// 2; sum mod 11 → "10X98765432"); a lower-case x is accepted and
/// normalised. Legacy 15-digit numbers (YYMMDD, born 19YY) are valid with
/// `legacy` set. `11010519491231002X` is valid.
IdNumberCheck CheckCitizenId(std::string_view text);

/// What a unified social credit code check found.
struct CreditCodeCheck {
  bool well_formed = false;  ///< 18 characters over 0-9A-HJ-NPQRTUWXY
  bool checksum_ok = false;  ///< GB 32100-2015 check character matches
  std::string normalized;    ///< upper-case, trimmed
  std::string problem;       ///< for messages when not both true
};

/// Checks a unified social credit code (GB 32100-2015): weights 1 3 9 27 19
/// 26 16 17 20 29 25 13 8 24 10 30 28, check = (31 − sum mod 31) mod 31.
/// Some pilot-era codes fail the checksum yet are legal: callers warn, not
/// reject. `91110105MA00000012` passes.
CreditCodeCheck CheckCreditCode(std::string_view text);

/// True for an 11-digit mainland mobile number `^1[3-9]\d{9}$` (a heuristic:
/// mobile numbers have no check digit).
bool IsMobileNumber(std::string_view digits);

/// True for a landline with area code: "0351-6012345", "03516012345",
/// "(0351)6012345", area code 3–4 digits starting 0, local 7–8 digits.
bool IsLandlineNumber(std::string_view text);

/// Phone text normalised for storage: spaces and full-width characters
/// removed; a landline keeps its dash ("0351-6012345"). Returns nullopt when
/// it is neither a mobile nor a landline number.
std::optional<std::string> NormalizePhone(std::string_view text);

/// "110105********002X": first 6 and last 4 kept (15-digit: first 6, last 3).
/// Anything else of 8+ characters keeps its first 3 and last 4.
std::string MaskIdNumber(std::string_view id);

/// "138****5678" for a mobile; landline "0351-****345"; shorter text "****".
std::string MaskPhone(std::string_view phone);

/// "91140105********9BH"-style: first 8 and last 3 kept. Credit codes
/// identify organisations, not persons, but are masked with the rest of a
/// party's identifiers in exports unless revealed.
std::string MaskCreditCode(std::string_view code);

}  // namespace mediate
