#include "store_clone.hpp"

#include <stdlib.h>

#include <filesystem>

#include "git_remote.hpp"
#include "git_repo.hpp"
#include "git_setup.hpp"
#include "office.hpp"
#include "store.hpp"

namespace mediate {
namespace fs = std::filesystem;

namespace {

/// Clones into `scratch` and checks the result; `scratch` is left for the
/// caller to rename or remove.
Status CloneAndCheck(const std::string& url, const std::string& scratch, const std::string& office,
                     const std::string& driver_exe) {
  MEDIATE_RETURN_IF_ERROR(CloneRepository(url, scratch));
  auto store = Store::Open(scratch);
  if (!store.ok())
    return Status::Rejected(
        url + " is not a mediate store (no mediate.yaml at its top): " + store.status().message());
  MEDIATE_RETURN_IF_ERROR(store->LoadRegistries());
  MEDIATE_RETURN_IF_ERROR(CheckOfficeChoice(office, "--office", store->offices()));
  auto repo = GitRepo::Open(scratch);
  if (!repo.ok()) return repo.status();
  MEDIATE_RETURN_IF_ERROR(repo->SetLocalConfigString("mediate.office", office));
  if (driver_exe.empty()) return Status::Ok();
  return RegisterMergeDriver(scratch, driver_exe);
}

}  // namespace

Result<CloneOutcome> CloneStore(const std::string& url, const std::string& dir,
                                const std::string& office, const std::string& driver_exe) {
  std::error_code ec;
  fs::path target = fs::absolute(dir, ec).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  if (fs::exists(target, ec) && !fs::is_empty(target, ec))
    return Status::Rejected(dir + " already exists and is not empty; choose a new folder");
  fs::create_directories(target.parent_path(), ec);
  if (ec) return Status::Io("cannot create " + target.parent_path().string() + ": " + ec.message());
  std::string scratch =
      (target.parent_path() / ("." + target.filename().string() + ".clone-XXXXXX")).string();
  if (mkdtemp(scratch.data()) == nullptr)
    return Status::Io("cannot create a folder beside " + target.string());
  Status st = CloneAndCheck(url, scratch, office, driver_exe);
  if (st.ok() && fs::exists(target, ec)) fs::remove(target, ec);  // an empty folder
  if (st.ok()) {
    fs::rename(scratch, target, ec);
    if (ec)
      st = Status::Io("cannot rename " + scratch + " to " + target.string() + ": " + ec.message());
  }
  if (!st.ok()) {
    fs::remove_all(scratch, ec);
    return st;
  }
  return CloneOutcome{target.string(), office};
}

}  // namespace mediate
