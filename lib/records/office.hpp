// The office registry (offices/<CODE>.yaml) and which office a desk writes
// as. A district keeps one store; the district centre and the street
// offices register cases in git clones of it, each desk writing as one
// office of the registry. An office's code begins the IDs it allocates
// ("XJY-2026-000012"), so desks writing as distinct offices never make the
// same ID, and its file-number word (字号) the file numbers
// ("（2026）万小人调字第12号"); docs/offices.md.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "area.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "value.hpp"

namespace mediate {

/// True for a well-formed office code: an upper-case letter, then one to
/// five upper-case letters or digits ("WBL", "XJY", "QF"). The code is the
/// first part of a case ID, so nothing else may appear in it.
bool IsOfficeCode(std::string_view code);

struct Office {
  std::string code;  ///< "XJY"
  std::string name;  ///< "小井峪街道司法所"
  /// The organisation it registers for ("S-140109011"); may be empty.
  std::string org;
  /// The street it serves ("140109011"); empty for an office of the whole
  /// district. Any office may register a case of any street (统一受理).
  std::string street;
  std::string file_no_word;       ///< 字号, the middle of its file numbers: "万小人调字"
  std::string status = "active";  ///< active | retired (a retired office allocates nothing)
  /// Keys this version does not know, kept in the order read and written
  /// back after the known keys.
  Value extra = Value::Map();

  /// Reads an office record (schema "office/1"); every problem at its
  /// file:line:column (kRejected). Unknown keys are kept in `extra` and
  /// named in warnings (appended to `warnings` when given).
  static Result<Office> FromValue(const Value& root, const std::string& file,
                                  DiagnosticSink* warnings = nullptr);
  /// The record as written (schema "office/1"; the keys of `extra` last).
  Value ToValue() const;
  /// "offices/<code>.yaml".
  std::string Path() const { return "offices/" + code + ".yaml"; }
};

/// Offices by code (sorted).
using OfficeRegistry = std::map<std::string, Office, std::less<>>;

/// Where a desk's office may come from, strongest first.
struct OfficeSources {
  std::string env;       ///< MEDIATE_OFFICE (for scripts); "" when unset
  std::string config;    ///< git config mediate.office of the clone; "" when unset
  std::string settings;  ///< `office:` of mediate.yaml (the store's default)
  /// True when the repository has a remote: it is one desk among several,
  /// so the store's default does not count and the desk must say which
  /// office it is.
  bool has_remote = false;
};

/// The office a write is made as: MEDIATE_OFFICE, else git config
/// mediate.office, else — only in a store without a remote — mediate.yaml's
/// `office`. The code must be well formed (IsOfficeCode) and, when the
/// registry has offices, a registered active one; a store made before the
/// registry existed (no offices/) accepts any well-formed code.
/// Errors (kUsage, nothing is written): no office on a store with a remote
/// (naming `git config mediate.office CODE`), a malformed, unknown or
/// retired code (naming where it came from and the registered codes).
/// Rule: store setting (docs/offices.md).
Result<std::string> ChooseOffice(const OfficeSources& sources, const OfficeRegistry& offices);

/// Checks that `code`, given by `from` ("MEDIATE_OFFICE", "--office" …),
/// may be written as: well formed (IsOfficeCode) and, when the registry has
/// offices, a registered active one. kUsage naming the code, `from` and the
/// registered codes. Rule: store setting (docs/offices.md).
Status CheckOfficeChoice(const std::string& code, const std::string& from,
                         const OfficeRegistry& offices);

/// Checks `office` against the other registries: its organisation (when
/// given) is registered, its street (when given) is one of the store's areas, and no
/// other office of `offices` uses its code's file-number word (two offices
/// with one word would print the same file number). Errors and warnings go
/// to `sink` at `where` (the office's file).
void CheckOffice(const Office& office, const OfficeRegistry& offices, const OrgRegistry& orgs,
                 const AreaRegistry& areas, const Location& where, DiagnosticSink* sink);

/// The codes of the active offices of `offices`, comma-separated ("DEP,
/// HP, …"), for messages.
std::string ActiveOfficeCodes(const OfficeRegistry& offices);

}  // namespace mediate
