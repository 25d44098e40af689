// The files of the derived index (case_index.hpp): reading one whole,
// replacing one atomically, finding the git directory that holds them, and
// the case file names a scan looks at. Through CurrentDisk() (disk.hpp), so
// fault injection reaches them.
#pragma once

#include <string>
#include <vector>

#include "status.hpp"

namespace mediate {

/// Reads the file at `path` whole into `*out`; false (and `*out` untouched)
/// when it cannot be read.
bool ReadIndexFile(const std::string& path, std::string* out);

/// Writes `data` to a temporary file in `dir` (".tmp-<pid>-<n>-<name>") and
/// renames it to `name`, so readers see the old or the new file. No fsync:
/// the index is a cache, and a torn segment fails its checksum. kIo naming
/// the file when either step fails (the temporary file is then removed).
Status WriteIndexFile(const std::string& dir, const std::string& name, const std::string& data);

/// The git directory of the work tree `root`: `.git` when it is a
/// directory, or the `gitdir:` a `.git` file names (worktrees). "" when none.
std::string GitDirOf(const std::string& root);

/// Whether `name` is a case file name: "*.yaml", not hidden (the selection
/// Store::ListCaseFiles makes).
bool IsCaseFileName(const char* name);

/// Names in `dir` (no "." / ".."), sorted; empty when it cannot be listed.
std::vector<std::string> ListSortedNames(const std::string& dir);

}  // namespace mediate
