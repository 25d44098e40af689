#include "store_clone.hpp"

#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>

#include "case_key_ref.hpp"
#include "case_key_sync.hpp"
#include "git_remote.hpp"
#include "git_repo.hpp"
#include "git_setup.hpp"
#include "i18n.hpp"
#include "office.hpp"
#include "store.hpp"

namespace mediate {
namespace fs = std::filesystem;

namespace {

/// Clones into `scratch` and checks the result; `scratch` is left for the
/// caller to rename or remove.
Status CloneAndCheck(const std::string& url, const std::string& scratch, const std::string& office,
                     const std::string& driver_exe, const ReserveOptions* reserve,
                     CloneOutcome* out) {
  MEDIATE_RETURN_IF_ERROR(CloneRepository(url, scratch));
  auto store = Store::Open(scratch);
  if (!store.ok())
    return Status::Rejected(Tr("{0} is not a mediate store (no mediate.yaml at its top)", url));
  MEDIATE_RETURN_IF_ERROR(store->LoadRegistries());
  MEDIATE_RETURN_IF_ERROR(CheckOfficeChoice(office, "--office", store->offices()));
  auto repo = GitRepo::Open(scratch);
  if (!repo.ok()) return repo.status();
  MEDIATE_RETURN_IF_ERROR(repo->SetLocalConfigString("mediate.office", office));
  if (!driver_exe.empty()) MEDIATE_RETURN_IF_ERROR(RegisterMergeDriver(scratch, driver_exe));
  // The case keys: a ref that is no branch, which a clone does not copy.
  auto target = FindSyncTarget(scratch);
  if (!target.ok()) return target.status();
  auto keys = ExchangeCaseKeys(scratch, *target, reserve ? reserve->access : RemoteAccess{},
                               reserve ? reserve->progress : ProgressFn{},
                               reserve ? reserve->author : Signature{});
  if (!keys.ok()) return keys.status();
  if (reserve) MEDIATE_RETURN_IF_ERROR(EnsureCaseKeys(scratch, reserve->author));
  if (!reserve) return Status::Ok();
  ReserveOptions r = *reserve;
  r.office = office;
  auto done = ReserveNumbers(scratch, r);
  if (!done.ok()) return done.status();
  out->desk = done->desk;
  out->reserved = std::move(done->reserved);
  return Status::Ok();
}

}  // namespace

Result<CloneOutcome> CloneStore(const std::string& url, const std::string& dir,
                                const std::string& office, const std::string& driver_exe,
                                const ReserveOptions* reserve) {
  std::error_code ec;
  fs::path target = fs::absolute(dir, ec).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  if (fs::exists(target, ec) && !fs::is_directory(target, ec))
    return Status::Rejected(Tr("{0} already exists and is a file; choose a new folder", dir));
  if (fs::exists(target, ec) && !fs::is_empty(target, ec))
    return Status::Rejected(Tr("{0} already exists and is not empty; choose a new folder", dir));
  // A path that is no URL must name a repository on this machine (libgit2
  // would call a missing one an unsupported protocol).
  if (url.find("://") == std::string::npos && url.find(':') == std::string::npos &&
      !fs::exists(url, ec))
    return Status::Rejected(
        Tr("no repository at {0} (a path on this machine, or an ssh:// or "
           "https:// URL of the district's server)",
           url));
  fs::create_directories(target.parent_path(), ec);
  if (ec)
    return Status::Io(Tr("cannot create {0}: {1}", target.parent_path().string(), ec.message()));
  std::string scratch =
      (target.parent_path() / ("." + target.filename().string() + ".clone-XXXXXX")).string();
  if (mkdtemp(scratch.data()) == nullptr)
    return Status::Io(Tr("cannot create a folder beside {0}", target.string()));
  // mkdtemp makes the folder private; the clone gets the usual mode (as
  // git clone: 0777 less the umask), so other accounts of a shared desk read it.
  const mode_t mask = umask(0);
  umask(mask);
  chmod(scratch.c_str(), 0777 & ~mask);
  CloneOutcome out;
  Status st = CloneAndCheck(url, scratch, office, driver_exe, reserve, &out);
  if (st.ok() && fs::exists(target, ec)) fs::remove(target, ec);  // an empty folder
  if (st.ok()) {
    fs::rename(scratch, target, ec);
    if (ec)
      st = Status::Io(Tr("cannot rename {0} to {1}: {2}", scratch, target.string(), ec.message()));
  }
  if (!st.ok()) {
    fs::remove_all(scratch, ec);
    return st;
  }
  out.root = target.string();
  out.office = office;
  return out;
}

}  // namespace mediate
