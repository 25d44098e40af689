// Personal data (docs/law.md): check characters of citizen ID numbers and
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
  bool legacy = false;       ///< a 15-digit number (YYMMDD, no check character)
  std::string normalized;    ///< upper-case X, trimmed
  std::string problem;       ///< why it is invalid, for messages:
                             ///< "has check character 4, expected 9 (GB 11643-1999)"
  Date birth_date;           ///< from the number when valid
  std::optional<bool> male;  ///< odd sequence digit = male
};

/// Checks a citizen ID number (GB 11643-1999): 18 characters, 6-digit
/// division code (its first two digits a province code, 11–83), a real
/// birth date YYYYMMDD (1900 or later), 3-digit sequence and an ISO 7064
/// MOD 11-2 check character (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2;
/// sum mod 11 → "10X98765432"). The text is NFKC-folded first (full-width
/// digits), trimmed, inner spaces removed, a lower-case x upper-cased.
/// Legacy 15-digit numbers (YYMMDD, born 19YY, no check character) are
/// valid with `legacy` set. `11010519491231002X` is valid. Problems read
/// "has check character 1, expected X (GB 11643-1999)", "birth date
/// 19490231 does not exist", "has 17 characters; ...", and an Excel
/// scientific-notation value (1.10105E+17) is named as such.
IdNumberCheck CheckCitizenId(std::string_view text);

/// What a unified social credit code check found.
struct CreditCodeCheck {
  bool well_formed = false;  ///< 18 characters over 0-9A-HJ-NPQRTUWXY
  bool checksum_ok = false;  ///< GB 32100-2015 check character matches
  std::string normalized;    ///< upper-case, trimmed
  std::string problem;       ///< for messages when not both true
};

/// Checks a unified social credit code (GB 32100-2015): weights 1 3 9 27 19
/// 26 16 17 20 29 25 13 8 24 10 30 28, check = (31 − sum mod 31) mod 31,
/// values from the alphabet 0-9 A-H J-N P Q R T U W X Y (no I O S V Z).
/// The text is NFKC-folded, trimmed, inner spaces removed, upper-cased.
/// Some pilot-era codes fail the checksum yet are legal: callers warn, not
/// reject. `91110105MA00000012` passes.
CreditCodeCheck CheckCreditCode(std::string_view text);

/// True for an 11-digit mainland mobile number `^1[3-9]\d{9}$` (a heuristic:
/// mobile numbers have no check digit).
bool IsMobileNumber(std::string_view digits);

/// True for a landline with area code: "0351-6012345", "03516012345",
/// "(0351)6012345". Area codes are 010 and 02X (3 digits) or 03XX–09XX (4
/// digits); a given split must agree with that. The local number has 7–8
/// digits and does not start with 0. No extensions.
bool IsLandlineNumber(std::string_view text);

/// Phone text normalised for storage: NFKC-folded (full-width digits),
/// spaces removed; a mobile loses dashes and a +86/0086 prefix
/// ("13812345678"); a landline gets one dash after its area code
/// ("03516012345" → "0351-6012345", "010 1234 5678" → "010-12345678").
/// Returns nullopt when it is neither a mobile nor a landline number
/// ("12345", a local number without area code).
std::optional<std::string> NormalizePhone(std::string_view text);

/// "110105********002X": first 6 and last 4 kept (15-digit: first 6, last 3).
/// Anything else of 8+ characters (code points) keeps its first 3 and last
/// 4; shorter text becomes "****". Surrounding spaces are ignored.
std::string MaskIdNumber(std::string_view id);

/// "138****5678" for a mobile; a landline keeps its area code and the last
/// 3 digits ("0351-****345", "010-*****678"). Input is normalised with
/// NormalizePhone first; anything it does not recognise becomes "****". A
/// text masked already ("*******1234", the form an encrypted store keeps
/// beside a sealed number) is returned as it is.
std::string MaskPhone(std::string_view phone);

/// "91110105*******012": first 8 and last 3 of the 18 kept (other text of 8+
/// characters: first 3 and last 4; shorter: "****"). Credit codes
/// identify organisations, not persons, but are masked with the rest of a
/// party's identifiers in exports unless revealed.
std::string MaskCreditCode(std::string_view code);

/// A party's address printed "down to the community": up to and including
/// the first 社区, 村, 居委会 or 小区 it names, then "…" when more follows
/// ("万柏林区东风社区12号楼3单元" → "万柏林区东风社区…"); without such a word,
/// its first 10 characters (code points) and "…". PIPL Art. 51: the house
/// and the door stay in the file, not on the screen.
std::string MaskAddress(std::string_view address);

}  // namespace mediate
