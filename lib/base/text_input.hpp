// Turning what people type into spreadsheets into values: encodings, CSV,
// full-width characters, dates and amounts in the shapes Chinese ledgers
// use. Pure functions; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "status.hpp"
#include "time.hpp"

namespace mediate {

/// True when `bytes` is valid UTF-8 (via utf8proc). `bad_offset` receives
/// the byte offset of the first invalid sequence.
bool IsValidUtf8(std::string_view bytes, std::size_t* bad_offset = nullptr);

/// Input encodings we read.
enum class Encoding { kUtf8, kGb18030 };

/// Detects the encoding of a ledger: UTF-8 (with or without BOM) when the
/// bytes are valid UTF-8, else GB18030 when they convert cleanly.
/// nullopt when neither.
std::optional<Encoding> DetectEncoding(std::string_view bytes);

/// Parses "utf-8"/"utf8", "gb18030"/"gbk"/"gb2312"/"cp936" (GB18030 is a
/// superset), case-insensitively.
std::optional<Encoding> ParseEncodingName(std::string_view name);

/// Converts `bytes` to UTF-8 (iconv for GB18030), dropping a leading BOM.
/// UTF-8 input is validated. kRejected naming `file`, the line and the
/// 0-based byte offset of an invalid sequence: "ledger.csv:12: invalid
/// GB18030 byte sequence at byte 345" (also one Diagnostic at file:line).
Result<std::string> ToUtf8(std::string_view bytes, Encoding from, const std::string& file);

/// One CSV record with the file line it started on (1-based).
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

/// Parses RFC 4180 CSV (or TSV with `delimiter` '\t') via libcsv in strict
/// mode: quoted fields with delimiters, quotes and newlines; CRLF or LF; a
/// leading BOM is dropped. Spaces (and tabs, for CSV) around unquoted
/// fields are trimmed; quoted fields are kept exactly. Blank lines, and
/// rows whose every field is blank (Excel's ",,,,"), are skipped. `line` is
/// the physical line a record starts on. kRejected with file:line for a
/// malformed file: an unterminated quote (the line its record starts on), a
/// stray quote in an unquoted field or text after a closing quote.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view utf8, const std::string& file,
                                        char delimiter = ',');

/// NFKC-folds full-width digits, letters and punctuation to ASCII
/// ("１２３" → "123", "，" → ",", "（" → "(", "￥" → "¥", U+3000 → space), via
/// utf8proc, and trims ASCII whitespace, U+3000, U+00A0, U+200B and U+FEFF at
/// both ends. Chinese characters are unchanged; NFKC also folds things like
/// "①" → "1" and "㎡" → "m2". Invalid UTF-8 is only trimmed, not folded.
std::string NormalizeCell(std::string_view text);

/// `s` without the blank characters at its ends: ASCII whitespace,
/// ideographic space U+3000, no-break space U+00A0, zero-width space U+200B
/// and a stray BOM U+FEFF. The text between is untouched (no folding).
std::string_view TrimBlanks(std::string_view s);

/// `items` joined with `sep` between each two: ({"a", "b"}, ", ") → "a, b";
/// "" for no items.
std::string Joined(const std::vector<std::string>& items, std::string_view sep);

/// Parses a date as ledgers write it: 2026-01-05, 2026-1-5, 2026/1/5,
/// 2026.1.5 (one separator throughout), 2026年1月5日 (or 5号, or no final
/// unit; spaces around the units allowed), 20260105; after NormalizeCell,
/// so full-width digits work. Years 1900–2100. nullopt when the shape is
/// unknown or the date does not exist (2023-02-29).
std::optional<Date> ParseLedgerDate(std::string_view text);

/// Parses an amount in yuan to fen, exactly (no floating point): "3500",
/// "3,500.50", "¥3500", "￥3500", "3500元", "3500.5" (after NormalizeCell).
/// Commas must group thousands ("35,00" fails). nullopt for anything else,
/// including more than two decimals, "" and more than 10^15 yuan. A leading
/// '-' (before or after ¥) parses to a negative amount.
std::optional<std::int64_t> ParseYuanToFen(std::string_view text);

/// "role=third_party,name=赵某,phone=139…" (a flag's value listing
/// fields) as key → value, in order; a later key replaces an earlier one.
/// kUsage naming `flag`, the whole value and the item that is not
/// key=value (an empty key included).
Result<std::vector<std::pair<std::string, std::string>>> ParseKeyValues(std::string_view flag,
                                                                        std::string_view spec);

}  // namespace mediate
