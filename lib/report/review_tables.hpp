// Case-quality review (案件质量评查) laid out as Tables for rendering: the
// automatic checks of `review check` (CheckCases, review.hpp) and the
// reviewers' statistics of `review stats` and the annual report
// (ComputeReviewStats, review_record.hpp).
#pragma once

#include <functional>
#include <string>

#include "review.hpp"
#include "review_record.hpp"
#include "table.hpp"

namespace mediate {

/// The check result as a table of kinds: code, label, cases (int), one row
/// per automatic code in AutomaticFindingCodes order, zero counts
/// included; a totals row ("total", "有问题的案件", the distinct cases with
/// findings) and a note of how many case files were checked. `label`
/// gives the Chinese label of a finding code.
Table ReviewCheckTable(const ReviewCheckResult& r,
                       const std::function<std::string(const std::string&)>& label);

/// The check result case by case: code, label, case — one row per finding,
/// by code in AutomaticFindingCodes order, then case id. No totals, no
/// notes.
Table ReviewCasesTable(const ReviewCheckResult& r,
                       const std::function<std::string(const std::string&)>& label);

/// The review statistics as one row: files_reviewed, typed_problems,
/// typed_kinds, individual_problems, files_with_problems (ints),
/// average_score (one decimal; empty when no review was scored); with a
/// note "most frequent: …" naming the three most frequent kinds (code,
/// label, occurrences) when there are any.
Table ReviewStatsTable(const ReviewStats& s,
                       const std::function<std::string(const std::string&)>& label);

/// Typed problems by kind, most frequent first (ties by code): code,
/// label, occurrences (int), share (of all typed problems, ratio 0..1);
/// totals row "total", "", all typed problems, 1 (0 when there are none).
Table ReviewKindsTable(const ReviewStats& s,
                       const std::function<std::string(const std::string&)>& label);

}  // namespace mediate
