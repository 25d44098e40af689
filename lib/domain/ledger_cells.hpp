// Reading the text of one ledger cell, shared by the row reader
// (ledger_row.hpp), the party kinds (ledger_party.hpp) and the import
// (ledger_import.hpp). Codes, numbers and dates are read after NormalizeCell
// (text_input.hpp); names and summaries keep their characters as written.
#pragma once

#include <string>
#include <string_view>

namespace mediate {

/// `s` with blank characters trimmed at both ends: ASCII whitespace,
/// U+3000, U+00A0, U+200B, U+FEFF. The text itself is kept as written (no
/// NFKC folding: "，" stays full-width in a summary).
std::string TrimLedgerText(std::string_view s);

/// True when `s` is non-empty and every byte is an ASCII digit 0–9.
bool IsAllDigits(std::string_view s);

}  // namespace mediate
