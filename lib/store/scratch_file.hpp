// An unnamed temporary file: room on disk for data a command produces but
// cannot hold in memory (the rows of a sorted export of a million cases).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "status.hpp"

namespace mediate {

/// A file with no name, created in a directory and gone when closed or when
/// the process ends, however it ends (O_TMPFILE; where the file system does
/// not offer it, a file created with mkstemp and unlinked at once). Data is
/// appended and read back at an offset; nothing is flushed to the disk.
/// Move-only; not thread-safe.
class ScratchFile {
 public:
  /// Creates the file in `dir` (for the data of a store, a directory of the
  /// store, so it stays on that disk with that disk's protection). kIo
  /// naming `dir` when it cannot be created.
  static Result<ScratchFile> Create(const std::string& dir);

  ScratchFile(ScratchFile&& other) noexcept;
  ScratchFile& operator=(ScratchFile&& other) noexcept;
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile();

  /// Appends `data` at the end. kIo (disk full, …).
  Status Append(std::string_view data);
  /// Replaces `*out` with the `size` bytes at `offset`. kIo when they cannot
  /// be read (or lie past the end).
  Status ReadAt(std::uint64_t offset, std::size_t size, std::string* out) const;
  /// Bytes appended so far.
  std::uint64_t size() const { return size_; }

 private:
  ScratchFile(int fd, std::string dir) : fd_(fd), dir_(std::move(dir)) {}

  int fd_ = -1;
  std::string dir_;  // for messages
  std::uint64_t size_ = 0;
};

}  // namespace mediate
