// What every lifecycle command (assign, session, escalate, extend, agree,
// terminate, withdraw, refuse, confirm, perform, visit, close) shares: the
// case id positional, --dry-run, and running the step through the
// library's RecordStep (lock, check, append, commit) then telling the
// operator what happened.
#pragma once

#include <optional>
#include <string>

#include "case_step.hpp"
#include "command.hpp"

namespace mediate::cli {

struct StepOptions {
  std::string id;
  bool dry_run = false;

  /// Declares the ID positional (required) and --dry-run on `app`.
  void Declare(CLI::App& app);
  /// "mediate <verb>" unless --dry-run (Command::Writes).
  std::optional<std::string> Writes(const std::string& verb) const;
};

/// Records step `step` (event type) of command `verb` on case `options.id`
/// with `build`. Prints warnings on stderr, then on stdout one line
/// "<verb>: <id> <subject>; now <status> · <level> (<commit>)" and the builder's notes
/// ("note: …"). Errors are returned (main prints them; exit 3 when refused).
Status RunStep(Context& ctx, const StepOptions& options, const std::string& verb,
               const std::string& step, const StepBuilder& build);

}  // namespace mediate::cli
