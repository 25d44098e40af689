// Recording one lifecycle step on one case, safely: the shared
// path of every lifecycle command (assign, session, escalate, extend,
// agree, terminate, withdraw, refuse, confirm, perform, visit, close).
//
//   1. the store's write lock, taken before (StoreWrite::Begin, by the
//      dispatcher) so nobody changes the case between reading and writing it;
//   2. load the case and replay its timeline;
//   3. ask the state machine (CheckStep) whether the step may follow;
//   4. let the step's builder (lifecycle_steps.hpp) check the inputs and
//      make the event;
//   5. append the event, set the state fields from a replay, check the
//      whole case against the store (CheckCase);
//   6. write the case file (StoreWrite: validated again) and make one commit
//      "<verb>: <id> <subject>" with trailers Mediate-Action: <verb> and
//      Mediate-Case: <id>.
// Any refusal in 2–5 writes nothing (exit 3 at the CLI).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "lifecycle.hpp"
#include "lifecycle_steps.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store.hpp"
#include "store_write.hpp"

namespace mediate {

/// Which step on which case.
struct StepRequest {
  std::string verb;  ///< the command: "agree" (commit subject and Mediate-Action)
  std::string step;  ///< the event type the state machine is asked about: "agreed"
  std::string id;    ///< case id
};

/// Makes the step's event from the case and its replay; reports problems
/// to the sink (errors refuse the step).
using StepBuilder =
    std::function<Step(const Case&, const Derived&, const StepContext&, DiagnosticSink*)>;

/// What recording a step did.
struct StepOutcome {
  Case record;                       ///< the case after the step
  Derived derived;                   ///< its replay
  Step step;                         ///< what the builder made (event with at/by set)
  std::string commit;                ///< commit id; "" for a dry run
  std::vector<Diagnostic> warnings;  ///< recorded, but worth telling the operator
};

/// Records `request` through `w` (the locked store, or a dry run that checks
/// everything and writes nothing) as `op` at `now` (`today` is its local
/// date). Errors: kNotFound (no such case),
/// kRejected (the state machine forbids the step — the message names the
/// state and the allowed steps —, the builder refused the inputs, or the
/// case would not pass CheckCase; diagnostics list every problem,
/// warnings included), kBusy/kIo from the write (nothing written).
Result<StepOutcome> RecordStep(StoreWrite& w, const Signature& op, Timestamp now, Date today,
                               const StepRequest& request, const StepBuilder& build);

/// The commit message of a step: "agree: WBL-2026-000042 written 3500.00
/// yuan\n\nMediate-Action: agree\nMediate-Case: WBL-2026-000042\n".
std::string StepCommitMessage(const std::string& verb, const std::string& id,
                              const std::string& subject);

}  // namespace mediate
