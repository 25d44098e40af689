// Sorting a scan's summaries by case id without a second copy of them.
#pragma once

#include <vector>

#include "case_summary.hpp"

namespace mediate {

/// Sorts `cases` by id (byte order; equal ids keep their order), moving
/// each summary once, in place: keys are sorted apart, then the permutation
/// is applied cycle by cycle, so a million summaries are never held twice.
void SortSummariesById(std::vector<CaseSummary>* cases);

}  // namespace mediate
