#include <catch2/catch.hpp>

#include <map>

#include "git_merge.hpp"
#include "test_support.hpp"

using namespace mediate;
using mediate::test::TempDir;
using mediate::test::WriteFile;

namespace {

std::string Git(const TempDir& dir, const std::string& args) {
  std::string out = mediate::test::RunShell(
      "cd '" + dir.str() +
      "' && GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@x GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@x "
      "git " +
      args + " 2>/dev/null");
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

/// A repository with a base commit on main and a branch "theirs" from it;
/// the driver "mediate" owns *.rec files.
struct Repo {
  TempDir dir;
  Repo() {
    Git(dir, "init -q -b main");
    WriteFile(dir.path() / ".gitattributes", "*.rec merge=mediate\n");
    WriteFile(dir.path() / "a.rec", "base\n");
    WriteFile(dir.path() / "notes.txt", "one\ntwo\nthree\n");
    Git(dir, "add -A");
    Git(dir, "commit -q -m base");
    Git(dir, "branch theirs");
  }
  std::string Commit(const std::string& branch, const std::string& path,
                     const std::string& content) {
    Git(dir, "checkout -q " + branch);
    WriteFile(dir.path() / path, content);
    Git(dir, "add -A");
    Git(dir, "commit -q -m change");
    std::string id = Git(dir, "rev-parse HEAD");
    Git(dir, "checkout -q main");
    return id;
  }
  std::string Head() { return Git(dir, "rev-parse main"); }
};

std::map<std::string, std::optional<std::string>> AsMap(const std::vector<PathChange>& cs) {
  std::map<std::string, std::optional<std::string>> m;
  for (const auto& c : cs) m[c.path] = c.content;
  return m;
}

}  // namespace

TEST_CASE("a record changed on both sides goes to the caller's merge", "[git_merge]") {
  Repo r;
  r.Commit("main", "a.rec", "ours\n");
  std::string theirs = r.Commit("theirs", "a.rec", "theirs\n");
  std::vector<std::string> seen;
  FileMergeFn fn = [&](const std::string& path, const std::string& base, const std::string& ours,
                       const std::string& t) -> Result<std::string> {
    seen.push_back(path + "|" + base + "|" + ours + "|" + t);
    return std::string("merged\n");
  };
  auto m = MergeIntoHead(r.dir.str(), r.Head(), theirs, fn);
  REQUIRE(m.ok());
  CHECK(m->kind == MergeKind::kMerge);
  CHECK(m->unmerged.empty());
  CHECK(seen == std::vector<std::string>{"a.rec|base\n|ours\n|theirs\n"});
  CHECK(AsMap(m->changes) ==
        std::map<std::string, std::optional<std::string>>{{"a.rec", std::string("merged\n")}});
  // Nothing here moved.
  CHECK(mediate::test::ReadFile(r.dir.path() / "a.rec") == "ours\n");
}

TEST_CASE("files changed on one side are taken, and text merges as text", "[git_merge]") {
  Repo r;
  r.Commit("main", "notes.txt", "ONE\ntwo\nthree\n");
  r.Commit("theirs", "b.rec", "new\n");
  std::string theirs = r.Commit("theirs", "notes.txt", "one\ntwo\nTHREE\n");
  FileMergeFn fn = [](const std::string&, const std::string&, const std::string&,
                      const std::string&) -> Result<std::string> {
    return Status::Internal("not called");
  };
  auto m = MergeIntoHead(r.dir.str(), r.Head(), theirs, fn);
  REQUIRE(m.ok());
  CHECK(m->kind == MergeKind::kMerge);
  CHECK(AsMap(m->changes) ==
        std::map<std::string, std::optional<std::string>>{
            {"b.rec", std::string("new\n")}, {"notes.txt", std::string("ONE\ntwo\nTHREE\n")}});
}

TEST_CASE("a refused record leaves the merge unmerged, naming it", "[git_merge]") {
  Repo r;
  r.Commit("main", "a.rec", "ours\n");
  std::string theirs = r.Commit("theirs", "a.rec", "theirs\n");
  FileMergeFn fn = [](const std::string&, const std::string&, const std::string&,
                      const std::string&) -> Result<std::string> {
    return Status::Rejected("two different cases");
  };
  auto m = MergeIntoHead(r.dir.str(), r.Head(), theirs, fn);
  REQUIRE(m.ok());
  REQUIRE(m->unmerged.size() == 1);
  CHECK(m->unmerged[0].path == "a.rec");
  CHECK(m->unmerged[0].reason == "two different cases");
  CHECK(m->changes.empty());
}

TEST_CASE("up to date, ahead and fast-forward are told apart", "[git_merge]") {
  Repo r;
  FileMergeFn fn;
  std::string base = r.Head();
  std::string theirs = r.Commit("theirs", "c.rec", "c\n");
  auto ff = MergeIntoHead(r.dir.str(), base, theirs, fn);
  REQUIRE(ff.ok());
  CHECK(ff->kind == MergeKind::kFastForward);
  CHECK(AsMap(ff->changes) ==
        std::map<std::string, std::optional<std::string>>{{"c.rec", std::string("c\n")}});
  auto same = MergeIntoHead(r.dir.str(), theirs, theirs, fn);
  REQUIRE(same.ok());
  CHECK(same->kind == MergeKind::kUpToDate);
  auto ahead = MergeIntoHead(r.dir.str(), theirs, base, fn);  // theirs is behind
  REQUIRE(ahead.ok());
  CHECK(ahead->kind == MergeKind::kUpToDate);
  CHECK(ahead->changes.empty());
}
