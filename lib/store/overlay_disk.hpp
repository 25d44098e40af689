// A disk that shows the work tree as a pending change would leave it:
// reads of the changed paths give their new content (or "not found" for a
// removal), directory listings include new files and leave out removed
// ones; everything else, and every write, goes to the disk beneath. Lets
// the library check records against the store as it will be (a sync's
// merged registries and cases) before anything is written.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "disk.hpp"

namespace mediate {

class OverlayDisk : public Disk {
 public:
  /// `changes` maps absolute paths to their new content, or nullopt for a
  /// removal. `base` is the disk beneath (usually CurrentDisk()).
  OverlayDisk(Disk& base, std::map<std::string, std::optional<std::string>> changes);

  Result<std::string> ReadFile(const std::string& path, FileStat* stat, bool follow_links) override;
  Status WriteFile(const std::string& path, std::string_view data, bool sync) override;
  Status AppendFile(const std::string& path, std::string_view data, bool sync) override;
  Status CreateExclusive(const std::string& path, std::string_view data) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status Remove(const std::string& path) override;
  Status RemoveDir(const std::string& path) override;
  Status MakeDir(const std::string& path) override;
  Status SetMode(const std::string& path, std::uint32_t mode) override;
  Status Sync(const std::string& path, bool directory) override;
  Result<std::vector<std::string>> List(const std::string& dir) override;
  Result<FileStat> Stat(const std::string& path, bool follow_links) override;
  std::vector<std::optional<FileStat>> StatMany(const std::string& dir,
                                                const std::vector<std::string>& names) override;
  Result<std::string> ReadLink(const std::string& path) override;
  Result<std::unique_ptr<FileLock>> LockFile(const std::string& path) override;
  void Point(const std::string& name) override;
  bool ShouldFail(const std::string& name) override;

 private:
  /// True when a changed file lies somewhere under directory `dir`.
  bool HasChangedBelow(const std::string& dir) const;

  Disk& base_;
  std::map<std::string, std::optional<std::string>> changes_;
};

/// Installs an OverlayDisk over the current disk for its lifetime, then
/// puts the previous disk back. Not thread-safe (UseDisk).
class ScopedOverlay {
 public:
  explicit ScopedOverlay(std::map<std::string, std::optional<std::string>> changes);
  ~ScopedOverlay();
  ScopedOverlay(const ScopedOverlay&) = delete;
  ScopedOverlay& operator=(const ScopedOverlay&) = delete;

 private:
  Disk* previous_;
  OverlayDisk overlay_;
};

}  // namespace mediate
