// Running another program to its end: argv without a shell, bytes on its
// standard input, its output collected. The store layer uses it for git's
// own command line where git is faster than libgit2 (the real index).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"

namespace mediate {

/// How a program run by RunProcess ended and what it wrote.
struct ProcessResult {
  int exit_code = -1;  ///< the exit status, or -1 when a signal ended it
  int signal = 0;      ///< the signal that ended it, or 0
  std::string out;     ///< everything it wrote to standard output
  std::string err;     ///< everything it wrote to standard error

  /// True when it exited with status 0.
  bool ok() const { return exit_code == 0; }
};

/// Runs `argv` (argv[0] is looked up on PATH; no shell is involved) with
/// `input` on its standard input, collects its standard output and error,
/// and waits for it to end. The child inherits the environment except the
/// variables named in `unset_env`. Errors: kNotFound when the program is
/// not installed (argv[0] not found on PATH); kIo when it cannot be started
/// or its pipes fail. A program that runs and fails is not an error: see
/// ProcessResult.
Result<ProcessResult> RunProcess(const std::vector<std::string>& argv, std::string_view input,
                                 const std::vector<std::string>& unset_env = {});

}  // namespace mediate
