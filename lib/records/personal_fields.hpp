// The personal values of a case record and how an encrypted store keeps
// them (docs/personal-data.md, "The field table"): each is sealed under the
// case's data key (sealing.hpp) with the case id and its path as associated
// data, beside a masked form that keeps no more than the last four digits
// and, for names and numbers, a keyed hash for lookups. PIPL Art. 28 and
// 51; People's Mediation Law Art. 15.
//
// A sealed value in the YAML record:
//   id_number: {masked: "**************7303", hash: "5f0c…", sealed: "Qm9…"}
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "case.hpp"
#include "case_key.hpp"
#include "sealing.hpp"
#include "status.hpp"
#include "value.hpp"

namespace mediate {

/// How a personal value is shown without its key.
enum class PersonalMask {
  kName,    ///< the surname and 某: "李某" (stored)
  kNumber,  ///< the last four characters: "**************7303" (stored)
  kText,    ///< "***" (not stored: free text)
  kDate,    ///< left out (not stored: a date of birth)
};

/// The rule for one personal value.
struct PersonalRule {
  PersonalMask mask = PersonalMask::kText;
  bool hashed = false;  ///< a keyed hash is stored for lookups (names and numbers)
};

/// The text a case shows for a sealed value without its key: kText "***".
inline constexpr const char* kSealedText = "***";

/// Calls `visit(path, bound, value, rule)` for every personal value present in a
/// case record (a map as CaseToValue writes it or as read from a file),
/// plain or sealed, in document order. The table: a person's name, ID
/// number, phone, address, date of birth, ethnicity and occupation; an
/// organisation's representative; every agent's name, ID number and phone;
/// the summary; session, performance, visit and note events' notes; an
/// agreement's facts and terms; the old and new values an `amended` event
/// records for a personal field; both sides of a recorded conflict over
/// one. Organisations' names and credit codes, the place of the dispute,
/// codes and dates of the case stay plain. In a consultation record (schema
/// consultation/1): the visitor's name, phone and ID number, the question
/// and the advice.
///
/// `path` is the value's place in the record ("events[3].note"); `bound` is
/// what it is sealed with, which a merge does not move: the same path for
/// the header and the parties, the event by its time and type for an
/// event's values ("events@2026-03-03T09:30:00+08:00/session.note"), the
/// field a conflict is over for both its sides' values.
void ForEachPersonalValue(
    Value& record, const std::function<void(const std::string& path, const std::string& bound,
                                            Value& value, const PersonalRule& rule)>& visit);

/// True when `v` is a sealed personal value: a map with a `sealed` entry.
bool IsSealedValue(const Value& v);

/// True when `field` (an amended event's or a conflict's field path:
/// "summary", "parties[1].phone") names a personal value.
bool IsPersonalFieldPath(std::string_view field);

/// The masked form stored beside a sealed value ("" for kText and kDate).
/// kName: the first character and 某 ("李秀英" → "李某"); kNumber: every
/// character but the last four as "*" ("13800001234" → "*******1234"), text
/// of four characters or fewer "****".
std::string StoredMask(PersonalMask mask, std::string_view plain);

/// The associated data a field is sealed with: the case id, a newline, the
/// path. A ciphertext moved to another case or field does not open.
std::string FieldAd(std::string_view case_id, std::string_view path);

/// Seals every plain personal value of `record` (case `case_id`): each
/// becomes {masked, hash, sealed} with the hash (names and numbers) under
/// `lookup_key` of the value as lookups compare it (party_lookup.hpp).
/// Sealed values are left as they are; empty values stay empty. Returns how
/// many values were sealed.
int SealPersonalValues(Value& record, std::string_view case_id, const SecretKey& data_key,
                       const SecretKey& lookup_key);

/// Opens every sealed value of `record` (case `case_id`) to its plain text
/// under `data_key`. kRejected naming the path when one does not open (moved
/// from another case or field, or altered); `record` is then partly opened.
Status OpenPersonalValues(Value& record, std::string_view case_id, const SecretKey& data_key);

/// Replaces every sealed value of `record` with what a reader without the
/// key sees (kName/kNumber: the stored mask; kText: kSealedText; kDate: the
/// key is taken out) and returns them, so a write can put them back
/// (RestoreSealedValues).
std::vector<SealedValue> MaskPersonalValues(Value& record);

/// Puts each of `sealed` back into `record` (as CaseToValue wrote it from
/// the masked Case) where the value is still its masked form, or still left
/// out; a value changed since is left plain for the writer to seal.
void RestoreSealedValues(Value& record, const std::vector<SealedValue>& sealed);

/// The paths of the personal values of `record` that are plain and not
/// empty: what a write into an encrypted store must seal.
std::vector<std::string> PlainPersonalPaths(Value& record);

/// The keys a desk holds, as opening and sealing case records need them
/// (the store's key ring, key_ring.hpp, gives them).
class CaseKeySource {
 public:
  virtual ~CaseKeySource() = default;
  /// The key of `epoch`, or nullptr when this desk cannot open that epoch.
  virtual const SecretKey* EpochKey(int epoch) const = 0;
  /// The epoch new data keys are wrapped in: the latest.
  virtual int CurrentEpoch() const = 0;
  /// The district's key for the keyed hashes of names and numbers.
  virtual const SecretKey& LookupKey() const = 0;
  /// The store's file of case key `key_id` (case_key.hpp): wrapped, or a
  /// tombstone once erased. kRejected when this clone has no such key
  /// (saying to sync); kIo when the keys cannot be read.
  virtual Result<CaseKeyEntry> FindCaseKey(const std::string& key_id) const = 0;
};

/// The associated data a case's data key is wrapped with.
inline constexpr const char* kDataKeyAd = "mediate case data key";

/// Opens a case record read from an encrypted store: finds its data key —
/// `data_key: {case, key}` names the store's case key (FindCaseKey;
/// `case` is the id the values are bound to, the case's id when the key was
/// made, kept through a renumbering); a record written before the keys
/// left the case files holds it as `{epoch, case, wrapped}` — unwraps it
/// with the epoch key it names and opens every sealed value
/// (OpenPersonalValues). A record with no `data_key`, and one whose key was
/// erased (`erased` set to when; its values stay sealed), is left as it
/// is. kRejected when this desk holds no key of that epoch (naming the
/// epoch and `mediate key list`), the case key is not in this clone, or a
/// value does not open.
Status OpenCaseRecord(Value& record, const CaseKeySource& keys, std::string* erased = nullptr);

/// Seals a case record for an encrypted store: the plain personal values
/// under the case's data key — the one `data_key` names, or, for a case
/// without one, a fresh key wrapped with the current epoch's, named in the
/// record as `data_key: {case, key}` after `id` (and `file_no`) and given
/// back in `made` for the store's case keys. Nothing to do when no value is
/// plain. kRejected when the case's key was erased (no personal value can
/// be added to it), and as OpenCaseRecord.
Status SealCaseRecord(Value& record, const CaseKeySource& keys, CaseKeyEntry* made);

/// The name of the case key `record`'s `data_key` names; "" for none (or a
/// record written before the keys left the case files).
std::string CaseKeyIdOf(const Value& record);

/// True when `c` was read with `path` left sealed (its checks are skipped:
/// they ran when it was written).
bool IsSealedIn(const Case& c, std::string_view path);

}  // namespace mediate
