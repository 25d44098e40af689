#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "git_repo.hpp"
#include "test_support.hpp"

using namespace mediate;
using mediate::test::ReadFile;
using mediate::test::TempDir;
using mediate::test::WriteFile;
namespace fs = std::filesystem;

namespace {

std::string Run(const std::string& cmd) { return mediate::test::RunShell(cmd); }

template <typename Dir>
std::string Git(const Dir& dir, const std::string& args) {
  return Run("git -C '" + dir.str() + "' " + args + " 2>&1");
}

/// A temporary directory on tmpfs (/dev/shm) when there is one: the large
/// tests create tens of thousands of files, and deleting them from a disk
/// mounted with `discard` costs minutes. Falls back to the system temp dir.
class ShmDir {
 public:
  ShmDir() {
    std::error_code ec;
    fs::path base =
        fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    std::random_device rd;
    for (;;) {
      path_ = base / ("mediate-test-" + std::to_string(rd()));
      if (fs::create_directory(path_)) break;
    }
  }
  ~ShmDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ShmDir(const ShmDir&) = delete;
  ShmDir& operator=(const ShmDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

const Signature kWang{"王某", "wang@example.org"};

template <typename Dir>
GitRepo MustInit(const Dir& dir) {
  auto r = GitRepo::Init(dir.str());
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::string MustCommit(GitRepo& repo, const std::vector<std::string>& paths,
                       const std::string& message) {
  auto head = repo.HeadId();
  REQUIRE(head.ok());
  auto id = repo.CommitPaths(paths, *head, kWang, message);
  INFO(id.status().message());
  REQUIRE(id.ok());
  return *id;
}

}  // namespace

TEST_CASE("Signature::Parse reads 'Name <email>' and bare names", "[git]") {
  auto s = Signature::Parse("王某 <wang@example.org>");
  REQUIRE(s);
  CHECK(s->name == "王某");
  CHECK(s->email == "wang@example.org");
  CHECK(s->ToString() == "王某 <wang@example.org>");

  auto spaced = Signature::Parse("  Li Si   <li@example.org>  ");
  REQUIRE(spaced);
  CHECK(spaced->name == "Li Si");
  CHECK(spaced->email == "li@example.org");

  auto bare = Signature::Parse("王某", "w@x.cn");
  REQUIRE(bare);
  CHECK(bare->name == "王某");
  CHECK(bare->email == "w@x.cn");

  auto bare_no_fallback = Signature::Parse("王某");
  REQUIRE(bare_no_fallback);
  CHECK(bare_no_fallback->email.empty());

  CHECK_FALSE(Signature::Parse(""));
  CHECK_FALSE(Signature::Parse("   "));
  CHECK_FALSE(Signature::Parse("<wang@example.org>"));
  CHECK_FALSE(Signature::Parse("王某 <wang@example.org"));
  CHECK_FALSE(Signature::Parse("王某 wang@example.org>"));
  CHECK_FALSE(Signature::Parse("王某 <a<b@c>"));
  CHECK_FALSE(Signature::Parse("王某 <wang@example.org> trailing"));
  CHECK_FALSE(Signature::Parse("王某 <>"));
  CHECK_FALSE(Signature::Parse("王\n某 <w@x>"));
}

TEST_CASE("Init creates an empty repository on branch main - Open finds it", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  CHECK(repo.workdir() == dir.str());
  CHECK(repo.git_dir() == dir.str() + "/.git");
  auto head = repo.HeadId();
  REQUIRE(head.ok());
  CHECK(head->empty());
  CHECK(Git(dir, "symbolic-ref HEAD") == "refs/heads/main\n");

  auto again = GitRepo::Init(dir.str());
  REQUIRE_FALSE(again.ok());
  CHECK(again.status().kind() == ErrorKind::kIo);

  auto opened = GitRepo::Open(dir.str());
  REQUIRE(opened.ok());
  CHECK(opened->HeadId().value().empty());

  TempDir plain;
  auto none = GitRepo::Open(plain.str());
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().kind() == ErrorKind::kNotFound);

  // Log and ReadHead on an unborn branch: nothing yet.
  CHECK(repo.Log("a.yaml").value().empty());
  CHECK_FALSE(repo.ReadHead("a.yaml").value().has_value());
}

TEST_CASE("first commit has no parent, the signature as author, and only the given paths",
          "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  WriteFile(dir.path() / "a.yaml", "a: 1\n");
  WriteFile(dir.path() / "b.yaml", "b: 1\n");
  auto id = repo.CommitPaths({"a.yaml"}, "", kWang, "intake: first");
  INFO(id.status().message());
  REQUIRE(id.ok());
  CHECK(id->size() == 40);
  CHECK(repo.HeadId().value() == *id);
  CHECK(Git(dir, "rev-parse HEAD") == *id + "\n");
  CHECK(Git(dir, "rev-list --count HEAD") == "1\n");
  CHECK(Git(dir, "log -1 --format='%an <%ae>|%cn <%ce>|%s'") ==
        "王某 <wang@example.org>|王某 <wang@example.org>|intake: first\n");
  CHECK(Git(dir, "ls-tree -r --name-only HEAD") == "a.yaml\n");
  CHECK(repo.ReadHead("a.yaml").value() == std::optional<std::string>("a: 1\n"));
  CHECK_FALSE(repo.ReadHead("b.yaml").value().has_value());
  // b.yaml stays untracked and untouched; a.yaml is clean in git's own eyes.
  CHECK(Git(dir, "status --porcelain") == "?? b.yaml\n");
  CHECK(repo.DirtyPaths().value() == std::vector<std::string>{"b.yaml"});
  CHECK(ReadFile(dir.path() / "b.yaml") == "b: 1\n");
}

TEST_CASE("committing a subset of changed files leaves the others as they were", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  WriteFile(dir.path() / "a.yaml", "a: 1\n");
  WriteFile(dir.path() / "c.yaml", "c: 1\n");
  std::string first = MustCommit(repo, {"a.yaml", "c.yaml"}, "base");
  CHECK(Git(dir, "status --porcelain").empty());

  WriteFile(dir.path() / "a.yaml", "a: 2\n");
  WriteFile(dir.path() / "c.yaml", "c: 2\n");
  WriteFile(dir.path() / "cases/2026/03/WBL-2026-000001.yaml", "id: WBL-2026-000001\n");
  WriteFile(dir.path() / "notes/todo.txt", "x\n");
  std::string second = MustCommit(repo, {"a.yaml", "cases/2026/03/WBL-2026-000001.yaml"},
                                  "intake: WBL-2026-000001 邻里纠纷\n\nMediate-Action: intake");
  CHECK(Git(dir, "rev-parse HEAD~1") == first + "\n");
  CHECK(Git(dir, "status --porcelain") == " M c.yaml\n?? notes/\n");
  CHECK(repo.DirtyPaths().value() == std::vector<std::string>{"c.yaml", "notes/todo.txt"});
  CHECK(repo.ReadHead("c.yaml").value() == std::optional<std::string>("c: 1\n"));
  CHECK(repo.ReadHead("cases/2026/03/WBL-2026-000001.yaml").value() ==
        std::optional<std::string>("id: WBL-2026-000001\n"));
  CHECK(Git(dir, "log -1 --format=%B") ==
        "intake: WBL-2026-000001 邻里纠纷\n\nMediate-Action: intake\n\n");
  CHECK(repo.ChangedFromHead({"a.yaml", "c.yaml", "notes/todo.txt", "gone.yaml"}).value() ==
        std::vector<std::string>{"c.yaml", "notes/todo.txt"});
  // git fsck finds the objects and refs sound.
  CHECK(Git(dir, "fsck --no-dangling; echo rc=$?").find("rc=0") != std::string::npos);
}

TEST_CASE("a deleted file leaves the tree, and an emptied directory with it", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  WriteFile(dir.path() / "a.yaml", "a\n");
  WriteFile(dir.path() / "d/e/f.yaml", "f\n");
  MustCommit(repo, {"a.yaml", "d/e/f.yaml"}, "base");
  std::filesystem::remove(dir.path() / "d/e/f.yaml");
  MustCommit(repo, {"d/e/f.yaml", "never-existed.yaml"}, "delete f");
  CHECK(Git(dir, "ls-tree -r -t --name-only HEAD") == "a.yaml\n");
  CHECK(Git(dir, "status --porcelain").empty());
  CHECK_FALSE(repo.ReadHead("d/e/f.yaml").value().has_value());
  auto log = repo.Log("d/e/f.yaml");
  REQUIRE(log.ok());
  REQUIRE(log->size() == 2);
  CHECK(log->at(0).summary == "delete f");
  CHECK(log->at(1).summary == "base");
}

TEST_CASE("CommitPaths fails kBusy when HEAD moved, touching nothing", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  WriteFile(dir.path() / "a.yaml", "1\n");
  std::string first = MustCommit(repo, {"a.yaml"}, "one");
  WriteFile(dir.path() / "a.yaml", "2\n");
  std::string second = MustCommit(repo, {"a.yaml"}, "two");
  WriteFile(dir.path() / "a.yaml", "3\n");
  auto stale = repo.CommitPaths({"a.yaml"}, first, kWang, "three");
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.status().kind() == ErrorKind::kBusy);
  CHECK(stale.status().message().find("HEAD moved") == 0);
  CHECK(repo.HeadId().value() == second);
  // Expecting an empty history when there is one is the same mistake.
  auto unborn = repo.CommitPaths({"a.yaml"}, "", kWang, "three");
  REQUIRE_FALSE(unborn.ok());
  CHECK(unborn.status().kind() == ErrorKind::kBusy);
  CHECK(repo.HeadId().value() == second);
}

TEST_CASE("CommitPaths fails kBusy while .git/index.lock exists, before HEAD moves", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  WriteFile(dir.path() / "a.yaml", "1\n");
  std::string first = MustCommit(repo, {"a.yaml"}, "one");
  WriteFile(dir.path() / ".git/index.lock", "");
  CHECK(repo.CheckNoIndexLock().kind() == ErrorKind::kBusy);
  WriteFile(dir.path() / "a.yaml", "2\n");
  auto r = repo.CommitPaths({"a.yaml"}, first, kWang, "two");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == ErrorKind::kBusy);
  CHECK(r.status().message().find("another git process holds .git/index.lock") == 0);
  CHECK(repo.HeadId().value() == first);
  std::filesystem::remove(dir.path() / ".git/index.lock");
  CHECK(repo.CheckNoIndexLock().ok());
}

TEST_CASE("CommitPaths refuses bad paths and authors without an email", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  WriteFile(dir.path() / "a.yaml", "1\n");
  for (std::string bad : {"/etc/passwd", "../x", "a/../b", ".git/config", "a//b", "", "d/"}) {
    auto r = repo.CommitPaths({bad}, "", kWang, "m");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().kind() == ErrorKind::kRejected);
  }
  auto r = repo.CommitPaths({"a.yaml"}, "", Signature{"王某", ""}, "m");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == ErrorKind::kUsage);
  CHECK(repo.HeadId().value().empty());
}

TEST_CASE("Log lists the commits that changed a path, newest first - ReadAt reads them", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  const std::string path = "cases/2026/03/WBL-2026-000042.yaml";
  WriteFile(dir.path() / path, "v1\n");
  std::string c1 = MustCommit(repo, {path}, "intake: 42");
  WriteFile(dir.path() / "other.yaml", "o\n");
  std::string other = MustCommit(repo, {"other.yaml"}, "unrelated");
  WriteFile(dir.path() / path, "v2\n");
  std::string c2 = MustCommit(repo, {path}, "assign: 42");
  WriteFile(dir.path() / path, "v3\n");
  std::string c3 = MustCommit(repo, {path}, "close: 42\n\nMediate-Case: WBL-2026-000042");

  auto log = repo.Log(path);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 3);
  CHECK(log->at(0).id == c3);
  CHECK(log->at(1).id == c2);
  CHECK(log->at(2).id == c1);
  CHECK(log->at(0).short_id == c3.substr(0, 7));
  CHECK(log->at(0).summary == "close: 42");
  CHECK(log->at(0).message == "close: 42\n\nMediate-Case: WBL-2026-000042\n");
  CHECK(log->at(0).author.name == "王某");
  CHECK(log->at(0).author.email == "wang@example.org");
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  CHECK(log->at(0).time <= now);
  CHECK(log->at(0).time > now - 600);

  auto other_log = repo.Log("other.yaml");
  REQUIRE(other_log.ok());
  REQUIRE(other_log->size() == 1);
  CHECK(other_log->at(0).id == other);
  CHECK(repo.Log("nowhere.yaml").value().empty());

  CHECK(repo.ReadAt(c1, path).value() == std::optional<std::string>("v1\n"));
  CHECK(repo.ReadAt(c2, path).value() == std::optional<std::string>("v2\n"));
  CHECK(repo.ReadAt(c3.substr(0, 10), path).value() == std::optional<std::string>("v3\n"));
  CHECK(repo.ReadAt("HEAD~1", path).value() == std::optional<std::string>("v2\n"));
  CHECK_FALSE(repo.ReadAt(c1, "other.yaml").value().has_value());
  auto unknown = repo.ReadAt(std::string(40, 'e'), path);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().kind() == ErrorKind::kNotFound);
  auto directory = repo.ReadAt(c1, "cases/2026");
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().kind() == ErrorKind::kIo);
}

TEST_CASE("ConfigString reads the repository's git config", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  Git(dir, "config mediate.office WBL");
  Git(dir, "config user.name '调解员 甲'");
  auto reopened = GitRepo::Open(dir.str());
  REQUIRE(reopened.ok());
  CHECK(reopened->ConfigString("mediate.office") == std::optional<std::string>("WBL"));
  CHECK(reopened->ConfigString("user.name") == std::optional<std::string>("调解员 甲"));
  CHECK_FALSE(reopened->ConfigString("mediate.no-such-key").has_value());
}

TEST_CASE("SyncIndex brings the index back to HEAD for the given paths", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  WriteFile(dir.path() / "a.yaml", "1\n");
  MustCommit(repo, {"a.yaml"}, "one");
  // Make the index disagree, as a crash between the ref update and the
  // index write would.
  WriteFile(dir.path() / "a.yaml", "2\n");
  Git(dir, "add a.yaml");
  WriteFile(dir.path() / "a.yaml", "1\n");
  CHECK(Git(dir, "status --porcelain") == "MM a.yaml\n");
  REQUIRE(repo.SyncIndex({"a.yaml"}).ok());
  CHECK(Git(dir, "status --porcelain").empty());
}

TEST_CASE("the index stays whole even when the repository asks git for a split index", "[git]") {
  // libgit2 cannot read a split index ("unsupported mandatory extension"):
  // the index update through git must not write one.
  TempDir dir;
  auto repo = MustInit(dir);
  Git(dir, "config core.splitIndex true");
  WriteFile(dir.path() / "a.yaml", "1\n");
  MustCommit(repo, {"a.yaml"}, "one");
  WriteFile(dir.path() / "b.yaml", "2\n");
  MustCommit(repo, {"b.yaml"}, "two");
  // (Checked before any git command of the test's own, which would split it.)
  CHECK_FALSE(fs::exists(dir.path() / ".git/sharedindex.x"));
  int shared = 0;
  for (const auto& e : fs::directory_iterator(dir.path() / ".git"))
    shared += e.path().filename().string().rfind("sharedindex.", 0) == 0;
  CHECK(shared == 0);
  auto dirty = repo.DirtyPaths();  // libgit2 reads the index
  INFO(dirty.status().message());
  REQUIRE(dirty.ok());
  CHECK(dirty->empty());
  CHECK(Git(dir, "ls-files") == "a.yaml\nb.yaml\n");
}

TEST_CASE("without git installed the index is written by libgit2", "[git]") {
  TempDir dir;
  auto repo = MustInit(dir);
  WriteFile(dir.path() / "a.yaml", "1\n");
  WriteFile(dir.path() / "d/b.yaml", "2\n");
  MustCommit(repo, {"a.yaml", "d/b.yaml"}, "one");
  std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", dir.str().c_str(), 1);  // no git there
  WriteFile(dir.path() / "a.yaml", "3\n");
  std::filesystem::remove(dir.path() / "d/b.yaml");
  auto id = repo.CommitPaths({"a.yaml", "d/b.yaml"}, repo.HeadId().value(), kWang, "two");
  ::setenv("PATH", path.c_str(), 1);
  INFO(id.status().message());
  REQUIRE(id.ok());
  CHECK(Git(dir, "ls-files") == "a.yaml\n");
  CHECK(Git(dir, "status --porcelain").empty());
}

// How fast these commits are is measured by bench/run (import, intake), not here.
TEST_CASE("a batch of 10000 files is one commit, and one path of it is changed alone", "[git]") {
  ShmDir dir;
  auto repo = MustInit(dir);
  const int kFiles = 10000;
  std::vector<std::string> paths;
  for (int i = 0; i < kFiles; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "cases/2026/%02d/WBL-2026-%06d.yaml", i % 12 + 1, i);
    paths.push_back(name);
    WriteFile(dir.path() / name, std::string("id: ") + name + "\nsummary: 邻里纠纷\n");
  }
  MustCommit(repo, paths, "import: 10000 cases");
  CHECK(Git(dir, "rev-list --count HEAD") == "1\n");
  CHECK(Git(dir, "ls-files | wc -l") == "10000\n");
  CHECK(Git(dir, "status --porcelain").empty());

  WriteFile(dir.path() / paths[5000], "changed\n");
  MustCommit(repo, {paths[5000]}, "edit one");
  CHECK(Git(dir, "rev-list --count HEAD") == "2\n");
  CHECK(Git(dir, "status --porcelain").empty());
  CHECK(Git(dir, "diff --stat HEAD~1 HEAD | tail -1") ==
        " 1 file changed, 1 insertion(+), 2 deletions(-)\n");
}

TEST_CASE("a file rewritten within the second of a commit still shows as modified", "[git]") {
  // Racy git: git compares whole seconds only. An index entry recorded in
  // the same second as the index file was written cannot be trusted, and
  // must be "smudged" when a later commit rewrites the index in a later
  // second; otherwise git takes a same-size rewrite for unchanged.
  using Clock = std::chrono::system_clock;
  auto second_of = [](Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
  };
  bool arranged = false;
  for (int attempt = 0; attempt < 5 && !arranged; ++attempt) {
    // Start early in a second so the first steps fit into it.
    while (Clock::now() - std::chrono::floor<std::chrono::seconds>(Clock::now()) >
           std::chrono::milliseconds(300))
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    auto start = second_of(Clock::now());
    TempDir dir;
    auto repo = MustInit(dir);
    WriteFile(dir.path() / "a.yaml", "a: 1\n");
    WriteFile(dir.path() / "c.yaml", "c: 1\n");
    MustCommit(repo, {"a.yaml", "c.yaml"}, "base");
    WriteFile(dir.path() / "a.yaml", "a: 2\n");
    WriteFile(dir.path() / "c.yaml", "c: 2\n");      // same size, same inode
    if (second_of(Clock::now()) != start) continue;  // too slow: try again
    arranged = true;
    while (second_of(Clock::now()) == start)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    MustCommit(repo, {"a.yaml"}, "a only");  // rewrites the index a second later
    CHECK(Git(dir, "status --porcelain") == " M c.yaml\n");
  }
  CHECK(arranged);
}
