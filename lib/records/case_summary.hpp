// What the read path (list, stats, due, alerts, review) needs of one case,
// flattened: codes, local dates, derived state. Built from a full Case by
// `Summarize` (case_record.hpp) and stored in the derived index
// (case_index.hpp), so reading a large store never re-parses YAML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "money.hpp"
#include "time.hpp"

namespace mediate {

/// One case as the read path sees it. Dates are local dates in the store's
/// time zone; money is in fen (1 yuan = 100 fen, money.hpp).
struct CaseSummary {
  std::string id;    ///< "WBL-2026-000042"
  std::string path;  ///< relative to the store root: "cases/2026/03/WBL-2026-000042.yaml"
  std::string file_no;
  Date received;                   ///< local date the case was received
  std::int64_t received_unix = 0;  ///< instant received (for ordering)
  std::string source;              ///< source code (schemas/vocab.yaml)
  std::string category;            ///< category code (schemas/vocab.yaml)
  std::string risk;                ///< red | orange | yellow | blue | ""
  std::string summary;
  std::optional<Money> amount;  ///< the amount involved; none when not given
  int people_involved = 0;
  std::string street, community, grid;  ///< division codes

  // Derived from the events (lifecycle replay).
  /// received, routed, mediating, agreed, terminated, withdrawn, refused, closed
  std::string status;
  std::string level;  ///< grid | community | street | district | city | ""
  std::string org;    ///< handling organisation id
  std::vector<std::string> mediators;
  Date deadline;               ///< conclude-by date (after extensions)
  std::string outcome;         ///< agreed | terminated | withdrawn | refused | ""
  Date concluded;              ///< agreement or termination date
  Date closed;                 ///< case file closed (归档)
  std::string agreement_form;  ///< written | oral | ""
  std::string performance;     ///< full | instalment | none | ""
  Date agreement_effective;
  Date confirmation_applied;  ///< judicial confirmation applied for
  std::string confirmation;   ///< applied | confirmed | rejected | ""
  Date visited;               ///< first return visit
  int escalations = 0;
  /// Conflicts a merge recorded in the case file and nobody has settled yet
  /// (case_merge.hpp; `mediate conflicts`, `mediate resolve`).
  int conflicts = 0;
  bool extended = false;  ///< an extension of the time limit was recorded
  bool migrated = false;  ///< imported from a ledger with its history
  /// import.fingerprint of an imported case ("" otherwise): ledger import
  /// skips rows whose fingerprint a case already carries.
  std::string import_fingerprint;

  /// Each party's identifying key (PartyKey: its ID number or credit code,
  /// else "name|phone") as a keyed hash under the clone's lookup key
  /// (party_lookup.hpp); "" for a party known by its name alone.
  /// Repeated-dispute detection groups by it: the index never holds the
  /// number itself.
  std::vector<std::string> party_hashes;
  /// The same keys masked for display and export (MaskPartyKey):
  /// "110105********002X", "秦某|181****4013".
  std::vector<std::string> party_masked;
  /// A person's ID number is recorded with a wrong check character
  /// (GB 11643-1999).
  bool party_id_invalid = false;
  /// `party:` lookup: the parties' names (NormalizeLookupName).
  std::vector<std::string> party_names;
  /// `party:` lookup: keyed hashes of the parties' ID numbers, credit codes
  /// and phones (NormalizeLookupNumber, then KeyedHash).
  std::vector<std::string> party_numbers;
  /// `text:` search: the sessions' notes, one a line.
  std::string notes;
  /// Party kinds in order ("person" / "organisation").
  std::vector<std::string> party_kinds;
};

/// True while the case file is not closed (docs/law.md: a successful case
/// stays open until its return visit): every status but closed, withdrawn
/// and refused. This is the `open` filter word.
bool IsOpenStatus(const std::string& status);

/// True while mediation is not yet concluded: received, routed, mediating.
/// A mediator's or organisation's caseload counts these.
bool IsPendingStatus(const std::string& status);

}  // namespace mediate
