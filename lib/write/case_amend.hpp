// `mediate amend ID`: correcting or completing a registered case — a wrong
// phone, a missing community, a party added — in any state, closed
// included, in one commit with an `amended` event (更正; Law Art. 27: the
// case file records the mediation truthfully, corrections included).
//
// The event's payload holds the reason and, for each field changed, its
// old and new value (`changes: [{field, from, to}]`); ID and phone numbers
// are recorded there masked (pii.hpp), as the rest of the product prints
// them — the full old value stays in git history. The ID never changes and
// the file stays where it is; amending the place or the category of a
// routed case does not route it again (`route ID --to ORG` or the rules do).
// The amended case passes every check intake runs (CheckCase) before it is
// written; nothing is written otherwise.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

/// One change to a party: `party` is its place in the case's list of
/// parties, from 1 (as `show` numbers them); `field` one of name, id (ID
/// number, or credit code for an organisation), phone, sex (male/female,
/// 男/女), born (YYYY-MM-DD), kind (person/organisation), address (the
/// party's own), ethnicity, occupation, representative,
/// representative_title; `value` "" clears it (not the name).
struct PartyFieldEdit {
  std::size_t party = 0;
  std::string field;
  std::string value;
};

/// What to change. Case fields by name — received (YYYY-MM-DD, midnight in
/// the store's time zone, or an RFC 3339 time; it moves the "received"
/// step too, so the deadlines count from it; the ID keeps its year),
/// summary, category, source, risk
/// (codes or labels), street, community (codes or names), grid, address,
/// amount (yuan), people — with the value as typed; "" clears an optional
/// one. A community (or grid) given without a street (or community) brings
/// its own.
struct CaseAmendment {
  std::string id;
  std::map<std::string, std::string> fields;
  std::vector<PartyFieldEdit> party_edits;
  /// New parties, each as key=value pairs: role (applicant, respondent,
  /// third_party), name, kind, id, phone, sex, born.
  std::vector<std::map<std::string, std::string>> added_parties;
  std::vector<std::size_t> removed_parties;  ///< places from 1, as before any change
  std::string reason;                        ///< required
  Timestamp now;                             ///< when the event is recorded
};

/// One field's old and new value, as recorded in the event (numbers masked).
struct FieldChange {
  std::string field;  ///< "summary", "place.community", "parties[2].phone", "parties[3]"
  std::string from;   ///< "" when it was empty (or the party is new)
  std::string to;     ///< "" when cleared (or the party removed)
};

/// What an amendment did.
struct AmendOutcome {
  std::string id;
  std::vector<FieldChange> changes;
  std::string commit;  ///< "" for a dry run
};

/// The field names CaseAmendment::fields accepts, in the order changes are
/// listed.
const std::vector<std::string>& AmendableCaseFields();

/// The changes from `before` to `after` as an `amended` event records them:
/// the case fields of AmendableCaseFields, then each party by its place
/// (a party past the end of `before` is added, one past the end of `after`
/// removed). Numbers masked.
std::vector<FieldChange> DescribeCaseChanges(const Case& before, const Case& after);

/// `changes` as the event's `changes` payload: [{field, from, to}], empty
/// values left out.
Value ChangesValue(const std::vector<FieldChange>& changes);

/// Amends case `a.id` as `op` through `w` (the locked store). Errors,
/// nothing written: kUsage for a missing reason, an unknown field, a party
/// place that does not exist, a malformed added party or value (naming the
/// flag and the value); kNotFound for no such case; kRejected when nothing
/// would change, or when the amended case fails a check of intake (each
/// problem with its field); kBusy/kIo from the write.
Result<AmendOutcome> AmendCase(StoreWrite& w, const Signature& op, const CaseAmendment& a);

}  // namespace mediate
