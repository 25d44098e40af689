// lib/domain/deadlines.cpp: the due report's order and overdue count (the
// deadlines of one case: lifecycle_test.cpp; the table: due_table_test.cpp).
#include <catch2/catch.hpp>

#include "deadlines.hpp"

using namespace mediate;

namespace {

DueEntry Entry(const char* id, const char* kind, const char* due, int days_left) {
  DueEntry e;
  e.id = id;
  e.deadline.kind = kind;
  e.deadline.due = *Date::Parse(due);
  e.days_left = days_left;
  return e;
}

}  // namespace

TEST_CASE("due entries go by kind, then date, then id, overdue ones counted", "[due]") {
  DueList due = OrderDueEntries(
      {Entry("C", "visit", "2026-03-01", -2), Entry("B", "conclude", "2026-03-05", 2),
       Entry("A", "conclude", "2026-03-05", 2), Entry("D", "confirmation", "2026-03-04", 1),
       Entry("E", "conclude", "2026-03-01", -2)});
  std::vector<std::string> ids;
  for (const auto& e : due.entries) ids.push_back(e.id);
  CHECK(ids == std::vector<std::string>{"E", "A", "B", "D", "C"});
  CHECK(due.overdue == 2);
  DueList none = OrderDueEntries({});
  CHECK(none.entries.empty());
  CHECK(none.overdue == 0);
}
