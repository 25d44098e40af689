// The shapes a ledger arrives in: CSV (Excel's "CSV
// (逗号分隔)", UTF-8 or GB18030 — decoding is text_input.hpp's), TSV, JSON
// Lines (one object per line, as grid-system exports write them) and YAML
// (a list of maps). Each becomes the same CsvTable, header and rows with
// their file lines, so ImportLedger checks every shape alike. And the way
// back: the rows `--skip-invalid` refused, as a CSV file that can be fixed
// and imported again.
//
// Pure: text in, table or text out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_table.hpp"
#include "ledger_import.hpp"
#include "status.hpp"

namespace mediate {

/// The input formats of `mediate import`.
enum class LedgerFormat { kCsv, kTsv, kJsonLines, kYaml };

/// "csv", "tsv", "jsonl" (also "json-lines", "ndjson"), "yaml" (also
/// "yml"), case-insensitive; nullopt otherwise (`--input-format`).
std::optional<LedgerFormat> ParseLedgerFormat(std::string_view name);

/// The format a file name implies: .tsv/.tab → TSV, .jsonl/.ndjson → JSON
/// Lines, .yaml/.yml → YAML, anything else CSV (case-insensitive).
LedgerFormat LedgerFormatOf(std::string_view path);

/// "csv", "tsv", "jsonl", "yaml".
const char* LedgerFormatName(LedgerFormat f);

/// Reads UTF-8 `text` (BOM already dropped) in format `f` into a table:
/// - CSV/TSV: CsvTable::Parse (the first record is the header); a cell that
///   is an apostrophe before = + - @, tab or CR loses the apostrophe
///   (WithoutFormulaGuard: the guard RejectsCsv wrote);
/// - JSON Lines: each non-blank line one JSON object {column: value}; the
///   header is every key in the order first seen, a missing key a blank
///   cell; strings as they are, numbers as written in JSON (integers
///   exactly), true/false as text, null blank. A line that is not a JSON
///   object, or a value that is a list or object, is an error at its line;
/// - YAML (strict loader): a list of maps {column: scalar}, read likewise
///   (scalars keep their exact text: 007 stays 007, 2026-01-05 a date's
///   text); a row's line is its map's.
/// kRejected listing every problem at file:line ("ledger.jsonl:3: not a JSON
/// object: …"); an input with no rows at all is refused by ImportLedger.
Result<CsvTable> ReadLedgerTable(std::string_view text, const std::string& file, LedgerFormat f);

/// The refused rows as a CSV file to fix and import again (UTF-8 with a BOM,
/// so Excel opens it; CRLF line ends, RFC 4180 quoting): a first column
/// 导入错误 (kRejectsErrorColumn) then the ledger's header; each refused row
/// has its errors in the first cell, one per line, as "column 纠纷类型
/// (category): unknown label …" (in the interface's language: "列“纠纷类型”：
/// 未知的标签…" in Chinese), then its original cells (a short row
/// padded with blanks, extra cells kept after the last column). Every cell
/// is written by CsvField (csv_write.hpp), so with the formula guard, which
/// ReadLedgerTable takes off again. A column
/// 导入错误 already in the ledger (a rejects file imported again) is
/// replaced, not repeated. The headers stay as the ledger wrote them, and
/// 导入错误 is the same in every language, so that ImportLedger reads the
/// corrected file back whatever the language it was written in.
std::string RejectsCsv(const CsvTable& table, const std::vector<LedgerReject>& rejected);

}  // namespace mediate
