// The grade eligibility of `mediator eligible` (CheckGrades,
// grade_eligibility.hpp, decides it) laid out as a Table for rendering.
#pragma once

#include <vector>

#include "grade_eligibility.hpp"
#include "table.hpp"

namespace mediate {

/// `checks` as a table, in their order, only the eligible ones unless
/// `all`: columns id, name, org, grade (held now; empty when not graded),
/// checked_grade, years (int; empty when no filing date), cases, success
/// (ratio; empty with no cases), oral_share (ratio; empty with none
/// agreed), training_hours (hours, one decimal), escalations, eligible
/// (yes/no), unmet (the unmet thresholds joined by "; "). One note: how
/// many (mediator, grade) pairs of `checks` are eligible, listed or not,
/// and where the thresholds come from (store setting).
Table EligibilityTable(const std::vector<GradeCheck>& checks, bool all);

}  // namespace mediate
