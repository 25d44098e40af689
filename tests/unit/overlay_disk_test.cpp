#include <catch2/catch.hpp>

#include <algorithm>

#include "overlay_disk.hpp"
#include "test_support.hpp"

using namespace mediate;
using mediate::test::TempDir;
using mediate::test::WriteFile;

TEST_CASE("the overlay shows changed, new and removed files over the disk", "[overlay]") {
  TempDir dir;
  const std::string root = dir.str();
  WriteFile(dir.path() / "orgs" / "A.yaml", "a: 1\n");
  WriteFile(dir.path() / "orgs" / "B.yaml", "b: 1\n");
  OverlayDisk disk(RealDisk(), {{root + "/orgs/A.yaml", std::string("a: 2\n")},
                                {root + "/orgs/B.yaml", std::nullopt},
                                {root + "/orgs/C.yaml", std::string("c: 1\n")},
                                {root + "/cases/2026/03/X.yaml", std::string("x\n")}});
  CHECK(*disk.ReadFile(root + "/orgs/A.yaml", nullptr, true) == "a: 2\n");
  CHECK(disk.ReadFile(root + "/orgs/B.yaml", nullptr, true).status().kind() ==
        ErrorKind::kNotFound);
  CHECK(*disk.ReadFile(root + "/orgs/C.yaml", nullptr, true) == "c: 1\n");
  auto listed = disk.List(root + "/orgs");
  REQUIRE(listed.ok());
  CHECK(*listed == std::vector<std::string>{"A.yaml", "C.yaml"});
  // A folder only the changes make exists, with its child folders.
  auto top = disk.List(root);
  REQUIRE(top.ok());
  CHECK(std::find(top->begin(), top->end(), "cases") != top->end());
  CHECK(disk.Stat(root + "/cases/2026", true)->is_directory());
  CHECK(*disk.List(root + "/cases/2026/03") == std::vector<std::string>{"X.yaml"});
  CHECK(disk.Stat(root + "/orgs/C.yaml", true)->size == 5);
  // The disk beneath is untouched.
  CHECK(mediate::test::ReadFile(dir.path() / "orgs" / "A.yaml") == "a: 1\n");
  CHECK(!RealDisk().Stat(root + "/orgs/C.yaml").ok());
}

TEST_CASE("a scoped overlay is the library's disk while it lives", "[overlay]") {
  TempDir dir;
  const std::string path = dir.str() + "/f.txt";
  WriteFile(path, "old");
  {
    std::map<std::string, std::optional<std::string>> changes{{path, std::string("new")}};
    ScopedOverlay scope(std::move(changes));
    CHECK(*CurrentDisk().ReadFile(path) == "new");
  }
  CHECK(*CurrentDisk().ReadFile(path) == "old");
  CHECK(&CurrentDisk() == &RealDisk());
}
