#include "index_watch.hpp"

#include "i18n.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "disk.hpp"
#include "git_repo.hpp"
#include "index_files.hpp"
#include "watchman.hpp"

namespace mediate {
namespace {

constexpr std::string_view kWatchStateMagic = "mediate watchman state 1";

/// The real path of `path` ("" when it cannot be resolved).
std::string RealPath(const std::string& path) {
  char* p = ::realpath(path.c_str(), nullptr);
  if (!p) return "";
  std::string out(p);
  std::free(p);
  return out;
}

}  // namespace

std::uint64_t SegmentTrailer(const std::string& data) {
  std::uint64_t v = 0;
  if (data.size() >= 8) std::memcpy(&v, data.data() + data.size() - 8, 8);
  return v;
}

bool HasLinkedCaseFile(const std::string& dir) {
  DIR* h = ::opendir(dir.c_str());
  if (!h) return true;
  bool link = false;
  while (dirent* e = ::readdir(h)) {
    if (!IsCaseFileName(e->d_name)) continue;
    unsigned char type = e->d_type;
    if (type == DT_UNKNOWN) {
      struct stat st {};
      std::string full = dir + "/" + e->d_name;
      if (::lstat(full.c_str(), &st) != 0) {
        link = true;
        break;
      }
      type = S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
    }
    if (type == DT_LNK) {
      link = true;
      break;
    }
  }
  ::closedir(h);
  return link;
}

bool IsRealDirectory(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool ReadVouchedSegment(const std::string& path, std::uint64_t settings, const std::string& rel,
                        std::uint64_t checksum, std::string* data, std::vector<std::string>* names,
                        std::vector<FileKey>* keys) {
  if (!ReadIndexFile(path, data) || data->size() < 8 || SegmentTrailer(*data) != checksum) {
    std::string().swap(*data);
    return false;
  }
  SegmentHeader h;
  SegmentReader r(nullptr, 0);
  if (!ReadSegmentHeader(*data, settings, rel, &h, &r).empty()) {
    std::string().swap(*data);
    return false;
  }
  names->clear();
  keys->clear();
  while (!r.done()) {
    std::uint64_t len = r.Var();
    if (r.bad() || len > r.left()) break;
    SegmentReader e(r.pos(), len);
    r.Skip(len);
    std::string_view name = e.Str();
    FileKey key = ReadFileKey(e);
    if (e.bad() || (!names->empty() && name <= names->back())) break;
    names->emplace_back(name);
    keys->push_back(key);
  }
  if (!r.done() || names->empty()) {
    std::string().swap(*data);
    return false;
  }
  return true;
}

std::optional<WatchState> ReadWatchState(const std::string& index_dir) {
  std::string text;
  if (!ReadIndexFile(index_dir + "/" + kWatchmanStateName, &text)) return std::nullopt;
  WatchState w;
  std::size_t at = 0, line_no = 0;
  bool have_clock = false, have_store = false, have_watch = false;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string::npos) return std::nullopt;  // torn
    std::string_view line(text.data() + at, nl - at);
    at = nl + 1;
    if (line_no++ == 0) {
      if (line != kWatchStateMagic) return std::nullopt;
      continue;
    }
    std::size_t sp = line.find(' ');
    std::string_view key = line.substr(0, sp);
    std::string value(sp == std::string_view::npos ? std::string_view() : line.substr(sp + 1));
    if (key == "store") {
      w.store = value, have_store = true;
    } else if (key == "watch") {
      w.watch = value, have_watch = true;
    } else if (key == "relative") {
      w.relative = value;
    } else if (key == "sock") {
      w.sock = value;
    } else if (key == "clock") {
      w.clock = value, have_clock = !value.empty();
    } else if (key == "folder") {
      std::size_t sp2 = value.find(' ');
      if (sp2 != 16) return std::nullopt;
      // Exactly 16 hex digits (no sign, space or "0x", as strtoull would take).
      std::uint64_t sum = 0;
      const char* digits = value.data();
      auto [end, ec] = std::from_chars(digits, digits + 16, sum, 16);
      if (ec != std::errc() || end != digits + 16) return std::nullopt;
      w.folders[value.substr(17)] = sum;
    }
    // Other lines (last-scan) are for people.
  }
  if (!have_clock || !have_store || !have_watch) return std::nullopt;
  return w;
}

std::string LastScanLine(const std::string& index_dir) {
  std::string text;
  if (!ReadIndexFile(index_dir + "/" + kWatchmanStateName, &text)) return "";
  static constexpr std::string_view kKey = "\nlast-scan ";
  std::size_t at = text.find(kKey);
  if (at == std::string::npos) return "";
  at += kKey.size();
  return text.substr(at, text.find('\n', at) - at);
}

std::string EncodeWatchState(const WatchState& w, const std::string& last_scan) {
  std::string out(kWatchStateMagic);
  out += "\nstore " + w.store + "\nwatch " + w.watch + "\nrelative " + w.relative + "\nclock " +
         w.clock + "\nsock " + w.sock + "\nlast-scan " + last_scan + "\n";
  for (const auto& [folder, sum] : w.folders) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(sum));
    out += "folder ";
    out.append(hex, 16).append(1, ' ').append(folder).append(1, '\n');
  }
  return out;
}

namespace {

/// True when `text` contains `word`, ASCII case-insensitively (git config
/// section and key names are case-insensitive).
/// `word` is in lower case.
bool MentionsIgnoringCase(std::string_view text, std::string_view word) {
  auto same = [](char c, char w) { return std::tolower(static_cast<unsigned char>(c)) == w; };
  return std::search(text.begin(), text.end(), word.begin(), word.end(), same) != text.end();
}

/// The server's socket as `client` tells it, or "" when it does not (or the
/// path could not be a line of the state file).
std::string LearnSocket(WatchmanClient& client) {
  auto sock = SocketName(client);
  return sock.ok() && sock->find('\n') == std::string::npos ? *sock : "";
}

}  // namespace

bool WatchmanWanted(const std::string& root) {
  // Starting libgit2 costs ~10 ms (it loads the system's CA certificates),
  // more than a warm read of 10^4 cases spends on everything else. The
  // setting can only be set in a .git/config that mentions it, or in a file
  // that one includes: without either word, it is unset.
  if (auto text = CurrentDisk().ReadFile(root + "/.git/config"); text.ok()) {
    if (!MentionsIgnoringCase(*text, "watchman") && !MentionsIgnoringCase(*text, "include"))
      return true;
  }
  auto repo = GitRepo::Open(root);
  if (!repo.ok()) return false;
  auto v = repo->LocalConfigString("mediate.watchman");
  if (!v) return true;
  std::string s = *v;
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return !(s == "false" || s == "no" || s == "off" || s == "0");
}

WatchPlan PlanWithWatchman(const std::string& root, const std::string& index_dir) {
  WatchPlan plan;
  const std::string real = RealPath(root);
  if (real.empty() || real.find('\n') != std::string::npos) {
    plan.why_walk = _("the store root has no usable real path");
    return plan;
  }
  if (!IsRealDirectory(real + "/cases")) {
    plan.why_walk = _("cases/ is not a directory of its own");
    return plan;
  }
  auto state = ReadWatchState(index_dir);
  if (state && state->store == real) {
    WatchRoot w{state->watch, state->relative};
    // Straight to the server's socket when it is known: no process started.
    auto client = MakeWatchmanClient(state->sock);
    auto changes = ChangedCaseFolders(*client, w, state->clock);
    if (!changes.ok() && changes.status().kind() == ErrorKind::kNotFound && !state->sock.empty()) {
      // Nobody listens there any more: the CLI finds (or starts) the server.
      state->sock.clear();
      client = MakeWatchmanClient();
      changes = ChangedCaseFolders(*client, w, state->clock);
    }
    if (!changes.ok()) {
      // The stored clock is useless now (watch gone, server gone): start
      // over with a new watch next time.
      (void)CurrentDisk().Remove(index_dir + "/" + kWatchmanStateName);
      plan.why_walk = changes.status().message();
      return plan;
    }
    plan.used = true;
    plan.next.store = real;
    plan.next.watch = w.root;
    plan.next.relative = w.relative_path;
    plan.next.clock = changes->clock;
    plan.next.sock = state->sock.empty() ? LearnSocket(*client) : state->sock;
    if (changes->fresh_instance) {
      plan.why_walk = _("watchman lost track since the stored clock (fresh instance)");
      return plan;
    }
    plan.answered = true;
    plan.changed = std::move(changes->changed);
    plan.vouched = std::move(state->folders);
    return plan;
  }
  plan.why_walk = state ? _("the stored clock is for another store root") : _("no clock stored");
  auto client = MakeWatchmanClient();
  auto w = WatchProject(*client, real);
  if (!w.ok()) {
    plan.why_walk = w.status().message();
    return plan;
  }
  if ((w->relative_path.empty() ? w->root : w->root + "/" + w->relative_path) != real ||
      w->root.find('\n') != std::string::npos) {
    plan.why_walk = Tr("watchman watches {0}, not the store", w->root);
    return plan;
  }
  auto clock = CurrentClock(*client, *w);
  if (!clock.ok()) {
    plan.why_walk = clock.status().message();
    return plan;
  }
  plan.used = true;
  plan.next.store = real;
  plan.next.watch = w->root;
  plan.next.relative = w->relative_path;
  plan.next.clock = *clock;
  plan.next.sock = LearnSocket(*client);
  return plan;
}

std::string RecordWatchState(WatchPlan* plan, const std::string& index_dir,
                             const std::vector<WatchedFolder>& folders) {
  std::size_t unchanged = 0;
  for (const auto& f : folders) {
    if (f.served_unchanged) ++unchanged;
    // A name with a line break cannot be a line of the state: walked each time.
    if (plan->used && f.clean && f.rel.find('\n') == std::string::npos)
      plan->next.folders[f.rel.substr(6)] = f.segment_sum;  // "cases/2026/03" → "2026/03"
  }
  std::string line = (plan->answered ? "watchman" : "walk") + std::string(" folders=") +
                     std::to_string(folders.size()) + " unchanged=" + std::to_string(unchanged) +
                     " walked=" + std::to_string(folders.size() - unchanged);
  if (!plan->why_walk.empty()) line += " reason=" + plan->why_walk;
  for (char& c : line)
    if (c == '\n') c = ' ';
  if (plan->used)
    (void)WriteIndexFile(index_dir, kWatchmanStateName, EncodeWatchState(plan->next, line));
  return line;
}

}  // namespace mediate
