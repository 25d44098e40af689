// The text of one cell of a Table: as people see it (CellText), as CSV
// writes it (MachineText), as JSON holds it (CellJson); and the display
// width that aligns Chinese text in a terminal.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "table.hpp"

namespace mediate {

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

/// True for the kinds shown as numbers (counts, money, percent, decimal):
/// right-aligned in text and Markdown.
bool IsNumericKind(ColumnKind kind);

/// The heading people read: Column::heading, else the name.
const std::string& ColumnHeading(const Column& c);

/// True for an empty cell: no value, or a real that is not finite.
bool IsEmptyCell(const Cell& c);

/// A real amount of fen rounded to whole fen.
std::int64_t FenOfReal(double fen);

/// The text CSV writes for a cell: money as yuan "3500.00", a ratio with up
/// to 4 decimals "0.8533", a decimal with one "12.5", a count "120"; empty
/// cells "". A string cell as is (CsvField quotes it).
std::string MachineText(const Cell& cell, ColumnKind kind);

/// The JSON value of a cell: money as a string "3500.00", counts as
/// integers, ratios rounded to 4 decimals and decimals to 1 as numbers, a
/// kList cell as an array of its items, empty as null.
nlohmann::ordered_json CellJson(const Cell& cell, ColumnKind kind);

}  // namespace mediate
