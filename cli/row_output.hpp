// The output of a reading command whose rows may be too many to hold
// (`list`, `export`, `due`, `alerts`, `review` over a million cases): rows
// are spooled as they are produced (RowSpool), measured for alignment
// (ColumnWidths), and written sorted by their key once every row is in —
// to standard output, or to -o FILE all at once (a temporary file renamed
// over FILE, so an error leaves FILE as it was; WriteOutputFile, which also
// starts a CSV file with the byte order mark Excel needs).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "reading.hpp"
#include "row_spool.hpp"
#include "table_writer.hpp"

namespace mediate::cli {

/// Rows on their way to the output of one command.
class RowOutput {
 public:
  /// An output of `columns` in the format `options` chose. kUsage for an
  /// unknown format, or xlsx without -o FILE; checked before any case is
  /// read. Rows beyond a few megabytes go to a scratch file in the store's
  /// .git directory (the system's temporary directory without a store).
  static Result<RowOutput> Open(Context& ctx, const OutputOptions& options,
                                std::vector<Column> columns);

  /// Adds `row` (cells in column order), to be written in the order of
  /// `key` (bytewise). After a failure (kIo of the scratch file) the rows
  /// are dropped and Write reports it.
  void Add(std::string_view key, const std::vector<Cell>& row);

  /// Rows added.
  std::size_t rows() const { return spool_.size(); }

  /// Writes every row sorted by key, then `totals` (when not empty) and
  /// `notes`, as the format places them; an XLSX sheet is named `sheet`.
  /// kIo when the output cannot be written (FILE is then left as it was).
  Status Write(Context& ctx, const std::vector<Cell>& totals, const std::vector<std::string>& notes,
               const std::string& sheet);

 private:
  RowOutput(Format format, std::string output, bool bom, std::vector<Column> columns,
            std::string scratch_dir)
      : format_(format),
        output_(std::move(output)),
        bom_(bom),
        columns_(columns),
        widths_(format, std::move(columns)),
        spool_(std::move(scratch_dir)) {}

  /// Renders into `writer`: the rows, the totals and the notes.
  Status Drain(TableWriter& writer, const std::vector<Cell>& totals,
               const std::vector<std::string>& notes);

  Format format_;
  std::string output_;
  bool bom_;  ///< a CSV file starts with the byte order mark (FilePreamble)
  std::vector<Column> columns_;
  ColumnWidths widths_;
  RowSpool spool_;
  Status failed_;
};

}  // namespace mediate::cli
