#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "disk.hpp"
#include "git_repo.hpp"
#include "store_write.hpp"
#include "test_support.hpp"
#include "write_transaction.hpp"

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

WriteOptions Quick(const std::string& holder = "") {
  WriteOptions o;
  o.lock_timeout = std::chrono::milliseconds(200);
  o.holder = holder;
  return o;
}

template <typename Dir>
WriteTransaction MustBegin(const Dir& dir, const WriteOptions& o = Quick()) {
  auto tx = WriteTransaction::Begin(dir.str(), o);
  INFO(tx.status().message());
  REQUIRE(tx.ok());
  return std::move(tx).value();
}

/// A store with a.yaml = "a1", b.yaml = "b1", cases/x.yaml = "x1" committed.
template <typename Dir>
std::string MakeBaseStore(const Dir& dir) {
  REQUIRE(GitRepo::Init(dir.str()).ok());
  auto tx = MustBegin(dir);
  tx.Put("a.yaml", "a1\n");
  tx.Put("b.yaml", "b1\n");
  tx.Put("cases/x.yaml", "x1\n");
  auto id = tx.Commit(kWang, "base");
  INFO(id.status().message());
  REQUIRE(id.ok());
  return *id;
}

std::string Head(const TempDir& dir) {
  auto repo = GitRepo::Open(dir.str());
  REQUIRE(repo.ok());
  return repo->HeadId().value();
}

/// A pid that is certainly not running: a child that already exited.
pid_t DeadPid() {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  int st = 0;
  ::waitpid(pid, &st, 0);
  return pid;
}

std::string HostName() {
  char buf[256] = {0};
  ::gethostname(buf, sizeof buf - 1);
  return buf;
}

/// Runs the change "a.yaml -> a2, new c.yaml, b.yaml removed, cases/x.yaml ->
/// x2, new new/dir/d.yaml" (renames in that order, 4 of them) in a child with
/// the fault `fault` (as MEDIATE_FAULT names it) injected by a FaultyDisk;
/// returns how the child ended.
int CrashingWrite(const TempDir& dir, const std::string& fault) {
  pid_t pid = ::fork();
  if (pid == 0) {
    static FaultyDisk faulty(RealDisk(), fault);
    UseDisk(&faulty);
    auto tx = WriteTransaction::Begin(dir.str(), Quick());
    if (!tx.ok()) ::_exit(10);
    tx->Put("a.yaml", "a2\n");
    tx->Put("c.yaml", "c2\n");
    tx->Remove("b.yaml");
    tx->Put("cases/x.yaml", "x2\n");
    tx->Put("new/dir/d.yaml", "d2\n");
    auto id = tx->Commit(kWang, "crash");
    ::_exit(id.ok() ? 0 : 11);
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  return st;
}

void CheckOldState(const TempDir& dir, const std::string& base) {
  CHECK(Head(dir) == base);
  CHECK(ReadFile(dir.path() / "a.yaml") == "a1\n");
  CHECK(ReadFile(dir.path() / "b.yaml") == "b1\n");
  CHECK(ReadFile(dir.path() / "cases/x.yaml") == "x1\n");
  CHECK_FALSE(fs::exists(dir.path() / "c.yaml"));
  CHECK_FALSE(fs::exists(dir.path() / "new"));
  CHECK(Git(dir, "status --porcelain --ignored").empty());
  CHECK_FALSE(fs::exists(dir.path() / ".git/mediate/journal"));
}

}  // namespace

TEST_CASE("a transaction writes its files and makes one commit", "[write]") {
  TempDir dir;
  std::string base = MakeBaseStore(dir);
  CHECK(base.size() == 40);
  CHECK(Git(dir, "rev-list --count HEAD") == "1\n");
  CHECK(Git(dir, "status --porcelain").empty());

  {
    auto tx = MustBegin(dir);
    CHECK(tx.root() == dir.str());
    CHECK(tx.repo().HeadId().value() == base);
    tx.Put("cases/2026/03/WBL-2026-000042.yaml", "id: WBL-2026-000042\n");
    tx.Put("a.yaml", "a2\n");
    tx.Remove("b.yaml");
    REQUIRE(tx.Staged("a.yaml"));
    CHECK(*tx.Staged("a.yaml") == "a2\n");
    CHECK(tx.Staged("b.yaml") == nullptr);
    CHECK(tx.Staged("zzz.yaml") == nullptr);
    CHECK(tx.size() == 3);
    CHECK(fs::exists(dir.path() / ".git/mediate/lock"));
    auto id = tx.Commit(kWang, "intake: WBL-2026-000042 邻里纠纷\n\nMediate-Action: intake");
    INFO(id.status().message());
    REQUIRE(id.ok());
    CHECK(Head(dir) == *id);
    CHECK_FALSE(fs::exists(dir.path() / ".git/mediate/journal"));
    auto again = tx.Commit(kWang, "again");
    REQUIRE_FALSE(again.ok());
    CHECK(again.status().kind() == ErrorKind::kInternal);
  }
  CHECK_FALSE(fs::exists(dir.path() / ".git/mediate/lock"));  // released
  CHECK(ReadFile(dir.path() / "cases/2026/03/WBL-2026-000042.yaml") == "id: WBL-2026-000042\n");
  CHECK(ReadFile(dir.path() / "a.yaml") == "a2\n");
  CHECK_FALSE(fs::exists(dir.path() / "b.yaml"));
  CHECK(Git(dir, "rev-list --count HEAD") == "2\n");
  CHECK(Git(dir, "log -1 --format='%an <%ae>|%s'") ==
        "王某 <wang@example.org>|intake: "
        "WBL-2026-000042 邻里纠纷\n");
  CHECK(Git(dir, "show --name-status --format= HEAD") ==
        "M\ta.yaml\nD\tb.yaml\nA\tcases/2026/03/WBL-2026-000042.yaml\n");
  CHECK(Git(dir, "status --porcelain --ignored").empty());  // no temp files left either
}

TEST_CASE("removing the last file of a directory removes the directory", "[write]") {
  TempDir dir;
  MakeBaseStore(dir);
  auto tx = MustBegin(dir);
  tx.Remove("cases/x.yaml");
  REQUIRE(tx.Commit(kWang, "remove x").ok());
  CHECK_FALSE(fs::exists(dir.path() / "cases"));
  CHECK_FALSE(tx.repo().ReadHead("cases/x.yaml").value().has_value());
  CHECK(Git(dir, "ls-tree -r --name-only HEAD") == "a.yaml\nb.yaml\n");
}

TEST_CASE("an empty transaction is a bug - a bad author or path writes nothing", "[write]") {
  TempDir dir;
  std::string base = MakeBaseStore(dir);
  auto tx = MustBegin(dir);
  auto empty = tx.Commit(kWang, "nothing");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().kind() == ErrorKind::kInternal);

  tx.Put("a.yaml", "a2\n");
  auto no_email = tx.Commit(Signature{"王某", ""}, "m");
  REQUIRE_FALSE(no_email.ok());
  CHECK(no_email.status().kind() == ErrorKind::kUsage);
  CHECK(ReadFile(dir.path() / "a.yaml") == "a1\n");

  tx.Put("../outside.yaml", "x\n");
  auto bad = tx.Commit(kWang, "m");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().kind() == ErrorKind::kRejected);
  CHECK(ReadFile(dir.path() / "a.yaml") == "a1\n");
  CHECK(Head(dir) == base);
}

TEST_CASE("HEAD moved by another commit between Begin and Commit: kBusy, nothing written",
          "[write]") {
  TempDir dir;
  std::string base = MakeBaseStore(dir);
  auto tx = MustBegin(dir);
  tx.Put("a.yaml", "a2\n");
  tx.Put("new.yaml", "n\n");

  // Someone commits behind the lock's back (e.g. plain git).
  auto other = GitRepo::Open(dir.str());
  REQUIRE(other.ok());
  WriteFile(dir.path() / "b.yaml", "b-other\n");
  auto moved = other->CommitPaths({"b.yaml"}, base, Signature{"李四", "li@example.org"}, "other");
  REQUIRE(moved.ok());

  auto r = tx.Commit(kWang, "mine");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == ErrorKind::kBusy);
  CHECK(r.status().message().find("HEAD moved from " + base.substr(0, 7) + " to " +
                                  moved->substr(0, 7)) == 0);
  CHECK(ReadFile(dir.path() / "a.yaml") == "a1\n");
  CHECK_FALSE(fs::exists(dir.path() / "new.yaml"));
  CHECK(Head(dir) == *moved);
  CHECK(Git(dir, "status --porcelain --ignored").empty());
}

TEST_CASE("an existing .git/index.lock makes Begin and Commit kBusy with nothing written",
          "[write]") {
  TempDir dir;
  std::string base = MakeBaseStore(dir);
  WriteFile(dir.path() / ".git/index.lock", "");
  auto refused = WriteTransaction::Begin(dir.str(), Quick());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().kind() == ErrorKind::kBusy);
  CHECK(refused.status().message().find(".git/index.lock") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / ".git/mediate/lock"));  // not left behind
  fs::remove(dir.path() / ".git/index.lock");

  auto tx = MustBegin(dir);
  tx.Put("a.yaml", "a2\n");
  WriteFile(dir.path() / ".git/index.lock", "");
  auto r = tx.Commit(kWang, "m");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == ErrorKind::kBusy);
  CHECK(ReadFile(dir.path() / "a.yaml") == "a1\n");
  CHECK(Head(dir) == base);
  CHECK_FALSE(fs::exists(dir.path() / ".git/mediate/journal"));
  fs::remove(dir.path() / ".git/index.lock");
  // The same transaction can try again once git is done.
  auto ok = tx.Commit(kWang, "m");
  INFO(ok.status().message());
  REQUIRE(ok.ok());
  CHECK(ReadFile(dir.path() / "a.yaml") == "a2\n");
}

TEST_CASE("a second writer waits for the lock, then gives up naming the holder", "[write]") {
  TempDir dir;
  MakeBaseStore(dir);
  auto first = MustBegin(dir, Quick("mediate import by 王某 <w@x>"));
  auto t0 = std::chrono::steady_clock::now();
  auto second = WriteTransaction::Begin(dir.str(), Quick("mediate intake by 李四"));
  auto waited = std::chrono::steady_clock::now() - t0;
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().kind() == ErrorKind::kBusy);
  CHECK(second.status().message() ==
        "the store is busy: mediate import by 王某 <w@x>; try again later");
  CHECK(waited >= std::chrono::milliseconds(200));
  CHECK(waited < std::chrono::seconds(5));
  auto recover = RecoverStore(dir.str(), Quick());
  REQUIRE_FALSE(recover.ok());
  CHECK(recover.status().kind() == ErrorKind::kBusy);

  std::string lock = ReadFile(dir.path() / ".git/mediate/lock");
  CHECK(lock.find("mediate import by 王某 <w@x>\npid " + std::to_string(::getpid()) + "\nhost ") ==
        0);
}

TEST_CASE("a writer waiting for the lock gets it when the holder finishes", "[write]") {
  TempDir dir;
  MakeBaseStore(dir);
  pid_t child = ::fork();
  if (child == 0) {
    {
      auto tx = WriteTransaction::Begin(dir.str(), Quick("child"));
      if (!tx.ok()) ::_exit(10);
      ::usleep(300 * 1000);
    }  // releases the lock
    ::_exit(0);
  }
  // Wait until the child holds the lock.
  for (int i = 0; i < 200 && !fs::exists(dir.path() / ".git/mediate/lock"); ++i) ::usleep(10000);
  WriteOptions patient;
  patient.lock_timeout = std::chrono::seconds(10);
  auto t0 = std::chrono::steady_clock::now();
  std::thread reaper([child] {
    int st = 0;
    ::waitpid(child, &st, 0);
  });
  auto tx = WriteTransaction::Begin(dir.str(), patient);
  reaper.join();
  INFO(tx.status().message());
  REQUIRE(tx.ok());
  CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(100));
}

TEST_CASE("a stale lock of a dead process on this host is taken over", "[write]") {
  TempDir dir;
  MakeBaseStore(dir);
  pid_t dead = DeadPid();
  WriteFile(dir.path() / ".git/mediate/lock", "mediate import by 王某\npid " +
                                                  std::to_string(dead) + "\nhost " + HostName() +
                                                  "\nsince 2026-03-01T09:00:00+0800\n");
  {
    auto tx = MustBegin(dir);
    std::string lock = ReadFile(dir.path() / ".git/mediate/lock");
    CHECK(lock.find("pid " + std::to_string(::getpid()) + "\n") != std::string::npos);
  }
  // A lock held on another machine is never assumed stale.
  WriteFile(
      dir.path() / ".git/mediate/lock",
      "mediate intake by 李四\npid " + std::to_string(dead) + "\nhost some-other-host\nsince x\n");
  auto busy = WriteTransaction::Begin(dir.str(), Quick());
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.status().message() == "the store is busy: mediate intake by 李四; try again later");
}

TEST_CASE("staged paths with uncommitted changes are refused - other dirty files are left alone",
          "[write]") {
  TempDir dir;
  std::string base = MakeBaseStore(dir);
  WriteFile(dir.path() / "a.yaml", "a-edited-by-hand\n");
  WriteFile(dir.path() / "untracked.yaml", "u\n");
  {
    auto tx = MustBegin(dir);
    tx.Put("a.yaml", "a2\n");
    tx.Put("c.yaml", "c\n");
    auto r = tx.Commit(kWang, "m");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().kind() == ErrorKind::kRejected);
    CHECK(r.status().message() == "a.yaml has uncommitted changes; commit or restore them first");
    CHECK(ReadFile(dir.path() / "a.yaml") == "a-edited-by-hand\n");
    CHECK_FALSE(fs::exists(dir.path() / "c.yaml"));
  }
  {
    auto tx = MustBegin(dir);
    tx.Put("untracked.yaml", "mine\n");
    tx.Remove("a.yaml");
    auto r = tx.Commit(kWang, "m");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() ==
          "a.yaml and 1 other staged path have uncommitted changes; commit or restore them "
          "first");
    CHECK(r.status().diagnostics().size() == 2);
  }
  {
    auto tx = MustBegin(dir);
    tx.Put("b.yaml", "b2\n");
    auto r = tx.Commit(kWang, "m");
    INFO(r.status().message());
    REQUIRE(r.ok());
  }
  CHECK(ReadFile(dir.path() / "a.yaml") == "a-edited-by-hand\n");
  CHECK(ReadFile(dir.path() / "untracked.yaml") == "u\n");
  CHECK(Git(dir, "status --porcelain") == " M a.yaml\n?? untracked.yaml\n");
}

TEST_CASE("a failure after the renames restores the previous contents", "[write]") {
  TempDir dir;
  std::string base = MakeBaseStore(dir);
  FaultyDisk faulty(RealDisk(), "fail-commit");
  UseDisk(&faulty);
  auto tx = MustBegin(dir);
  tx.Put("a.yaml", "a2\n");
  tx.Put("c/d/new.yaml", "new\n");
  tx.Remove("b.yaml");
  tx.Put("cases/x.yaml", "x2\n");
  auto r = tx.Commit(kWang, "m");
  UseDisk(nullptr);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == ErrorKind::kIo);
  CHECK_FALSE(fs::exists(dir.path() / "c"));
  CheckOldState(dir, base);
}

TEST_CASE("a crash leaves a journal - the next Begin rolls the work tree back", "[write]") {
  TempDir dir;
  std::string base = MakeBaseStore(dir);
  // What a writer killed after two of three renames leaves behind.
  pid_t dead = DeadPid();
  WriteFile(dir.path() / ".git/mediate/journal",
            "mediate journal 1\nhead " + base + "\npid " + std::to_string(dead) +
                "\n+ a.yaml\n+ b.yaml\n- c.yaml\n+ cases/x.yaml\n- new/dir/d.yaml\nend\n");
  WriteFile(dir.path() / "a.yaml", "a2\n");
  WriteFile(dir.path() / "c.yaml", "c2\n");
  fs::remove(dir.path() / "b.yaml");
  WriteFile(dir.path() / ("cases/.x.yaml.tmp-" + std::to_string(dead)), "x2\n");
  WriteFile(dir.path() / ("new/dir/.d.yaml.tmp-" + std::to_string(dead)), "d2\n");
  {
    auto tx = MustBegin(dir);
    CHECK(tx.recovered());
    CHECK(tx.repo().HeadId().value() == base);
  }
  CheckOldState(dir, base);
  CHECK_FALSE(MustBegin(dir).recovered());

  // RecoverStore does the same on demand and says whether it did anything.
  WriteFile(dir.path() / ".git/mediate/journal", "mediate journal 1\nhead " + base + "\npid " +
                                                     std::to_string(dead) + "\n+ a.yaml\nend\n");
  WriteFile(dir.path() / "a.yaml", "a3\n");
  auto rec = RecoverStore(dir.str(), Quick());
  REQUIRE(rec.ok());
  CHECK(*rec);
  CheckOldState(dir, base);
  auto nothing = RecoverStore(dir.str(), Quick());
  REQUIRE(nothing.ok());
  CHECK_FALSE(*nothing);

  // A journal cut short is not trusted.
  WriteFile(dir.path() / ".git/mediate/journal", "mediate journal 1\nhead " + base + "\n");
  auto bad = WriteTransaction::Begin(dir.str(), Quick());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().kind() == ErrorKind::kIo);
}

TEST_CASE("a writer killed at any point leaves the old state or the new one", "[write]") {
  for (std::string fault :
       {"after-journal", "after-temp", "after-rename:1", "after-rename:3", "after-rename:4"}) {
    SECTION(fault) {
      TempDir dir;
      std::string base = MakeBaseStore(dir);
      int st = CrashingWrite(dir, fault);
      REQUIRE(WIFSIGNALED(st));
      CHECK(WTERMSIG(st) == SIGKILL);
      CHECK(fs::exists(dir.path() / ".git/mediate/journal"));
      CHECK(fs::exists(dir.path() / ".git/mediate/lock"));  // stale now
      auto rec = RecoverStore(dir.str(), Quick());
      INFO(rec.status().message());
      REQUIRE(rec.ok());
      CHECK(*rec);
      CheckOldState(dir, base);
      CHECK_FALSE(fs::exists(dir.path() / ".git/mediate/lock"));
    }
  }
  SECTION("after-commit") {
    TempDir dir;
    std::string base = MakeBaseStore(dir);
    int st = CrashingWrite(dir, "after-commit");
    REQUIRE(WIFSIGNALED(st));
    CHECK(fs::exists(dir.path() / ".git/mediate/journal"));
    auto tx = MustBegin(dir);  // discards the journal: the commit was made
    CHECK_FALSE(fs::exists(dir.path() / ".git/mediate/journal"));
    CHECK(tx.repo().HeadId().value() != base);
    CHECK(Git(dir, "rev-list --count HEAD") == "2\n");
    CHECK(ReadFile(dir.path() / "a.yaml") == "a2\n");
    CHECK(ReadFile(dir.path() / "c.yaml") == "c2\n");
    CHECK(ReadFile(dir.path() / "cases/x.yaml") == "x2\n");
    CHECK(ReadFile(dir.path() / "new/dir/d.yaml") == "d2\n");
    CHECK_FALSE(fs::exists(dir.path() / "b.yaml"));
    CHECK(Git(dir, "status --porcelain --ignored").empty());
  }
  SECTION("the index lagging behind a made commit is synced") {
    TempDir dir;
    std::string base = MakeBaseStore(dir);
    int st = CrashingWrite(dir, "after-commit");
    REQUIRE(WIFSIGNALED(st));
    // As if killed between moving the branch and writing the index.
    Git(dir, "read-tree " + base);
    CHECK_FALSE(Git(dir, "status --porcelain").empty());
    auto rec = RecoverStore(dir.str(), Quick());
    REQUIRE(rec.ok());
    CHECK_FALSE(*rec);
    CHECK(Git(dir, "status --porcelain --ignored").empty());
    CHECK(ReadFile(dir.path() / "a.yaml") == "a2\n");
  }
}

// How fast a batch commits is measured by bench/run (import), not here.
TEST_CASE("a batch of 10000 files is one commit", "[write]") {
  ShmDir dir;
  MakeBaseStore(dir);
  auto tx = MustBegin(dir);
  for (int i = 0; i < 10000; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "cases/2026/%02d/WBL-2026-%06d.yaml", i % 12 + 1, i);
    tx.Put(name, std::string("id: ") + name + "\n");
  }
  auto id = tx.Commit(kWang, "import: 10000 cases");
  INFO(id.status().message());
  REQUIRE(id.ok());
  CHECK(Git(dir, "rev-list --count HEAD") == "2\n");
  CHECK(Git(dir, "ls-files | wc -l") == "10003\n");
  CHECK(Git(dir, "status --porcelain --ignored").empty());
}

TEST_CASE("a commit writes its new objects as one pack, none loose", "[write]") {
  TempDir dir;
  MakeBaseStore(dir);
  // The base commit: 3 blobs, 2 trees (root, cases/) and the commit, packed.
  CHECK(Git(dir, "count-objects -v | grep -E '^(count|in-pack|packs):'") ==
        "count: 0\nin-pack: 6\npacks: 1\n");
  auto tx = MustBegin(dir);
  tx.Put("a.yaml", "a2\n");
  tx.Put("cases/y.yaml", "y1\n");
  REQUIRE(tx.Commit(kWang, "two").ok());
  // 2 blobs, 2 trees, 1 commit more, in a second pack.
  CHECK(Git(dir, "count-objects -v | grep -E '^(count|in-pack|packs):'") ==
        "count: 0\nin-pack: 11\npacks: 2\n");
  CHECK(Git(dir, "fsck --no-dangling --no-progress").empty());
  CHECK(Git(dir, "status --porcelain --ignored").empty());
}

TEST_CASE("files committed without an fsync are restored from the commit after a reboot",
          "[write]") {
  std::string boot = ReadFile("/proc/sys/kernel/random/boot_id");
  if (boot.empty()) {
    WARN("no boot id on this system: every file is fsynced, nothing to restore");
    return;
  }
  boot.pop_back();  // the newline
  TempDir dir;
  MakeBaseStore(dir);
  const fs::path record = dir.path() / (".git/mediate/unsynced-" + boot);
  CHECK(ReadFile(record) == "a.yaml\nb.yaml\ncases/x.yaml\n");
  {
    auto tx = MustBegin(dir);
    tx.Put("a.yaml", "a2\n");
    tx.Put("c.yaml", "c2\n");
    tx.Remove("b.yaml");  // removals are durable at once: not recorded
    REQUIRE(tx.Commit(kWang, "change").ok());
  }
  CHECK(ReadFile(record) == "a.yaml\nb.yaml\ncases/x.yaml\na.yaml\nc.yaml\n");
  CHECK_FALSE(HasUnfinishedWrite(dir.str()));

  // A power cut: the machine boots again (another boot id), a.yaml came back
  // empty, c.yaml was lost, and someone made z.yaml (not in HEAD).
  const fs::path old_boot = dir.path() / ".git/mediate/unsynced-0000-earlier-boot";
  fs::rename(record, old_boot);
  {
    std::ofstream append(old_boot, std::ios::app);
    append << "z.yaml\n";
  }
  WriteFile(dir.path() / "a.yaml", "");
  fs::remove(dir.path() / "c.yaml");
  WriteFile(dir.path() / "z.yaml", "mine\n");
  CHECK(HasUnfinishedWrite(dir.str()));
  auto rec = RecoverStore(dir.str(), Quick());
  INFO(rec.status().message());
  REQUIRE(rec.ok());
  CHECK(*rec);
  CHECK(ReadFile(dir.path() / "a.yaml") == "a2\n");
  CHECK(ReadFile(dir.path() / "c.yaml") == "c2\n");
  CHECK(ReadFile(dir.path() / "cases/x.yaml") == "x1\n");
  CHECK_FALSE(fs::exists(dir.path() / "b.yaml"));
  CHECK(ReadFile(dir.path() / "z.yaml") == "mine\n");  // not the commit's: left alone
  CHECK_FALSE(fs::exists(old_boot));
  CHECK_FALSE(HasUnfinishedWrite(dir.str()));
  CHECK(Git(dir, "status --porcelain") == "?? z.yaml\n");
  auto again = RecoverStore(dir.str(), Quick());
  REQUIRE(again.ok());
  CHECK_FALSE(*again);
}
