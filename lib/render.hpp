// Rendering a Table: aligned text (by display width, so Chinese lines up),
// CSV (RFC 4180), JSON, Markdown and XLSX. Also the display-width helpers
// every human-facing output uses.
#pragma once

#include <string>
#include <string_view>

#include "status.hpp"
#include "table.hpp"

namespace mediate {

enum class Format { kTable, kCsv, kJson, kMarkdown, kXlsx, kJsonl };

/// Parses "table", "csv", "json", "md", "xlsx", "jsonl"; nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view name);

/// Terminal columns `text` occupies (UTF-8; CJK wide = 2, combining = 0),
/// via utf8proc_charwidth. Invalid UTF-8 bytes count 1 each.
int DisplayWidth(std::string_view text);

/// `text` padded with spaces on the right (or left when `right_align`) to
/// `width` display columns; returned unchanged when already as wide.
std::string PadToWidth(std::string_view text, int width, bool right_align = false);

/// Text of one cell as shown to people (money "3,500.00", percent "85.3%").
std::string CellText(const Cell& cell, ColumnKind kind);

/// Aligned text table: headings, rows, totals; numbers right-aligned; two
/// spaces between columns; notes after. Ends with a newline.
std::string RenderText(const Table& t);

/// RFC 4180 CSV with a header row of column names, CRLF-free ("\n" line
/// ends), quoting where needed; a text cell starting with = + - @ (or tab/CR)
/// is prefixed with ' so spreadsheets do not run it as a formula. Money as
/// yuan "3500.00", percent as a ratio "0.853", counts as integers.
std::string RenderCsv(const Table& t);

/// JSON: an array of objects keyed by column names (money as a string
/// "3500.00", counts as integers, ratios as numbers, empty as null); a
/// totals row, when present, is an object with "total": true appended.
std::string RenderJson(const Table& t);

/// One JSON object per line (JSON Lines), same keys as RenderJson, no totals.
std::string RenderJsonl(const Table& t);

/// A GitHub-style Markdown table with headings.
std::string RenderMarkdown(const Table& t);

/// Writes an XLSX workbook with one sheet (`sheet_name`) at `path` through
/// libxlsxwriter: a bold header row, frozen under the header, counts as
/// numbers, money with a 0.00 number format, percent with 0.0%. kIo on failure.
Status WriteXlsx(const Table& t, const std::string& path, const std::string& sheet_name);

/// Renders to a string for every format but kXlsx (which needs a file).
std::string Render(const Table& t, Format f);

}  // namespace mediate
