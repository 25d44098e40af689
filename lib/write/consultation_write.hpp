// The front desk's writes: a consultation recorded, and a consultation
// turned into a case by the same intake as `mediate intake` (统一受理 at
// the one-stop centre). The record itself: consultation.hpp.
#pragma once

#include <string>
#include <vector>

#include "case.hpp"
#include "consultation.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// Records a new consultation through `w` (the locked store; a dry run
/// checks and writes nothing): gives it the next id of the store's office and the year of `now`,
/// sets `at` = now and `by` = op, checks it (CheckConsultation), writes
/// consultations/<yyyy>/<id>.yaml and commits "consult: <id> <name>".
/// kRejected (nothing written) on bad input; kBusy/kIo from the write.
/// `commit` receives the commit id ("" for a dry run).
Result<Consultation> RecordConsultation(StoreWrite& w, Consultation draft, const Signature& op,
                                        Timestamp now, std::string* commit);

/// What `consult --to-case` did.
struct ConsultToCaseOutcome {
  Consultation consultation;         ///< with case_id set
  Case record;                       ///< the registered case
  std::string commit;                ///< "" for a dry run
  std::vector<Diagnostic> warnings;  ///< from the case checks
};

/// Turns consultation `id` into an intake (统一受理) through `w`: registers
/// the draft of DraftCaseFromConsultation by the same intake as `mediate
/// intake` (StageIntake: the next case id, every case check), its `received` event naming the
/// consultation (payload consultation: <id>, channel "front_desk"), sets the consultation's `case`,
/// and writes both files in one commit "intake: <case-id> <label> (from <id>)". kNotFound for an
/// unknown id; kRejected (nothing written) when it already became a case or the case is invalid.
Result<ConsultToCaseOutcome> ConsultationToCase(StoreWrite& w, const std::string& id,
                                                const ConsultToCase& in, const Signature& op,
                                                Timestamp now);

}  // namespace mediate
