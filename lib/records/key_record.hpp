// The district's keys record, keys/district.yaml (schema "keys/1";
// docs/personal-data.md, "Keys"): envelope encryption of personal data.
// Each office that holds a key is listed with its public key (crypto_box,
// X25519); each epoch's secret — a fresh epoch key and the district's
// lookup key, 64 bytes — is sealed (crypto_box_seal) once per office that
// may open it. The secret half of an office's key pair never enters the
// store: it lives in the office's key file (office_key_file.hpp).
//
//   schema: keys/1
//   offices:
//     XJY: {public_key: "<base64>", added: "<RFC 3339>", by: "Name <mail>"}
//     ABC: {public_key: …, added: …, by: …, revoked: "<RFC 3339>", revoked_by: …}
//   epochs:            # in order; the last is current
//     - {epoch: 1, started: …, by: …, sealed: {XJY: "<base64>", ABC: …}}
//
// A store is encrypted once `offices:` has an entry. Keys this version does
// not know are kept and written back. Rule: PIPL Art. 51 (encryption of
// personal information); People's Mediation Law Art. 15 (a party's privacy).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "status.hpp"
#include "value.hpp"

namespace mediate {

/// Where the keys record lives in the store.
inline constexpr const char* kKeyRecordPath = "keys/district.yaml";
/// The record's schema.
inline constexpr const char* kKeyRecordSchema = "keys/1";

/// An office that holds (or held) a key of the district.
struct KeyOffice {
  std::string code;            ///< "XJY" (an office code, IsOfficeCode)
  std::string public_key;      ///< 32 raw bytes (base64 in the file)
  std::string added;           ///< RFC 3339, when the key was made
  std::string by;              ///< who made it, "Name <mail>"
  std::string revoked;         ///< RFC 3339 when revoked; "" while active
  std::string revoked_by;      ///< who revoked it; "" while active
  std::string revoked_reason;  ///< why (`key revoke --reason`); "" while active
  Value extra = Value::Map();  ///< keys this version does not know, in order

  bool active() const { return revoked.empty(); }
};

/// One epoch: the epoch secret sealed to every office that may open it.
struct KeyEpoch {
  int epoch = 0;        ///< 1, 2, … (ascending in the record)
  std::string started;  ///< RFC 3339
  std::string by;       ///< "Name <mail>"
  /// office code → SealTo(office public key, epoch key (32) || lookup key (32)), base64.
  std::map<std::string, std::string> sealed;
  Value extra = Value::Map();
};

/// The whole record.
struct KeyRecord {
  std::map<std::string, KeyOffice> offices;  ///< by code
  std::vector<KeyEpoch> epochs;              ///< ascending by number; the last is current
  Value extra = Value::Map();                ///< unknown top-level keys

  /// True when any office holds a key: the store's personal data is sealed.
  bool Encrypted() const { return !offices.empty(); }
  /// The current (last) epoch, or nullptr when there is none.
  const KeyEpoch* CurrentEpoch() const { return epochs.empty() ? nullptr : &epochs.back(); }
  /// The epoch numbered `n`, or nullptr.
  const KeyEpoch* FindEpoch(int n) const;
  /// The codes of the offices not revoked, sorted.
  std::vector<std::string> ActiveOffices() const;
  /// The office `code`, or nullptr.
  const KeyOffice* FindOffice(const std::string& code) const;
};

/// Reads the record `root` of file `file` (for messages). Every problem is
/// a diagnostic naming the file, line, column and field (kRejected): the
/// schema is not "keys/1", an office code that is no office code, a public
/// key that is not base64 of 32 bytes, an office without `added`, an epoch
/// whose number is not a whole number above the one before it, a sealed
/// entry naming an office the record does not list. Unknown keys are kept
/// and named in warnings (appended to `warnings` when given).
Result<KeyRecord> KeyRecordFromValue(const Value& root, const std::string& file,
                                     DiagnosticSink* warnings = nullptr);

/// The record as written: schema, offices (by code), epochs (in order);
/// within each entry the known keys in a fixed order, then the unknown ones.
Value KeyRecordToValue(const KeyRecord& record);

}  // namespace mediate
