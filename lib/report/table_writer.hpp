// Writing a table row by row in one of the output formats — aligned text
// (by display width, so Chinese lines up), CSV (RFC 4180), JSON, JSON Lines,
// Markdown and XLSX. render.hpp renders a whole Table with these; the text
// of one cell is cell_text.hpp's.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cell_text.hpp"
#include "column_view.hpp"
#include "status.hpp"
#include "table.hpp"

namespace mediate {

enum class Format { kTable, kCsv, kJson, kMarkdown, kXlsx, kJsonl };

/// Parses "table", "csv", "json", "md", "xlsx", "jsonl" (also "text" and
/// "markdown"); nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view name);

/// True when `format` shows labels only, never codes beside them
/// (ColumnShown): the human formats (aligned text table, Markdown) when
/// translation is on (i18n.hpp), so a Chinese reader sees 邻里纠纷, 已分流,
/// 区级 rather than the codes. Machine formats always show codes.
bool LabelsOnly(Format format);

/// The bytes a file written in `format` starts with: for CSV with `bom`, the
/// UTF-8 byte order mark EF BB BF, without which Excel reads a CSV file in
/// the system's code page (GBK on Chinese Windows) and garbles the Chinese;
/// nothing otherwise. Only files get it: standard output never does (a
/// pipe's reader wants the bare text). `bom` is false under --no-bom.
std::string_view FilePreamble(Format format, bool bom);

// The whole-table renderers (render.hpp) are built on the classes below,
// which a command uses instead when its rows are too many to hold
// (`list` and `export` over a million cases): ColumnWidths measures the
// rows as they are produced, and a TableWriter then writes them one at a
// time. The output is byte for byte what Render gives for the same rows.

/// The display widths of the columns as `format` lays them out: for the
/// aligned text table and Markdown the width of each heading and cell as
/// printed (one line; Markdown with `|` escaped), for XLSX the width of the
/// text people see; nothing for CSV, JSON and JSON Lines, which are not
/// aligned. Fed every row (and the totals) before the writer is opened.
/// Only the columns `format` shows (ColumnShown, LabelsOnly) are measured.
class ColumnWidths {
 public:
  ColumnWidths(Format format, std::vector<Column> columns);
  /// Widens the columns to fit `row` (cells in the order of all the columns).
  void Measure(const std::vector<Cell>& row);
  /// One width per column shown, in terminal columns (DisplayWidth).
  const std::vector<int>& widths() const { return widths_; }

 private:
  Format format_;
  ColumnView view_;
  std::vector<Column> columns_;  ///< the columns shown
  std::vector<int> widths_;
};

/// Where a text writer sends what it renders (appended in order).
using TextSink = std::function<void(std::string_view)>;

/// A table being written row by row in one format. Rows are cells in column
/// order (missing cells are empty); Finish writes the totals row (when not
/// empty) and the notes, exactly where the whole-table renderer puts them,
/// and must be called once, last.
class TableWriter {
 public:
  virtual ~TableWriter() = default;
  /// Writes one row. kIo when the XLSX library fails.
  virtual Status Row(const std::vector<Cell>& row) = 0;
  /// Writes the totals and the notes and ends the table. kIo when the XLSX
  /// file cannot be written.
  virtual Status Finish(const std::vector<Cell>& totals, const std::vector<std::string>& notes) = 0;
};

/// A writer of `format` (any but kXlsx) sending its text to `sink`;
/// `widths` from ColumnWidths over every row of the table (ignored by the
/// formats that do not align). The header is written at once. Rows are
/// given in the order of all of `columns`; the writer shows those `format`
/// shows (ColumnShown, LabelsOnly).
std::unique_ptr<TableWriter> OpenTextWriter(Format format, std::vector<Column> columns,
                                            std::vector<int> widths, TextSink sink);

/// A writer of an XLSX workbook at `path` with one sheet (`sheet_name`,
/// made legal for Excel), as WriteXlsx describes, in libxlsxwriter's
/// constant-memory mode; `widths` from ColumnWidths(kXlsx, …), `rows` the
/// number of rows that will be written (totals not counted), `totals`
/// whether a totals row follows. kUsage when the rows or columns do not fit
/// a sheet; kIo when `path` cannot be created.
Result<std::unique_ptr<TableWriter>> OpenXlsxWriter(std::vector<Column> columns,
                                                    std::vector<int> widths, std::size_t rows,
                                                    bool totals, const std::string& path,
                                                    const std::string& sheet_name);

}  // namespace mediate
