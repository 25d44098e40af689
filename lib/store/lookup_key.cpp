// Store::LookupKey: the clone's key for the keyed hashes of party numbers
// in the derived index (store.hpp, party_lookup.hpp).
#include <sys/random.h>

#include <cstdint>

#include "disk.hpp"
#include "index_files.hpp"
#include "store.hpp"

namespace mediate {

namespace {

/// 32 bytes from the kernel's random source as 64 hex digits; "" on failure.
std::string RandomHex() {
  std::uint8_t bytes[32];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n <= 0) return "";
    got += static_cast<std::size_t>(n);
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (std::uint8_t b : bytes) {
    hex += kDigits[b >> 4];
    hex += kDigits[b & 0xF];
  }
  return hex;
}

/// The key in `text` (64 hex digits and a newline), or "".
std::string KeyIn(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (text.size() != 64 || text.find_first_not_of("0123456789abcdef") != std::string::npos)
    return "";
  return text;
}

}  // namespace

const std::string& Store::LookupKey() const {
  if (lookup_key_) return *lookup_key_;
  lookup_key_.emplace();
  const std::string git = GitDirOf(root_);
  if (git.empty()) return *lookup_key_;
  Disk& disk = CurrentDisk();
  const std::string dir = git + "/mediate";
  const std::string path = dir + "/lookup.key";
  if (auto text = disk.ReadFile(path); text.ok()) {
    *lookup_key_ = KeyIn(*text);
    return *lookup_key_;
  }
  std::string fresh = RandomHex();
  if (fresh.empty() || !disk.MakeDir(dir).ok()) return *lookup_key_;
  // Made once: of two processes making it at the same moment one wins, and
  // the other reads the winner's key.
  if (disk.CreateExclusive(path, fresh + "\n").ok()) {
    (void)disk.SetMode(path, 0600);
    *lookup_key_ = fresh;
  } else if (auto text = disk.ReadFile(path); text.ok()) {
    *lookup_key_ = KeyIn(*text);
  }
  return *lookup_key_;
}

}  // namespace mediate
