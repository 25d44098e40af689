// Unified intake (统一受理): turning a draft case into a registered one.
#pragma once

#include <string>

#include "case.hpp"
#include "case_checks.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"

namespace mediate {

class Vocabulary;

/// Registers `draft` as case `id`: normalises identifiers (upper-case X in
/// ID numbers and credit codes; phone numbers are kept as written), sets the
/// received time to `now` when the draft has none, appends the `received`
/// event (by `op`, with `channel`), derives the state fields by replay, and
/// runs every check of CheckCase. kRejected with all problems when any
/// check fails; warnings are returned in `warnings`.
Result<Case> RegisterCase(Case draft, const std::string& id, const Timestamp& now,
                          const Signature& op, const std::string& channel, const CheckContext& ctx,
                          std::vector<Diagnostic>* warnings);

/// A case draft written as YAML (the fields of a case file without id and
/// events; `intake --file`), read with the strict loader. kRejected with
/// every problem at `name`:line:column; nothing is registered then.
Result<Case> DraftCaseFromYaml(const std::string& text, const std::string& name,
                               const Vocabulary& vocab);

/// Registers `draft` as the next case of the store through `w` (the one
/// intake of `intake` and `consult --to-case`): the case ID is the next of
/// the office for the local year received (`now` when the draft has none;
/// StoreWrite::NextCaseId), RegisterCase runs every check (channel
/// `channel`), the case gets its file number (DerivedFileNumber of the id,
/// file_number.hpp: registration is acceptance; a number the draft carries
/// is kept), and when `consultation` is not empty the `received` event
/// names it (payload consultation: <id>). Stages the case file; the caller
/// commits. kRejected with all problems, nothing staged; warnings to
/// `warnings`.
Result<Case> StageIntake(StoreWrite& w, Case draft, const Signature& op, Timestamp now,
                         const std::string& channel, const std::string& consultation,
                         std::vector<Diagnostic>* warnings);

/// What `mediate intake` did.
struct IntakeOutcome {
  Case record;                 ///< the registered case
  std::string category_label;  ///< its category as people read it (邻里纠纷)
  std::string commit;          ///< commit id; "" for a dry run
};

/// `mediate intake`: StageIntake with channel "intake", then one commit
/// IntakeCommitMessage (a dry run checks and writes nothing). kRejected
/// (nothing written) when a check fails; kBusy/kIo from the write. The
/// checks' warnings go to `warnings`, also when the intake is refused.
Result<IntakeOutcome> IntakeCase(StoreWrite& w, Case draft, const Signature& op, Timestamp now,
                                 std::vector<Diagnostic>* warnings);

/// The commit message of an intake: "intake: WBL-2026-000042 邻里纠纷" with
/// Mediate-Action and Mediate-Case trailers.
std::string IntakeCommitMessage(const Case& c, const std::string& category_label);

}  // namespace mediate
