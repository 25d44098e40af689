#include "index_files.hpp"

#include "i18n.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>

#include "disk.hpp"

namespace mediate {

bool ReadIndexFile(const std::string& path, std::string* out) {
  auto text = CurrentDisk().ReadFile(path);
  if (!text.ok()) return false;
  *out = std::move(text.value());
  return true;
}

Status WriteIndexFile(const std::string& dir, const std::string& name, const std::string& data) {
  static std::atomic<unsigned> counter{0};
  std::string tmp = dir + "/.tmp-" + std::to_string(::getpid()) + "-" +
                    std::to_string(counter.fetch_add(1)) + "-" + name;
  Disk& disk = CurrentDisk();
  if (Status st = disk.WriteFile(tmp, data, /*sync=*/false); !st.ok()) {
    (void)disk.Remove(tmp);
    return Status::Io(Tr("cannot write {0}: {1}", tmp, st.message()));
  }
  if (Status st = disk.Rename(tmp, dir + "/" + name); !st.ok()) {
    (void)disk.Remove(tmp);
    return Status::Io(Tr("cannot replace {0}: {1}", dir + "/" + name, st.message()));
  }
  return Status::Ok();
}

std::string GitDirOf(const std::string& root) {
  std::string dot = root + "/.git";
  auto st = CurrentDisk().Stat(dot);
  if (!st.ok()) return "";
  if (st->is_directory()) return dot;
  if (!st->is_regular()) return "";
  std::string text;
  if (!ReadIndexFile(dot, &text) || text.rfind("gitdir:", 0) != 0) return "";
  std::string dir = text.substr(7);
  auto b = dir.find_first_not_of(" \t");
  auto e = dir.find_last_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  dir = dir.substr(b, e - b + 1);
  if (dir[0] != '/') dir = root + "/" + dir;
  if (auto d = CurrentDisk().Stat(dir); !d.ok() || !d->is_directory()) return "";
  return dir;
}

bool IsCaseFileName(const char* name) {
  std::size_t n = std::strlen(name);
  return n > 5 && std::memcmp(name + n - 5, ".yaml", 5) == 0 && name[0] != '.';
}

std::vector<std::string> ListSortedNames(const std::string& dir) {
  auto names = CurrentDisk().List(dir);
  if (!names.ok()) return {};
  std::sort(names->begin(), names->end());
  return std::move(names.value());
}

}  // namespace mediate
