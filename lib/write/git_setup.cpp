#include "git_setup.hpp"

#include <sstream>

#include "git_repo.hpp"
#include "store_merge.hpp"
#include "team_commit.hpp"

namespace mediate {
namespace {

/// `s` quoted for the shell git runs the driver with.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

Status RegisterMergeDriver(const std::string& root, const std::string& exe) {
  auto repo = GitRepo::Open(root);
  if (!repo.ok()) return repo.status();
  MEDIATE_RETURN_IF_ERROR(repo->SetLocalConfigString(
      "merge.mediate.name", "mediate: records merged by field, timelines as a union"));
  return repo->SetLocalConfigString("merge.mediate.driver",
                                    ShellQuote(exe) + " merge-file %O %A %B %P");
}

Result<SetupGitOutcome> SetUpGit(StoreWrite& w, const Signature& op, const std::string& exe) {
  const Store& store = w.store();
  MEDIATE_RETURN_IF_ERROR(RegisterMergeDriver(store.root(), exe));
  auto current = store.ReadText(".gitattributes");
  std::string text = current.ok() ? *current : std::string();
  std::string missing;
  std::istringstream wanted(GitAttributesText());
  for (std::string line; std::getline(wanted, line);) {
    bool present = false;
    std::istringstream have(text);
    for (std::string h; std::getline(have, h);) present = present || h == line;
    if (!present) missing += line + "\n";
  }
  SetupGitOutcome out;
  if (missing.empty() || w.dry_run()) return out;
  if (!text.empty() && text.back() != '\n') text += "\n";
  w.PutText(".gitattributes", text + missing);
  auto commit =
      w.Commit(op, "setup-git: records merged by the mediate driver" + Trailers("setup-git"));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
