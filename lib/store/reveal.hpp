// Recording disclosures of personal data (PIPL Arts. 51, 55;
// People's Mediation Law Art. 15): every output made with --reveal leaves a
// trace in the store's git history of who saw which cases' unmasked ID and
// phone numbers, when, and through which command.
//
// Design: a reveal is an empty commit (its tree is HEAD's tree; no file
// changes, so the work tree stays clean and nothing merges) made under the
// store's write lock, authored by the operator, with the message
//
//   reveal: show WBL-2026-000042
//
//   Mediate-Action: reveal
//   Mediate-Reveal: show --kind agreement
//   Mediate-Case: WBL-2026-000042
//
// (one Mediate-Case line per case, at most 50; beyond that a
// "Mediate-Cases: N" count and the filter in Mediate-Reveal). `git log
// --grep "Mediate-Action: reveal"` lists every disclosure; `mediate audit`
// accepts these commits as mediate's. The commit is made *before* the
// unmasked output is produced, so a failure to record means nothing is
// revealed.
//
// Use from a command:
//   if (reveal) MEDIATE_RETURN_IF_ERROR(RecordReveal(root, op, {"export", ids, "status:agreed"}));
#pragma once

#include <string>
#include <vector>

#include "signature.hpp"
#include "status.hpp"
#include "write_options.hpp"

namespace mediate {

/// What was revealed.
struct RevealRequest {
  std::string command;             ///< "show", "doc", "export", "report", …
  std::vector<std::string> cases;  ///< case ids whose personal data is shown (may be empty)
  std::string detail;              ///< options or filter that say what was shown; one line
};

/// Up to this many cases are named one by one in Mediate-Case trailers.
inline constexpr std::size_t kRevealCasesNamed = 50;

/// The commit message of a reveal (see above).
std::string RevealMessage(const RevealRequest& request);

/// Records `request` by `who` in the store at `root` as an empty commit
/// under the store's write lock (waiting as any writer does). Returns the
/// commit id. kBusy when the lock cannot be had or HEAD moved; kIo on git
/// errors; kUsage when `who` lacks a name or email. Nothing but the commit
/// (and the branch moving to it) is written. `options` gives the lock
/// timeout (the holder text is made here).
Result<std::string> RecordReveal(const std::string& root, const Signature& who,
                                 const RevealRequest& request, const WriteOptions& options = {});

}  // namespace mediate
