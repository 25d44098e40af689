// The conflicts a merge of two clones recorded in case files
// (case_merge.hpp): listing them (`mediate conflicts`) and settling one
// (`mediate resolve`). docs/offices.md.
#pragma once

#include <string>
#include <vector>

#include "case.hpp"
#include "settings.hpp"
#include "status.hpp"
#include "store.hpp"

namespace mediate {

/// One recorded conflict, for listing.
struct ConflictRow {
  std::string id;      ///< the case
  std::string path;    ///< its file
  std::string field;   ///< "amount", "events", …
  std::string reason;  ///< "changed on both sides", or the timeline rule broken
  std::string ours,
      theirs;  ///< each side's value in words ("3500.00"; "2 events: session, extended"),
               ///< a party's ID number, credit code, phone and address masked (PIPL Art. 51)
  std::string ours_by, ours_at, theirs_by, theirs_at;  ///< who changed it on each side, when
  std::string merged_by, merged_at;                    ///< who merged, when
};

/// Every conflict recorded in the store's case files, by case id then
/// order recorded. Reads only the cases the derived index says hold one
/// (CaseSummary::conflicts). Unreadable case files are not listed here
/// (validate names them).
std::vector<ConflictRow> ListConflicts(const Store& store);

/// Settles the conflict on `field` of `c` (`field` may be "" when the case
/// holds exactly one): with `take_theirs` the field gets theirs' value
/// (removed when theirs removed it) — for "events", ours' new events are
/// replaced by theirs' (UnionOfEvents) —, otherwise ours stays; the entry
/// leaves `c->conflicts`. Sets `*merged_at` to the entry's merged_at.
/// Pure: `c` is changed in place, state not re-derived. Errors: kRejected
/// when `c` holds no conflict, kUsage naming the fields in conflict when
/// `field` is "" and there are several or `field` is not one of them,
/// kRejected with the record's or the timeline's problems when theirs'
/// value does not make a valid case (CheckTimeline; nothing changed).
Status SettleConflict(Case* c, const std::string& field, bool take_theirs, const Settings& settings,
                      std::string* merged_at);

}  // namespace mediate
