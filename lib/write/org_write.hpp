// The writes to the register of mediation organisations
// (organisations/*.yaml): add, edit, retire. Each is one library operation
// on a StoreWrite: it reads the register under the write lock, composes the
// record, checks it (CheckOrganisation), stages it and makes one commit
// whose message is
//
//   org <verb>: <id> <name or edited fields>\n\nMediate-Action: org-<verb>\nMediate-Org: <id>\n
//
// On a dry run (StoreWrite::DryRun) nothing is staged or committed.
#pragma once

#include <map>
#include <string>

#include "organisation.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"

namespace mediate {

/// What an organisation write did.
struct OrgWriteOutcome {
  std::string commit;      ///< full commit id; "" for a dry run or when nothing changed
  std::string subject;     ///< first line of the commit message ("org retire: B-OLD 旧品牌室")
  Organisation org;        ///< the record as written
  bool unchanged = false;  ///< edit: the record already had those values
};

/// `org add --id ID --FIELD VALUE …` and `org edit ID --FIELD VALUE …`:
/// the id and the fields given (OrgEditableFields; values as typed, codes
/// or labels).
struct OrgFieldsRequest {
  std::string id;
  std::map<std::string, std::string> fields;
};

/// Registers an organisation. kRejected when the id is taken or the record
/// has errors (nothing written; diagnostics name the field), kUsage for a
/// bad field value, errors of StoreWrite::Commit.
Result<OrgWriteOutcome> AddOrg(StoreWrite& w, const Signature& op, const OrgFieldsRequest& request);

/// Changes the given fields and keeps the record's others. `unchanged` (no
/// commit) when they already had those values. kUsage when no field is
/// given, kNotFound for an unknown id, kRejected on errors.
Result<OrgWriteOutcome> EditOrg(StoreWrite& w, const Signature& op,
                                const OrgFieldsRequest& request);

/// Retires organisation `id` (RetireOrg: refused while it has active
/// members or active child organisations). kNotFound for an unknown id.
Result<OrgWriteOutcome> RetireOrganisation(StoreWrite& w, const Signature& op,
                                           const std::string& id);

}  // namespace mediate
