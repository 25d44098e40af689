#include "overlay_disk.hpp"

#include <set>

namespace mediate {

namespace {

FileStat FileOf(std::size_t size) {
  FileStat st;
  st.type = FileStat::Type::kRegular;
  st.mode = 0100644;
  st.size = size;
  return st;
}

}  // namespace

OverlayDisk::OverlayDisk(Disk& base, std::map<std::string, std::optional<std::string>> changes)
    : base_(base), changes_(std::move(changes)) {}

bool OverlayDisk::HasChangedBelow(const std::string& dir) const {
  const std::string prefix = dir + "/";
  for (auto it = changes_.lower_bound(prefix);
       it != changes_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    if (it->second) return true;
  return false;
}

Result<std::string> OverlayDisk::ReadFile(const std::string& path, FileStat* stat,
                                          bool follow_links) {
  auto it = changes_.find(path);
  if (it == changes_.end()) return base_.ReadFile(path, stat, follow_links);
  if (!it->second) return Status::NotFound("No such file or directory");
  if (stat) *stat = FileOf(it->second->size());
  return *it->second;
}

Result<FileStat> OverlayDisk::Stat(const std::string& path, bool follow_links) {
  auto it = changes_.find(path);
  if (it != changes_.end()) {
    if (!it->second) return Status::NotFound("No such file or directory");
    return FileOf(it->second->size());
  }
  auto st = base_.Stat(path, follow_links);
  if (!st.ok() && HasChangedBelow(path)) {
    FileStat dir;
    dir.type = FileStat::Type::kDirectory;
    dir.mode = 040755;
    return dir;
  }
  return st;
}

Result<std::vector<std::string>> OverlayDisk::List(const std::string& dir) {
  auto base = base_.List(dir);
  if (!base.ok() && !HasChangedBelow(dir)) return base;
  std::set<std::string> names;
  if (base.ok()) names.insert(base->begin(), base->end());
  const std::string prefix = dir + "/";
  for (auto it = changes_.lower_bound(prefix);
       it != changes_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string rest = it->first.substr(prefix.size());
    std::size_t slash = rest.find('/');
    if (slash != std::string::npos) {
      if (it->second) names.insert(rest.substr(0, slash));
    } else if (it->second) {
      names.insert(rest);
    } else {
      names.erase(rest);
    }
  }
  return std::vector<std::string>(names.begin(), names.end());
}

std::vector<std::optional<FileStat>> OverlayDisk::StatMany(const std::string& dir,
                                                           const std::vector<std::string>& names) {
  std::vector<std::optional<FileStat>> out;
  out.reserve(names.size());
  for (const auto& n : names) {
    auto st = Stat(dir + "/" + n, false);
    out.push_back(st.ok() ? std::optional<FileStat>(*st) : std::nullopt);
  }
  return out;
}

Status OverlayDisk::WriteFile(const std::string& path, std::string_view data, bool sync) {
  return base_.WriteFile(path, data, sync);
}
Status OverlayDisk::AppendFile(const std::string& path, std::string_view data, bool sync) {
  return base_.AppendFile(path, data, sync);
}
Status OverlayDisk::CreateExclusive(const std::string& path, std::string_view data) {
  return base_.CreateExclusive(path, data);
}
Status OverlayDisk::Rename(const std::string& from, const std::string& to) {
  return base_.Rename(from, to);
}
Status OverlayDisk::Remove(const std::string& path) { return base_.Remove(path); }
Status OverlayDisk::RemoveDir(const std::string& path) { return base_.RemoveDir(path); }
Status OverlayDisk::MakeDir(const std::string& path) { return base_.MakeDir(path); }
Status OverlayDisk::SetMode(const std::string& path, std::uint32_t mode) {
  return base_.SetMode(path, mode);
}
Status OverlayDisk::Sync(const std::string& path, bool directory) {
  return base_.Sync(path, directory);
}
Result<std::string> OverlayDisk::ReadLink(const std::string& path) { return base_.ReadLink(path); }
Result<std::unique_ptr<FileLock>> OverlayDisk::LockFile(const std::string& path) {
  return base_.LockFile(path);
}
void OverlayDisk::Point(const std::string& name) { base_.Point(name); }
bool OverlayDisk::ShouldFail(const std::string& name) { return base_.ShouldFail(name); }

ScopedOverlay::ScopedOverlay(std::map<std::string, std::optional<std::string>> changes)
    : previous_(&CurrentDisk()), overlay_(*previous_, std::move(changes)) {
  UseDisk(&overlay_);
}

ScopedOverlay::~ScopedOverlay() { UseDisk(previous_ == &RealDisk() ? nullptr : previous_); }

}  // namespace mediate
