// Reserving blocks of numbers from the district's server (docs/offices.md,
// "Numbers that never collide"). A desk takes its case, consultation,
// training and mediator numbers only from blocks it reserved
// (StoreWrite::TakeNumbers); `clone` and every `sync` top the blocks up
// here, while the desk is connected, so that it can keep registering when
// it is not.
//
// A reservation is a compare-and-swap on the server: fetch the branch
// `mediate/numbers`, add blocks that start after every block of their
// series, commit on top of what was fetched, and push without force. When
// another desk pushed in between, the server refuses (not a fast-forward)
// and the round starts again from a new fetch, so no two desks ever hold
// one number.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "git_remote.hpp"
#include "number_blocks.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store.hpp"
#include "time.hpp"

namespace mediate {

/// How to reserve.
struct ReserveOptions {
  RemoteAccess access;  ///< credentials (git_remote.hpp)
  ProgressFn progress;  ///< transfer progress; may be empty
  Signature author;     ///< the operator: the commit's author, `by` of each block
  Timestamp now;        ///< `at` of each block
  Date today;           ///< the store's today: which years' series to keep
  std::string office;   ///< the desk's office (Store::WritingOffice)
  int max_rounds = 5;   ///< fetch-commit-push rounds before giving up (kBusy)
  /// Series that need this many more numbers now, whatever the desk holds:
  /// each gets a block of that size at least (an import of a long ledger,
  /// a year the desk keeps no series of).
  std::map<std::string, std::size_t> extra;
};

/// What a reservation did.
struct ReserveOutcome {
  std::string desk;                   ///< this clone's desk name
  std::vector<NumberBlock> reserved;  ///< blocks added (none when the desk had enough)
};

/// The series a desk of `office` keeps numbers for on `today`: the office's
/// cases and consultations and the district's trainings of today's year —
/// and of the next year too in December, so a desk offline over the new
/// year keeps registering — and the district's mediators.
std::vector<std::string> DeskSeries(const std::string& office, Date today);

/// The numbers of `series` the store already holds (case file names, the
/// consultation and training records, the mediator roster). `store` has
/// its registries loaded. kRejected for a series of no known kind; errors
/// of reading the records as they give them.
Result<std::set<int>> UsedNumbers(const Store& store, const std::string& series);

/// Tops up this desk's blocks on the server: for each series of
/// DeskSeries with fewer free numbers than PolicyOf(series).low, one new
/// block, and one for each series of `options.extra`, all in one commit pushed to the server's
/// `mediate/numbers` (retried from a fresh fetch when another desk pushed first). Gives the clone
/// its desk name first when it has none (EnsureDeskName). The store must have a remote
/// (FindSyncTarget's errors otherwise). kIo when the server cannot be reached (no block is then
/// held); kBusy after `max_rounds` refused pushes; kRejected when the record on the server does not
/// read or has overlapping blocks.
Result<ReserveOutcome> ReserveNumbers(const std::string& root, const ReserveOptions& options);

/// What StoreWrite::TakeNumbers calls when the desk's blocks of `series`
/// are `count` numbers short: reserves them online, or says why not.
using NumberReserver = std::function<Status(const std::string& series, std::size_t count)>;

/// A NumberReserver for the clone at `root` that runs ReserveNumbers with
/// `options` and the shortfall as `extra`; an empty function when `root`
/// has no remote (a single desk needs no blocks). Its errors are
/// ReserveNumbers'.
NumberReserver OnlineReserver(const std::string& root, ReserveOptions options);

}  // namespace mediate
