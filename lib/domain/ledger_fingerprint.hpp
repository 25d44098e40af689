// The fingerprint an imported case is recognised by: a second import of the
// same ledger, or of a re-encoded copy, finds its cases already there.
#pragma once

#include <string>

#include "case.hpp"
#include "time.hpp"

namespace mediate {

/// The normalised content an imported case is recognised by:
/// "fingerprint/1", the local date received, each party's role and
/// identifier (credit code or ID number, upper-case; else the name), the
/// category code and the summary (NFKC-folded, whitespace runs collapsed),
/// one per line. Independent of the ledger's encoding, line ends, row
/// order, amounts, phones and places.
std::string FingerprintContent(const Case& c, const TimeZone& tz);

/// Hex SHA-256 of FingerprintContent(): the import.fingerprint of a case.
std::string ImportFingerprint(const Case& c, const TimeZone& tz);

}  // namespace mediate
