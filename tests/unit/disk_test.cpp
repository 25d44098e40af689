// The disk interface (lib/store/disk.hpp): the real disk reads, writes, renames,
// lists and stats; the fault-injecting disk fails exactly at the step its
// fault names, and a write cut off there is rolled back.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "disk.hpp"
#include "git_repo.hpp"
#include "parallel.hpp"
#include "store_write.hpp"
#include "test_support.hpp"
#include "write_transaction.hpp"

using namespace mediate;
namespace fs = std::filesystem;

namespace {

/// Where a FaultyDisk would have killed the process: instead of SIGKILL it
/// throws, so a test sees the step and the state left behind.
struct Killed {
  std::string at;  ///< the step name
  int point = 0;   ///< how many points were passed, this one included
};

class RecordingDisk : public FaultyDisk {
 public:
  RecordingDisk(std::string spec) : FaultyDisk(RealDisk(), std::move(spec)) {}
  void Point(const std::string& name) override {
    last_ = name;
    FaultyDisk::Point(name);
  }

 protected:
  void Kill() override { throw Killed{last_, points()}; }

 private:
  std::string last_;
};

/// Installs `disk` for the scope of a test.
struct DiskScope {
  explicit DiskScope(Disk* disk) { UseDisk(disk); }
  ~DiskScope() { UseDisk(nullptr); }
};

}  // namespace

TEST_CASE("the real disk reads, writes, renames, lists and stats", "[disk]") {
  test::TempDir dir;
  Disk& disk = RealDisk();
  const std::string a = dir.str() + "/a.txt", b = dir.str() + "/b.txt";
  REQUIRE(disk.WriteFile(a, "hello\n", /*sync=*/true).ok());
  FileStat st;
  auto text = disk.ReadFile(a, &st);
  REQUIRE(text.ok());
  CHECK(*text == "hello\n");
  CHECK(st.is_regular());
  CHECK(st.size == 6);
  CHECK(disk.CreateExclusive(a, "x").kind() == ErrorKind::kBusy);
  REQUIRE(disk.Rename(a, b).ok());
  CHECK(disk.ReadFile(a).status().kind() == ErrorKind::kNotFound);
  REQUIRE(disk.MakeDir(dir.str() + "/sub").ok());
  CHECK(disk.MakeDir(dir.str() + "/sub").ok());  // exists: fine
  auto names = disk.List(dir.str());
  REQUIRE(names.ok());
  std::sort(names->begin(), names->end());
  CHECK(*names == std::vector<std::string>{"b.txt", "sub"});
  CHECK(disk.Stat(dir.str() + "/sub")->is_directory());
  auto many = disk.StatMany(dir.str(), {"b.txt", "missing"});
  REQUIRE(many.size() == 2);
  CHECK(many[0].has_value());
  CHECK(many[0]->size == 6);
  CHECK_FALSE(many[1].has_value());
  CHECK(disk.Sync(dir.str(), /*directory=*/true).ok());
  CHECK(disk.Sync(dir.str() + "/missing", false).ok());  // nothing to sync
  CHECK(disk.Remove(b).ok());
  CHECK(disk.Remove(b).kind() == ErrorKind::kNotFound);
  CHECK(disk.RemoveDir(dir.str() + "/sub").ok());
  CHECK_FALSE(disk.ShouldFail("commit"));
}

TEST_CASE("a faulty disk fails at the point its fault names, and only there", "[disk]") {
  RecordingDisk named("after-temp");
  named.Point("after-lock");
  named.Point("after-journal");
  try {
    named.Point("after-temp");
    FAIL("no fault at after-temp");
  } catch (const Killed& k) {
    CHECK(k.at == "after-temp");
    CHECK(k.point == 3);
  }

  RecordingDisk counted("kill-at:2");
  counted.Point("after-lock");
  CHECK_THROWS_AS(counted.Point("after-journal"), Killed);

  RecordingDisk fails("fail-commit");
  fails.Point("after-dir-sync");  // no kill
  CHECK(fails.ShouldFail("commit"));
  CHECK_FALSE(fails.ShouldFail("journal"));

  RecordingDisk none("");
  none.Point("after-commit");
  CHECK_FALSE(none.ShouldFail("commit"));
}

TEST_CASE("a write cut off by the faulty disk after a rename is rolled back", "[disk][write]") {
  test::TempDir dir;
  auto repo = GitRepo::Init(dir.str());
  REQUIRE(repo.ok());
  test::WriteFile(dir.path() / "a.yaml", "a1\n");
  test::WriteFile(dir.path() / "b.yaml", "b1\n");
  const Signature op{"王某", "wang@example.org"};
  auto base = repo->CommitPaths({"a.yaml", "b.yaml"}, "", op, "base");
  REQUIRE(base.ok());

  RecordingDisk faulty("after-rename:1");
  {
    DiskScope scope(&faulty);
    auto tx = WriteTransaction::Begin(dir.str(), WriteOptions{});
    REQUIRE(tx.ok());
    tx->Put("a.yaml", "a2\n");
    tx->Put("b.yaml", "b2\n");
    try {
      (void)tx->Commit(op, "change");
      FAIL("the faulty disk did not stop the write");
    } catch (const Killed& k) {
      CHECK(k.at == "after-rename:1");
    }
  }
  // The "crash" left the journal and one file renamed: a2 in place, b not.
  CHECK(fs::exists(dir.path() / ".git/mediate/journal"));
  CHECK(test::ReadFile(dir.path() / "a.yaml") == "a2\n");
  CHECK(test::ReadFile(dir.path() / "b.yaml") == "b1\n");
  auto rolled = RecoverStore(dir.str(), WriteOptions{});
  REQUIRE(rolled.ok());
  CHECK(*rolled);
  CHECK(test::ReadFile(dir.path() / "a.yaml") == "a1\n");
  CHECK_FALSE(fs::exists(dir.path() / ".git/mediate/journal"));
  CHECK(repo->HeadId().value() == *base);
}

TEST_CASE("ParallelFor calls every index once", "[disk][parallel]") {
  for (unsigned threads : {0u, 1u, 3u}) {
    std::vector<int> seen(1000, 0);
    ParallelFor(seen.size(), threads, 7, [&](std::size_t i) { ++seen[i]; });
    CHECK(std::count(seen.begin(), seen.end(), 1) == 1000);
  }
  int calls = 0;
  ParallelFor(0, 2, 4, [&](std::size_t) { ++calls; });
  CHECK(calls == 0);
}
