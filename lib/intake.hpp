// Unified intake (统一受理): turning a draft case into a registered one.
#pragma once

#include <string>

#include "case.hpp"
#include "case_checks.hpp"
#include "git_repo.hpp"
#include "status.hpp"

namespace mediate {

/// Registers `draft` as case `id`: normalises identifiers (upper-case X in
/// ID numbers and credit codes; phone numbers are kept as written), sets the
/// received time to `now` when the draft has none, appends the `received`
/// event (by `op`, with `channel`), derives the state fields by replay, and
/// runs every check of CheckCase. kRejected with all problems when any
/// check fails; warnings are returned in `warnings`.
Result<Case> RegisterCase(Case draft, const std::string& id, const Timestamp& now,
                          const Signature& op, const std::string& channel, const CheckContext& ctx,
                          std::vector<Diagnostic>* warnings);

/// The commit message of an intake: "intake: WBL-2026-000042 邻里纠纷" with
/// Mediate-Action and Mediate-Case trailers.
std::string IntakeCommitMessage(const Case& c, const std::string& category_label);

}  // namespace mediate
