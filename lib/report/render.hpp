// Rendering a whole Table: aligned text (by display width, so Chinese lines
// up), CSV (RFC 4180), JSON, JSON Lines, Markdown and XLSX, through the
// row-by-row writers of table_writer.hpp (which also holds the cell text
// and display-width helpers).
#pragma once

#include <string>

#include "status.hpp"
#include "table.hpp"
#include "table_writer.hpp"

namespace mediate {

/// `text` with the five characters HTML gives meaning to (& < > " ')
/// written as entities, for element text and quoted attribute values.
std::string EscapeHtml(const std::string& text);

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
