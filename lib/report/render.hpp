// Rendering a Table: aligned text (by display width, so Chinese lines up),
// CSV (RFC 4180), JSON, Markdown and XLSX. Also the display-width helpers
// every human-facing output uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "status.hpp"
#include "table.hpp"

namespace mediate {

enum class Format { kTable, kCsv, kJson, kMarkdown, kXlsx, kJsonl };

/// Parses "table", "csv", "json", "md", "xlsx", "jsonl" (also "text" and
/// "markdown"); nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view name);

/// `text` with the five characters HTML gives meaning to (& < > " ')
/// written as entities, for element text and quoted attribute values.
std::string EscapeHtml(const std::string& text);

/// Terminal columns `text` occupies (UTF-8; CJK wide = 2, combining = 0),
/// via utf8proc_charwidth. Invalid UTF-8 bytes count 1 each.
int DisplayWidth(std::string_view text);

/// `text` padded with spaces on the right (or left when `right_align`) to
/// `width` display columns; returned unchanged when already as wide.
std::string PadToWidth(std::string_view text, int width, bool right_align = false);

/// Text of one cell as shown to people: money (fen) "3,500.00", percent
/// (a ratio) "85.3%", decimal "12.5", counts "120", empty (or a non-finite
/// double) "". A string cell is shown as is in any column.
std::string CellText(const Cell& cell, ColumnKind kind);

/// Aligned text table: headings (Column::heading, else name), rows, totals;
/// numbers (and their headings) right-aligned by display width, text
/// left-aligned; two spaces between columns; no trailing spaces; newlines
/// and tabs inside cells shown as spaces; then a blank line and the notes.
/// Ends with a newline ("" for a table without columns or notes).
std::string RenderText(const Table& t);

/// RFC 4180 CSV with a header row of column names, CRLF-free ("\n" line
/// ends), each text cell and name written by CsvField (csv_write.hpp:
/// quoting where needed, and the formula guard). Money as
/// yuan "3500.00", percent as a ratio with up to 4 decimals "0.8533",
/// decimals with one decimal, counts as integers; empty cells empty. The
/// totals row, when present, is the last row. Notes are not written.
std::string RenderCsv(const Table& t);

/// JSON: an array of objects keyed by column names (money as a string
/// "3500.00", counts as integers, ratios as numbers, a kList cell as an
/// array of strings, empty as null); a
/// totals row, when present, is an object with "total": true appended.
/// Keys in column order; ratios rounded to 4 decimals, decimals to 1.
/// Pretty-printed (2-space indent), UTF-8 unescaped, ends with a newline.
std::string RenderJson(const Table& t);

/// One JSON object per line (JSON Lines), same keys as RenderJson, no totals.
std::string RenderJsonl(const Table& t);

/// A GitHub-style Markdown table with headings (numbers right-aligned with
/// `---:`, `|` escaped, totals as the last row), then the notes.
std::string RenderMarkdown(const Table& t);

/// Writes an XLSX workbook with one sheet (`sheet_name`) at `path` through
/// libxlsxwriter: a bold header row, frozen under the header, counts as
/// numbers, money with a 0.00 number format, percent with 0.0%, decimals
/// 0.0, the totals row bold; column widths from display width. The sheet
/// name is made legal for Excel (31 characters, no []:*?/\). kUsage when
/// the table has more rows than a sheet holds; kIo when writing fails.
Status WriteXlsx(const Table& t, const std::string& path, const std::string& sheet_name);

/// Renders to a string for every format but kXlsx (which needs a file:
/// returns "" for it; use WriteXlsx).
std::string Render(const Table& t, Format f);

}  // namespace mediate
