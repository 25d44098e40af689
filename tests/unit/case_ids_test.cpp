// lib/store/case_ids.cpp: the ids several case files hold, found from the
// file names of each month folder, and the refusal readers give.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "case_ids.hpp"

using namespace mediate;

TEST_CASE("one id in two month folders is a duplicate naming both files", "[case_ids]") {
  CaseIdTally t;
  // Added in no particular order, as the scan's tasks finish.
  t.Add("cases/2026/04", {"WBL-2026-000001.yaml", "WBL-2026-000003.yaml"});
  t.Add("cases/2026/03", {"WBL-2026-000001.yaml", "WBL-2026-000002.yaml"});
  t.Add("cases/2025/12", {"WBL-2025-000001.yaml", "WBX-2026-000001.yaml"});
  t.Add("cases/2026/05", {});
  auto d = t.Duplicates();
  REQUIRE(d.size() == 1);
  CHECK(d[0].id == "WBL-2026-000001");
  CHECK(d[0].paths == std::vector<std::string>{"cases/2026/03/WBL-2026-000001.yaml",
                                               "cases/2026/04/WBL-2026-000001.yaml"});
}

TEST_CASE("three files of one id, names that are no id, several duplicates", "[case_ids]") {
  CaseIdTally t;
  t.Add("cases/2026/01", {"WBL-2026-000007.yaml", "notes.yaml", "WBX-2026-000002.yaml"});
  t.Add("cases/2026/02", {"WBL-2026-000007.yaml", "notes.yaml"});
  t.Add("cases/2026/03", {"WBL-2026-000007.yaml", "WBX-2026-000002.yaml"});
  auto d = t.Duplicates();
  REQUIRE(d.size() == 3);  // sorted by file name
  CHECK(d[0].id == "WBL-2026-000007");
  CHECK(d[0].paths.size() == 3);
  CHECK(d[1].id == "WBX-2026-000002");
  CHECK(d[1].paths == std::vector<std::string>{"cases/2026/01/WBX-2026-000002.yaml",
                                               "cases/2026/03/WBX-2026-000002.yaml"});
  CHECK(d[2].id == "notes");
}

TEST_CASE("a store without duplicates passes, with them readers refuse naming them", "[case_ids]") {
  CHECK(RefuseDuplicateCaseIds({}).ok());
  std::vector<DuplicateCaseId> d = {
      {"WBL-2026-000001",
       {"cases/2026/03/WBL-2026-000001.yaml", "cases/2026/04/WBL-2026-000001.yaml"}},
      {"WBL-2026-000009",
       {"cases/2026/05/WBL-2026-000009.yaml", "cases/2026/06/WBL-2026-000009.yaml"}}};
  Status st = RefuseDuplicateCaseIds(d);
  REQUIRE_FALSE(st.ok());
  CHECK(st.kind() == ErrorKind::kRejected);
  CHECK(st.message() ==
        "case id WBL-2026-000001 is held by 2 files: cases/2026/03/WBL-2026-000001.yaml and "
        "cases/2026/04/WBL-2026-000001.yaml; give one a new id with 'mediate renumber "
        "WBL-2026-000001' (and 1 other duplicated id: mediate validate lists them)");
  REQUIRE(st.diagnostics().size() == 4);
  CHECK(st.diagnostics()[1].where.file == "cases/2026/04/WBL-2026-000001.yaml");
  CHECK(st.diagnostics()[1].message ==
        "case id WBL-2026-000001 is also held by cases/2026/03/WBL-2026-000001.yaml");
}
