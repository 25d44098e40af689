// A case file (卷宗) as a compact struct: what the paper file holds —
// parties, place, category, source, summary, claim, risk — and the
// append-only timeline of events from which its state is derived.
// Conversion to and from the YAML record is in case_record.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "money.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

/// A party to the dispute.
/// A party's authorised agent (委托代理人: Law Art. 23 lets a party be
/// represented or assisted in mediation; the documents name the agent and
/// the scope of the authority).
struct Agent {
  std::string name;
  std::string relation;   ///< what the agent is to the party: 律师, 近亲属, 同事, …
  std::string id_number;  ///< citizen ID number, when given (personal: masked when printed)
  std::string phone;      ///< when given (personal: masked when printed)
  /// "general" (一般授权) or "special" (特别授权: may admit, waive or
  /// change claims and settle on the party's behalf); "" when not recorded.
  std::string authority;
  Value extra = Value::Map();  ///< keys this version does not know, kept
};

struct Party {
  std::string role;  ///< applicant | respondent | third_party
  std::string kind;  ///< person | organisation
  std::string name;
  std::string id_number;    ///< citizen ID number (persons)
  std::string credit_code;  ///< unified social credit code (organisations)
  std::string phone;
  /// Date of birth (persons), when given; must agree with the ID number's
  /// (GB 11643-1999 digits 7-14). Decides whether the party is a child
  /// under 14 (PIPL Art. 28: sensitive).
  Date born{};
  std::string sex{};  ///< "male" | "female" when given; must agree with the ID number (odd = male)
  /// The party's own address (住所), not the dispute's place — personal:
  /// printed down to the community by default.
  std::string address{};
  std::string ethnicity{};   ///< 民族 — personal: not printed by default
  std::string occupation{};  ///< 职业或工作单位 — personal
  /// An organisation's legal representative or person in charge
  /// (法定代表人/负责人) and their title (职务).
  std::string representative{};
  std::string representative_title{};
  std::vector<Agent> agents{};  ///< 委托代理人, in order
  /// Keys this version does not know (a later version's, or added by hand),
  /// in the order read; written back after the known keys.
  Value extra = Value::Map();
};

/// Where the dispute is: division codes from areas/ and a free address.
struct Place {
  std::string street;     ///< 9-digit street code
  std::string community;  ///< 12-digit community code
  std::string grid;       ///< 15-digit grid code
  std::string address;
  /// Keys this version does not know, in the order read; written back after
  /// the known keys.
  Value extra = Value::Map();
};

/// One entry of the timeline. `payload` holds the event's own fields
/// (org, level, rule, mediators, reason, …) as a map, in order.
struct Event {
  Timestamp at;
  std::string type;  ///< received, routed, assigned, session, escalated, extended, agreed,
                     ///< terminated, withdrawn, refused, confirmation, performance, visited,
                     ///< closed, note, amended, renumbered, erased (timeline.hpp
                     ///< EventKind)
  std::string by;    ///< operator, "Name <email>"
  Value payload = Value::Map();

  /// The payload's string field `key` ("" when absent).
  std::string Get(const char* key) const;
  /// The payload's list field `key` (empty when absent).
  std::vector<std::string> GetList(const char* key) const;
};

/// Provenance of an imported case.
struct ImportInfo {
  std::string file;         ///< ledger file name
  int row = 0;              ///< data row (序号 order; the header is not counted)
  std::string fingerprint;  ///< hex digest of the row's normalised content
  /// Keys this version does not know, in the order read; written back after
  /// the known keys.
  Value extra = Value::Map();
};

/// The state fields a reader wants at the top, derived from the events.
struct CaseState {
  std::string status;  ///< see CaseSummary::status
  std::string level;
  std::string org;
  std::vector<std::string> mediators;
  Date deadline;
};

/// A personal value read sealed and not opened (no key in this process):
/// the Case holds its masked form, and the record keeps `node` — the sealed
/// value as stored — so that a write without the key puts it back byte for
/// byte (personal_fields.hpp, docs/personal-data.md).
struct SealedValue {
  std::string path;    ///< "parties[0].id_number", "summary", "events[3].note"
  Value node;          ///< {masked, hash, sealed} as stored
  std::string masked;  ///< what the Case field holds instead ("" when none)
  int position = 0;    ///< the key's place in its map (for a value taken out)
};

struct Case {
  std::string id;  ///< "WBL-2026-000042"
  /// The file number (卷号) "（2026）万人调字第42号", given at acceptance
  /// (file_number.hpp); "" in a case registered before it was stored.
  std::string file_no;
  /// Conflicts a merge of two clones recorded (case_merge.hpp), each a map
  /// {field, reason, ours: {value, by, at}, theirs: {…}, merged_by,
  /// merged_at}; empty when there are none. A case with a conflict takes no
  /// other write until `mediate resolve` settles it.
  Value conflicts = Value::Sequence();
  Timestamp received;
  std::string source;
  std::string category;
  std::string summary;
  std::optional<Money> amount;  ///< the amount involved; none when not given
  int people_involved = 0;
  Place place;
  std::vector<Party> parties;
  std::string risk;
  /// "court_ordinary" / "court_summary" for court-entrusted cases (decides
  /// the 15- or 7-day limit, SPC 2016); "" otherwise.
  std::string procedure;
  bool migrated = false;  ///< imported with its history from a ledger
  CaseState state;        ///< as written in the file (validate compares with a replay)
  std::vector<Event> events;
  ImportInfo import;  ///< file empty when not imported
  /// Sensitive personal information flagged by hand (PIPL Art. 28): codes
  /// "health", "minor", "financial", "biometric", "religion", "location",
  /// "other". More are derived (sensitive.hpp: SensitiveReasons).
  std::vector<std::string> sensitive;
  /// Free tags; "exemplary" marks a typical case (优秀调解案例) for
  /// `exemplary export`.
  std::vector<std::string> tags;
  Value extra = Value::Map();  ///< fields this version does not know, kept as they are
  /// In an encrypted store: the case's data key, wrapped with an epoch key
  /// ({epoch, wrapped}); null in a plain store or a case with nothing
  /// personal.
  Value data_key;
  /// Personal values left sealed when the case was read without its key;
  /// empty when it was read with it, or from a plain store.
  std::vector<SealedValue> sealed;

  /// "cases/<yyyy>/<mm>/<id>.yaml", by the local month received.
  std::string PathIn(const class TimeZone& tz) const;
};

}  // namespace mediate
