// The fingerprint an imported case is recognised by: a second import of the
// same ledger, or of a re-encoded copy, finds its cases already there.
#pragma once

#include <string>

#include "case.hpp"
#include "sealing.hpp"
#include "time.hpp"

namespace mediate {

/// The normalised content an imported case is recognised by:
/// "fingerprint/1", the local date received, each party's role and
/// identifier (credit code or ID number, upper-case; else the name), the
/// category code and the summary (NFKC-folded, whitespace runs collapsed),
/// one per line. Independent of the ledger's encoding, line ends, row
/// order, amounts, phones and places.
std::string FingerprintContent(const Case& c, const TimeZone& tz);

/// Hex SHA-256 of FingerprintContent(): the import.fingerprint of a case
/// in a plain store.
std::string ImportFingerprint(const Case& c, const TimeZone& tz);

/// The import.fingerprint of a case in an encrypted store: HMAC-SHA-256
/// (HmacHex, 32 hex digits) of FingerprintContent() under the district's
/// lookup key, so that the fingerprint beside the sealed values cannot be
/// matched against guessed ID numbers without the key (PIPL Art. 51).
std::string KeyedImportFingerprint(const Case& c, const TimeZone& tz, const SecretKey& key);

}  // namespace mediate
