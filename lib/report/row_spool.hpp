// Rows gathered in whatever order they are produced and given back sorted
// by a key, in memory that does not grow with the rows: `list` and `export`
// read a million cases from many index segments at once and still print
// them by id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scratch_file.hpp"
#include "status.hpp"
#include "table.hpp"

namespace mediate {

/// A spool of table rows. Each row is encoded into a buffer at once; past
/// `memory_limit` bytes the buffer goes to an unnamed scratch file in
/// `scratch_dir` (ScratchFile), so what stays in memory is the buffer and,
/// per row, its key and place (about 50 bytes). Not thread-safe.
class RowSpool {
 public:
  /// A spool whose rows beyond `memory_limit` bytes of encoded cells are
  /// kept in a scratch file in `scratch_dir` (created when first needed).
  explicit RowSpool(std::string scratch_dir, std::size_t memory_limit = 8u << 20);

  /// Adds `row` under `key`. kIo when the scratch file cannot be created or
  /// written (the spool is then unusable).
  Status Add(std::string_view key, const std::vector<Cell>& row);

  /// Number of rows added.
  std::size_t size() const { return entries_.size(); }

  /// Calls `visit` with every row, sorted by key (bytewise; rows with the
  /// same key in the order added). Stops at, and returns, the first error
  /// of `visit` or of reading the scratch file (kIo).
  Status ForEachSorted(const std::function<Status(const std::vector<Cell>&)>& visit);

 private:
  struct Entry {
    std::string key;
    std::uint64_t offset;  // in the stream of encoded rows: file, then buffer
    std::uint32_t size;
  };

  std::string scratch_dir_;
  std::size_t memory_limit_;
  std::vector<Entry> entries_;
  std::string buffer_;                  // encoded rows not yet spilled
  std::optional<ScratchFile> spilled_;  // encoded rows [0, spilled_->size())
};

}  // namespace mediate
