#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "git_repo.hpp"
#include "test_support.hpp"
#include "unfinished_operation.hpp"
#include "write_transaction.hpp"

using namespace mediate;
using mediate::test::ReadFile;
using mediate::test::TempDir;
using mediate::test::WriteFile;
namespace fs = std::filesystem;

namespace {

/// Runs `git -C dir ARGS` with a fixed identity and no user or system
/// configuration; returns its output (stdout and stderr).
std::string Git(const TempDir& dir, const std::string& args) {
  std::string cmd = "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git -C '" + dir.str() +
                    "' -c user.name=T -c user.email=t@example.org -c advice.detachedHead=false " +
                    args + " 2>&1";
  return mediate::test::RunShell(cmd);
}

/// A repository on branch main with a.yaml = "a1" committed, and a branch
/// `other` whose commit changes a.yaml to "a-other" while main changes it
/// to "a-main": merging, rebasing or cherry-picking one onto the other
/// conflicts.
void MakeConflictingBranches(const TempDir& dir) {
  Git(dir, "init -q -b main");
  WriteFile(dir.path() / "a.yaml", "a1\n");
  Git(dir, "add a.yaml");
  Git(dir, "commit -q -m base");
  Git(dir, "checkout -q -b other");
  WriteFile(dir.path() / "a.yaml", "a-other\n");
  Git(dir, "commit -q -am other");
  Git(dir, "checkout -q main");
  WriteFile(dir.path() / "a.yaml", "a-main\n");
  Git(dir, "commit -q -am main");
}

WriteOptions Quick() {
  WriteOptions o;
  o.lock_timeout = std::chrono::milliseconds(200);
  return o;
}

const Signature kWang{"王某", "wang@example.org"};

}  // namespace

TEST_CASE("no write begins while a git merge is unfinished", "[write][git]") {
  TempDir dir;
  MakeConflictingBranches(dir);
  {
    auto repo = GitRepo::Open(dir.str());
    REQUIRE(repo.ok());
    CHECK(repo->UnfinishedOperation().empty());
    CHECK(CheckNoUnfinishedOperation(*repo).ok());
  }
  const std::string head = Git(dir, "rev-parse HEAD");
  Git(dir, "merge other");  // conflicts in a.yaml: MERGE_HEAD is left
  REQUIRE(fs::exists(dir.path() / ".git/MERGE_HEAD"));
  const std::string conflicted = ReadFile(dir.path() / "a.yaml");
  CHECK(conflicted.find("<<<<<<<") != std::string::npos);

  auto repo = GitRepo::Open(dir.str());
  REQUIRE(repo.ok());
  CHECK(repo->UnfinishedOperation() == "merge");
  auto tx = WriteTransaction::Begin(dir.str(), Quick());
  REQUIRE_FALSE(tx.ok());
  CHECK(tx.status().kind() == ErrorKind::kBusy);
  const std::string m = tx.status().message();
  CHECK(m.find("a git merge is unfinished") != std::string::npos);
  CHECK(m.find("'git merge --continue'") != std::string::npos);
  CHECK(m.find("'git merge --abort'") != std::string::npos);
  CHECK(m.find("nothing was written") != std::string::npos);
  // Nothing was written: HEAD, the conflicted file and MERGE_HEAD as they were.
  CHECK(Git(dir, "rev-parse HEAD") == head);
  CHECK(ReadFile(dir.path() / "a.yaml") == conflicted);
  CHECK(fs::exists(dir.path() / ".git/MERGE_HEAD"));
  CHECK_FALSE(fs::exists(dir.path() / ".git/mediate/lock"));  // released

  // Once the merge is given up, writes go through again.
  Git(dir, "merge --abort");
  CHECK(repo->UnfinishedOperation().empty());
  auto again = WriteTransaction::Begin(dir.str(), Quick());
  INFO(again.status().message());
  REQUIRE(again.ok());
  again->Put("b.yaml", "b1\n");
  auto id = again->Commit(kWang, "b\n\nMediate-Action: test");
  INFO(id.status().message());
  CHECK(id.ok());
}

TEST_CASE("a transaction begun before a merge does not commit during it", "[write][git]") {
  TempDir dir;
  MakeConflictingBranches(dir);
  auto tx = WriteTransaction::Begin(dir.str(), Quick());
  REQUIRE(tx.ok());
  // Another process starts a merge that stops without moving HEAD.
  const std::string head = Git(dir, "rev-parse HEAD");
  Git(dir, "merge other");
  REQUIRE(fs::exists(dir.path() / ".git/MERGE_HEAD"));
  tx->Put("b.yaml", "b1\n");
  auto id = tx->Commit(kWang, "b\n\nMediate-Action: test");
  REQUIRE_FALSE(id.ok());
  CHECK(id.status().kind() == ErrorKind::kBusy);
  CHECK(id.status().message().find("git merge --abort") != std::string::npos);
  CHECK(Git(dir, "rev-parse HEAD") == head);
  CHECK_FALSE(fs::exists(dir.path() / "b.yaml"));
}

TEST_CASE("a rebase, cherry-pick or revert left unfinished is named with its commands",
          "[write][git]") {
  TempDir dir;
  MakeConflictingBranches(dir);
  struct Op {
    std::string start, name, abort;
  };
  for (const Op& op : {Op{"rebase other", "rebase", "rebase --abort"},
                       Op{"cherry-pick other", "cherry-pick", "cherry-pick --abort"},
                       Op{"revert --no-edit HEAD~1", "revert", "revert --abort"}}) {
    INFO(op.name);
    Git(dir, op.start);
    auto repo = GitRepo::Open(dir.str());
    REQUIRE(repo.ok());
    REQUIRE(repo->UnfinishedOperation() == op.name);
    auto tx = WriteTransaction::Begin(dir.str(), Quick());
    REQUIRE_FALSE(tx.ok());
    CHECK(tx.status().kind() == ErrorKind::kBusy);
    CHECK(tx.status().message() == "a git " + op.name +
                                       " is unfinished in this store: resolve the conflicts, "
                                       "'git add' the files and run 'git " +
                                       op.name + " --continue', or give it up with 'git " +
                                       op.name +
                                       " --abort'; then run the command again "
                                       "(nothing was written)");
    Git(dir, op.abort);
    CHECK(repo->UnfinishedOperation().empty());
  }
  Git(dir, "bisect start");
  auto repo = GitRepo::Open(dir.str());
  REQUIRE(repo.ok());
  CHECK(repo->UnfinishedOperation() == "bisect");
  auto tx = WriteTransaction::Begin(dir.str(), Quick());
  REQUIRE_FALSE(tx.ok());
  CHECK(tx.status().message().find("'git bisect reset'") != std::string::npos);
}
