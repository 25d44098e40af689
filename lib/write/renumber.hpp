// `mediate renumber ID`: one of two case files holding the same id (two
// clones without distinct offices registered cases offline, case_ids.hpp)
// gets a new id from this clone's office numbers, in one commit.
//
// The file chosen — by default the case received later (then the later
// path), or the one `--file` names — is renamed in its month folder to the
// new id (StoreWrite::NextCaseId for the local year received), its `id:`
// changed, and a `renumbered` event appended whose payload keeps the old id
// (`from`) and the reason, if given. The event changes no state
// (timeline.hpp). A stored file number that was the one derived from the
// old id becomes the one derived from the new id (RenumberFileNumber,
// file_number.hpp; a number set otherwise is kept): the event keeps both
// (file_no_from, file_no) and the commit body says "File number: NEW (was
// OLD)". The commit is "renumber: NEW (was OLD, a duplicate id)"
// with trailers Mediate-Action: renumber, Mediate-Case: NEW and
// Mediate-Renumbered-From: <the old path>, by which `history NEW` goes on
// with the file's earlier history (history.hpp).
#pragma once

#include <string>

#include "history.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// What to renumber.
struct RenumberRequest {
  std::string id;      ///< the duplicated id, "WBL-2026-000001"
  std::string file;    ///< the file to renumber (store-relative or a path to it); "" = the later
  std::string reason;  ///< kept in the event's payload when not empty
  Timestamp now;       ///< when the event is recorded
};

/// What renumbering did.
struct RenumberOutcome {
  std::string from;      ///< the old id
  std::string to;        ///< the new id
  std::string old_path;  ///< the file renumbered, before
  std::string new_path;  ///< and after
  std::string kept;      ///< the file that keeps the old id (the first other one)
  /// The file number replaced and its replacement; both "" when the file
  /// number was kept (none stored, or not the one derived from the old id).
  std::string file_no_from, file_no_to;
  std::string commit;  ///< "" for a dry run
};

/// The commit body line of a renumbering that rewrote the file number:
/// "File number: <to> (was <from>)" and a blank line; "" when `from` is "".
std::string RenumberedFileNumberLine(const std::string& from, const std::string& to);

/// Renumbers one of the files of `request.id` as `op` through `w` (the
/// locked store). Errors, nothing written: kNotFound when no file holds
/// the id (or it is no case id); kRejected when only one file holds it
/// (a renumber is only for duplicates) or a file of the id does not load
/// cleanly (fix it first: mediate validate); kUsage when `request.file` is
/// not one of the id's files; kRejected/kBusy/kIo from the write.
Result<RenumberOutcome> RenumberCase(StoreWrite& w, const Signature& op,
                                     const RenumberRequest& request);

}  // namespace mediate
