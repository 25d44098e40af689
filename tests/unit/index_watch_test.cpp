// Whether a scan may ask Watchman (lib/store/index_watch.hpp WatchmanWanted):
// the store setting mediate.watchman, read from the repository's own config.
#include <catch2/catch.hpp>

#include <string>

#include "git_repo.hpp"
#include "index_watch.hpp"
#include "test_support.hpp"

using namespace mediate;

namespace {

/// A fresh repository in `dir` whose .git/config ends with `extra`.
void MakeRepoWithConfig(const test::TempDir& dir, const std::string& extra) {
  REQUIRE(GitRepo::Init(dir.str()).ok());
  const auto config = dir.path() / ".git" / "config";
  test::WriteFile(config, test::ReadFile(config) + extra);
}

}  // namespace

TEST_CASE("Watchman is wanted when the repository's config does not set it", "[watchman]") {
  test::TempDir dir;
  MakeRepoWithConfig(dir, "[user]\n\tname = Somebody\n");
  CHECK(WatchmanWanted(dir.str()));
}

TEST_CASE("mediate.watchman turns Watchman off with any git false, in any case", "[watchman]") {
  for (const char* text : {"[mediate]\n\twatchman = false\n", "[MEDIATE]\n\tWatchMan = Off\n",
                           "[mediate]\n\twatchman = 0\n", "[Mediate]\n\twatchman = no\n"}) {
    test::TempDir dir;
    MakeRepoWithConfig(dir, text);
    INFO(text);
    CHECK_FALSE(WatchmanWanted(dir.str()));
  }
  test::TempDir on;
  MakeRepoWithConfig(on, "[mediate]\n\twatchman = true\n");
  CHECK(WatchmanWanted(on.str()));
}

TEST_CASE("mediate.watchman set in a file the config includes counts", "[watchman]") {
  // .git/config itself never names the setting: only the include leads to it.
  test::TempDir dir;
  MakeRepoWithConfig(dir, "[include]\n\tpath = extra.config\n");
  test::WriteFile(dir.path() / ".git" / "extra.config", "[mediate]\n\twatchman = off\n");
  CHECK_FALSE(WatchmanWanted(dir.str()));
}

TEST_CASE("Without a repository, Watchman is not wanted", "[watchman]") {
  test::TempDir dir;
  CHECK_FALSE(WatchmanWanted(dir.str()));
}
