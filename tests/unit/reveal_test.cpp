#include <catch2/catch.hpp>

#include <cstdio>

#include "git_repo.hpp"
#include "reveal.hpp"
#include "test_support.hpp"

using namespace mediate;

TEST_CASE("a reveal's message names the command, the options and each case", "[reveal]") {
  CHECK(RevealMessage({"show", {"WBL-2026-000042"}, "--format text"}) ==
        "reveal: show WBL-2026-000042\n\nMediate-Action: reveal\nMediate-Reveal: show --format "
        "text\nMediate-Case: WBL-2026-000042\n");
  std::vector<std::string> many;
  for (int i = 1; i <= 51; ++i) many.push_back("WBL-2026-" + std::to_string(100000 + i));
  std::string m = RevealMessage({"export", many, "status:agreed\nx"});
  CHECK(m.rfind("reveal: export 51 cases\n", 0) == 0);
  CHECK(m.find("Mediate-Reveal: export status:agreed x\n") != std::string::npos);
  CHECK(m.find("Mediate-Cases: 51\n") != std::string::npos);
  CHECK(m.find("Mediate-Case: ") == std::string::npos);
}

TEST_CASE("a reveal is an empty commit by the operator", "[reveal]") {
  test::TempDir dir;
  auto repo = GitRepo::Init(dir.str());
  REQUIRE(repo.ok());
  test::WriteFile(dir.path() / "mediate.yaml", "office: \"WBL\"\n");
  Signature op{"王某", "wang@example.org"};
  auto first = repo->CommitPaths({"mediate.yaml"}, "", op, "init\n\nMediate-Action: init\n");
  REQUIRE(first.ok());
  auto rec = RecordReveal(dir.str(), op, {"doc", {"WBL-2026-000042"}, "--kind agreement"});
  REQUIRE(rec.ok());
  auto head = repo->HeadId();
  REQUIRE(head.ok());
  CHECK(*head == *rec);
  auto log = repo->Log("");
  REQUIRE(log.ok());
  REQUIRE(log->size() == 2);
  CHECK((*log)[0].summary == "reveal: doc WBL-2026-000042");
  CHECK((*log)[0].author.ToString() == "王某 <wang@example.org>");
  // No file changed: mediate.yaml is the one commit that touched anything.
  auto touched = repo->Log("mediate.yaml");
  REQUIRE(touched.ok());
  CHECK(touched->size() == 1);
  auto dirty = repo->DirtyPaths();
  REQUIRE(dirty.ok());
  CHECK(dirty->empty());
}
