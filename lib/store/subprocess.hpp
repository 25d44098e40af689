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
  int exit_code = -1;      ///< the exit status, or -1 when a signal ended it
  int signal = 0;          ///< the signal that ended it, or 0
  bool timed_out = false;  ///< killed (SIGKILL) at ProcessOptions::timeout_ms
  std::string out;         ///< everything it wrote to standard output
  std::string err;         ///< everything it wrote to standard error (unless discarded)

  /// True when it exited with status 0.
  bool ok() const { return exit_code == 0; }
};

/// How RunProcess runs a program.
struct ProcessOptions {
  /// Environment variables the child does not inherit (exact names).
  std::vector<std::string> unset_env;
  /// Milliseconds until the child is killed (SIGKILL); 0: wait as long as
  /// it takes.
  int timeout_ms = 0;
  /// Standard error to /dev/null instead of ProcessResult::err.
  bool discard_stderr = false;
};

/// Runs `argv` (argv[0] is looked up on PATH; no shell is involved) with
/// `input` on its standard input, collects its standard output and error,
/// and waits for it to end (or kills it at `options.timeout_ms`). The child
/// inherits the environment except `options.unset_env`, and no descriptor
/// but the three standard ones. Errors: kNotFound when the program is not
/// installed (argv[0] not found on PATH); kIo when it cannot be started or
/// its pipes fail. A program that runs and fails, or is killed, is not an
/// error: see ProcessResult.
Result<ProcessResult> RunProcess(const std::vector<std::string>& argv, std::string_view input,
                                 const ProcessOptions& options = {});

}  // namespace mediate
