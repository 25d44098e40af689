#include "git_pack.hpp"

#include <string_view>

#include "disk.hpp"
#include "git_handles.hpp"
#include "i18n.hpp"

namespace mediate::git_internal {

namespace {

using IndexerPtr = GitPtr<git_indexer, git_indexer_free>;
using PackBuilderPtr = GitPtr<git_packbuilder, git_packbuilder_free>;

/// Narrows the packbuilder's delta search on `repo` (this handle only) to
/// the previous object: a batch's blobs are new, mostly unrelated records,
/// and libgit2's window of ten costs seconds of CPU for ten thousand of
/// them. The window is bounded by pack.windowMemory, set to 1 byte by a
/// configuration level added to this handle (the file
/// `<git_dir>/mediate/pack.config`, written when missing or different).
/// Best effort: should it fail, the search uses the whole window.
void NarrowDeltaSearch(git_repository* repo, const std::string& git_dir) {
  static constexpr std::string_view kText =
      "# mediate: the pack of a write tries one delta base per object\n"
      "[pack]\n\twindowMemory = 1\n";
  const std::string path = git_dir + "/mediate/pack.config";
  auto now = CurrentDisk().ReadFile(path);
  if (!now.ok() || *now != kText) {
    if (!CurrentDisk().WriteFile(path, kText, /*sync=*/false).ok()) return;
  }
  git_config* raw = nullptr;
  if (git_repository_config(&raw, repo) < 0) return;
  ConfigPtr cfg(raw);
  (void)git_config_add_file_ondisk(raw, path.c_str(), GIT_CONFIG_LEVEL_APP, repo, 1);
}

}  // namespace

Status WriteBatchPack(git_repository* repo, const std::vector<git_oid>& ids,
                      const std::string& git_dir) {
  NarrowDeltaSearch(repo, git_dir);
  git_packbuilder* pb_raw = nullptr;
  if (git_packbuilder_new(&pb_raw, repo) < 0) return GitIo(_("cannot pack the new git objects"));
  PackBuilderPtr pb(pb_raw);
  git_packbuilder_set_threads(pb_raw, 0);
  for (const auto& id : ids)
    if (git_packbuilder_insert(pb_raw, &id, nullptr) < 0)
      return GitIo(Tr("cannot pack object {0}", OidHex(&id)));
  git_buf pack = GIT_BUF_INIT;
  if (git_packbuilder_write_buf(&pack, pb_raw) < 0)
    return GitIo(_("cannot pack the new git objects"));
  struct BufGuard {
    git_buf* b;
    ~BufGuard() { git_buf_dispose(b); }
  } guard{&pack};
  // An empty pack is a header (12 bytes) and a checksum (20).
  if (pack.size <= 32) return Status::Ok();
  const std::string pack_dir = git_dir + "/objects/pack";
  if (Status st = CurrentDisk().MakeDir(pack_dir); !st.ok())
    return Status::Io(Tr("cannot create {0}: {1}", pack_dir, st.message()));
  git_indexer_options opts;
  git_indexer_options_init(&opts, GIT_INDEXER_OPTIONS_VERSION);
  git_indexer* raw = nullptr;
  if (git_indexer_new(&raw, pack_dir.c_str(), 0, nullptr, &opts) < 0)
    return GitIo(Tr("cannot write a pack in {0}", pack_dir));
  IndexerPtr indexer(raw);
  git_indexer_progress progress{};
  if (git_indexer_append(raw, pack.ptr, pack.size, &progress) < 0 ||
      git_indexer_commit(raw, &progress) < 0)
    return GitIo(Tr("cannot write a pack in {0}", pack_dir));
  const std::string base = pack_dir + "/pack-" + git_indexer_name(raw);
  for (const char* ext : {".pack", ".idx"}) {
    if (Status st = CurrentDisk().Sync(base + ext, false); !st.ok())
      return Status::Io(Tr("cannot sync {0}: {1}", base + ext, st.message()));
  }
  if (Status st = CurrentDisk().Sync(pack_dir, true); !st.ok())
    return Status::Io(Tr("cannot sync {0}: {1}", pack_dir, st.message()));
  (void)CurrentDisk().Sync(git_dir + "/objects", true);
  return Status::Ok();
}

}  // namespace mediate::git_internal
