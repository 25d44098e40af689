// Helpers shared by unit tests: temporary directories and file access.
#pragma once

#include <filesystem>
#include <string>

namespace mediate::test {

/// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

/// Whole content of `path` ("" when unreadable).
std::string ReadFile(const std::filesystem::path& path);
/// Writes `content` to `path`, creating parent directories.
void WriteFile(const std::filesystem::path& path, const std::string& content);
/// The project's source directory (examples/, tests/fixtures/).
std::filesystem::path SourceDir();

/// Runs `cmd` with the shell and returns its standard output (what the
/// command does not redirect); "" when it cannot be started.
std::string RunShell(const std::string& cmd);

}  // namespace mediate::test
