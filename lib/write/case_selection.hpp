// Picking the cases a batch write changes (`mediate route`, `mediate assign
// --auto`): the index narrows the scan, and every pick is confirmed against
// its file, so that an index entry older than its file (stale) is never
// acted on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "lifecycle.hpp"
#include "status.hpp"
#include "store.hpp"

namespace mediate {

/// One case picked for a batch write: its file as loaded and its replayed
/// state (dates in the store's time zone).
struct PickedCase {
  LoadedCase loaded;
  Derived derived;
};

/// What SelectCases found.
struct CaseSelection {
  CaseScan scan;                   ///< every entry `keep` accepted, sorted by id
  std::vector<PickedCase> picked;  ///< the entries picked and confirmed, by id
};

/// The cases of `store` a batch write acts on. Scans the case files (through
/// the derived index) keeping the entries `keep` accepts; of those, loads the
/// ones `pick` accepts and replays each (store setting: time zone), keeping
/// it when `confirm` accepts the replayed state; the others are stale index
/// entries, passed over. Errors: kRejected naming a case id two files hold
/// (RefuseDuplicateCaseIds); kRejected, naming every unreadable file,
/// when a case file cannot be read ("N case file(s) cannot be read; nothing
/// was <verb> (fix them first: mediate validate)", with `verb` e.g.
/// "routed"); the load error of a picked case as it is.
Result<CaseSelection> SelectCases(const Store& store,
                                  const std::function<bool(const CaseSummary&)>& keep,
                                  const std::function<bool(const CaseSummary&)>& pick,
                                  const std::function<bool(const Derived&)>& confirm,
                                  const std::string& verb);

}  // namespace mediate
