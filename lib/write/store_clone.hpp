// A desk's copy of the district store (`mediate clone URL DIR --office
// CODE`): a git clone that knows which office it writes as.
//
// The clone is made in a scratch folder beside DIR (".DIR.clone-XXXXXX"),
// checked — it must be a mediate store whose registries read, and CODE one
// of its offices (CheckOfficeChoice) — given `git config mediate.office
// CODE` and a desk name of its own, its first blocks of numbers reserved
// from the server (number_reserve.hpp) when `reserve` is given, and only
// then renamed to DIR. A failure at any step removes the
// scratch folder: DIR is made complete or not at all (docs/offices.md).
#pragma once

#include <string>

#include "number_reserve.hpp"
#include "status.hpp"

namespace mediate {

/// What a clone made.
struct CloneOutcome {
  std::string root;                   ///< absolute path of the new store
  std::string office;                 ///< the office it writes as
  std::string desk;                   ///< its desk name (git config mediate.desk)
  std::vector<NumberBlock> reserved;  ///< the blocks of numbers reserved for it
};

/// Clones the store at `url` into `dir` for `office`. Errors, with nothing
/// left behind: kRejected when `dir` exists and is not empty or `url` is
/// not a mediate store (or its registries have errors), kUsage for an office
/// code that is malformed or not registered (naming the registered codes),
/// kIo when the clone fails (libgit2's reason) or the folder cannot be
/// made or renamed.
/// When `driver_exe` (the mediate program's absolute path) is given, the
/// clone's config registers the merge driver (git_setup.hpp). With
/// `reserve` (its office is set here), the desk's first blocks of numbers
/// are reserved from `url` before the clone is put in place; ReserveNumbers'
/// errors then fail the clone the same way.
Result<CloneOutcome> CloneStore(const std::string& url, const std::string& dir,
                                const std::string& office, const std::string& driver_exe = "",
                                const ReserveOptions* reserve = nullptr);

}  // namespace mediate
