// `mediate edit ID`: a case file opened in the user's editor, checked on
// save and reopened with the problems shown until it passes or the user
// gives up, as `crontab -e` does (the loop is the CLI's; the checks and
// the commit are here).
//
// The editor works on a copy, `<git dir>/mediate/edit/<ID>.yaml` (mode
// 0600: it holds personal data; never under /tmp), so the case file is
// untouched until the commit. What may not change by hand: the id, the
// file number, the received time (it places the file), the events, the
// import provenance, recorded conflicts and every field derived from the
// timeline (status, level, org, mediators, deadline) — the lifecycle
// commands, `renumber` and `resolve` change those. Anything else may
// change, unknown keys included. The commit appends an `amended` event
// listing the changed fields (case_amend.hpp), with the reason given or
// "edited by hand (mediate edit)".
#pragma once

#include <string>
#include <vector>

#include "case_amend.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// The changes between two versions of a case record (parsed YAML at
/// `path`), as an `amended` event records them: DescribeCaseChanges for
/// the fields and parties, then every other top-level key that differs by
/// name (its values when plain, "(changed)" otherwise) — protected ones
/// included (an adopted hand edit may have touched them).
std::vector<FieldChange> DescribeRecordChanges(const Vocabulary& vocab, const std::string& path,
                                               const Value& before, const Value& after);

/// A case file being edited.
struct CaseEdit {
  std::string id;        ///< the case
  std::string path;      ///< its file, store-relative
  std::string original;  ///< the file's text when the edit began
  std::string scratch;   ///< absolute path of the copy the editor changes
};

/// Starts editing case `id` (upper or lower case): writes the copy (mode
/// 0600; an older copy of the same case is replaced) from the file as it is,
/// errors and all (an edit is how a broken file is mended). kNotFound for
/// no such case; kIo when the copy cannot be written.
Result<CaseEdit> BeginCaseEdit(const Store& store, const std::string& id);

/// Checks `edited` (the copy's text) as validate checks a case file, at the
/// case's path, and that nothing was changed that may not be. Gives the
/// changes to record (empty when the text equals the original). kRejected
/// with every problem (file:line:column, field) otherwise.
Result<std::vector<FieldChange>> CheckCaseEdit(const Store& store, const CaseEdit& edit,
                                               const std::string& edited, Date today);

/// Commits `edited` through `w` (the locked store) with an `amended` event
/// by `op` at `now` listing the changes and `reason` ("" → "edited by hand
/// (mediate edit)"). Errors, nothing written: kBusy when the case file
/// changed since the edit began (another write: edit again), the errors
/// of CheckCaseEdit, kBusy/kIo from the write.
Result<AmendOutcome> CommitCaseEdit(StoreWrite& w, const Signature& op, const CaseEdit& edit,
                                    const std::string& edited, const std::string& reason,
                                    Timestamp now);

/// Removes the copy (after a commit, or when the user gives up).
void EndCaseEdit(const CaseEdit& edit);

}  // namespace mediate
