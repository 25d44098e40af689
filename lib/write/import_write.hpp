// `mediate import` as library writes: the rows of a ledger checked by
// ImportLedger (ledger_import.hpp) become case files of the store in one
// commit through the write path (store_write.hpp).
#pragma once

#include <string>
#include <vector>

#include "ledger_import.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"

namespace mediate {

/// Leaves out of `cases` (in ledger order) the rows imported before — their
/// import fingerprint is in a case file of `w`'s store, from this ledger or
/// a re-encoded copy — and gives the rest the next case IDs of the office
/// (StoreWrite::NextCaseIds) by local year received, in ledger order, and
/// each its file number (DerivedFileNumber, file_number.hpp). Returns how many rows were left out.
/// kRejected, nothing changed, when a case file cannot be read (earlier imports could not be
/// recognised).
Result<std::size_t> NumberImport(StoreWrite& w, std::vector<LedgerCase>* cases);

/// Stages every case of `cases` (numbered by NumberImport) and commits once
/// as `op`: "import: N cases from <source_name>" (ImportCommitMessage). A
/// dry run checks and writes nothing ("" returned). kRejected, nothing
/// written, when any case file would not pass validation (every such file
/// is named); kBusy/kIo from the write.
Result<std::string> CommitImport(StoreWrite& w, const std::vector<LedgerCase>& cases,
                                 const Signature& op, const std::string& source_name);

}  // namespace mediate
