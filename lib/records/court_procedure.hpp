// The court's procedure (普通程序 ordinary, 简易程序 summary) of a
// court-entrusted (委托) case: it sets the time limit of the entrusted
// mediation (SPC 2016: 15 days for ordinary, 7 for summary procedure, from
// the receipt of the materials; ConcludeLimitDays, lifecycle.hpp). Only a
// case the court entrusts after filing it has a procedure. Pure functions.
#pragma once

#include <string>

#include "case.hpp"

namespace mediate {

/// The stored code (`procedure:` of a case file) of `text`: "ordinary",
/// "court_ordinary" or 普通程序 → "court_ordinary"; "summary",
/// "court_summary" or 简易程序 → "court_summary"; "" for anything else.
std::string ProcedureCode(const std::string& text);

/// What is wrong with `c.procedure`, "" when nothing: a procedure on a case
/// whose source is not court_entrusted (SPC 2016: the ordinary and summary
/// limits are those of court-entrusted mediation; a court-delegated case,
/// not yet filed, has 30 days and no procedure), or an unknown code.
std::string ProcedureProblem(const Case& c);

}  // namespace mediate
