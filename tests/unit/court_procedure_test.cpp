// lib/records/court_procedure.cpp: the procedure of a court-entrusted case
// and the time limit it sets (SPC 2016).
#include <catch2/catch.hpp>

#include "case_fixture.hpp"
#include "court_procedure.hpp"
#include "lifecycle.hpp"

using namespace mediate;
using test::Shanghai;

TEST_CASE("a procedure belongs to a court-entrusted case only", "[court_procedure]") {
  CHECK(ProcedureCode("summary") == "court_summary");
  CHECK(ProcedureCode("简易程序") == "court_summary");
  CHECK(ProcedureCode("ordinary") == "court_ordinary");
  CHECK(ProcedureCode("court_ordinary") == "court_ordinary");
  CHECK(ProcedureCode("fast") == "");
  Case c = test::Neighbour();
  c.source = "court_entrusted";
  c.procedure = "court_summary";
  CHECK(ProcedureProblem(c).empty());
  // SPC 2016: 7 days for the summary procedure, 15 for the ordinary one.
  CHECK(ConcludeLimitDays(c, Shanghai()) == 7);
  c.procedure = "court_ordinary";
  CHECK(ConcludeLimitDays(c, Shanghai()) == 15);
  c.source = "application";
  CHECK(ProcedureProblem(c) ==
        "a procedure (ordinary or summary) belongs to a court-entrusted case (source "
        "court_entrusted, 法院委托; SPC 2016), not to one whose source is application; drop the "
        "procedure or correct the source");
  c.procedure.clear();
  CHECK(ProcedureProblem(c).empty());
}
