// Writing CSV: the one rule every CSV file `mediate` writes follows (report
// and list output, `--format csv`, and the rejects file of a ledger
// import). Every such file is meant to be opened in a spreadsheet, so every
// text field carries the formula guard. Reading CSV is text_input.hpp
// (ParseCsv).
#pragma once

#include <string>
#include <string_view>

namespace mediate {

/// One CSV field (RFC 4180) for a file a spreadsheet will open.
///
/// Formula guard: a text whose first character is =, +, -, @, a tab or a
/// carriage return would be read by a spreadsheet as a formula ("CSV
/// injection"); it gets a leading apostrophe, which spreadsheets show as
/// text ("=1+2" → "'=1+2"). Then the field is quoted, with quotes doubled,
/// when it holds a comma, a quote, CR or LF, or begins or ends with a space
/// or tab (ParseCsv trims those from unquoted fields, so quoting keeps them).
/// Numbers are written by the caller as numbers, without this function.
std::string CsvField(std::string_view text);

/// The text CsvField guarded: drops the apostrophe CsvField added when `cell`
/// is an apostrophe followed by a character the guard applies to
/// ("'=1+2" → "=1+2", "'-5" → "-5"); any other cell is returned unchanged
/// ("'abc", "'" and "''=" stay as they are). For files read back that
/// `mediate` wrote, such as a corrected rejects file imported again.
std::string_view WithoutFormulaGuard(std::string_view cell);

}  // namespace mediate
