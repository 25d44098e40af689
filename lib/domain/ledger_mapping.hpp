// Reading ledgers with other header sets and labels:
// `mediate import --mapping FILE LEDGER` with a YAML file such as
//
//   columns:                # a header of the ledger → the column it is
//     受理时间: received      # a field name (LedgerColumns(): received, …)
//     当事人: 申请人           # or a standard header
//     备注: ignore            # or ignore: not imported, no warning
//   values:                 # per column: a value as written → the code
//     source: {12345热线: phone, 自行来访: application}
//     risk: {高: red, 中: orange, 低: blue}
//     street: {千峰: "140109001"}
//
// Columns the mapping does not name are matched as usual (LedgerColumns()).
// Value keys are compared after NormalizeCell (full width, spaces). Pure:
// the command reads the file.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "status.hpp"
#include "vocab.hpp"

namespace mediate {

/// A parsed mapping file.
struct LedgerMapping {
  std::string file;  ///< the mapping's path, for messages
  /// Ledger header (after NormalizeCell) → position in LedgerColumns(), or
  /// -1 for "ignore".
  std::map<std::string, int> columns;
  /// Position in LedgerColumns() → {value as written (after NormalizeCell)
  /// → replacement text}.
  std::map<int, std::map<std::string, std::string>> values;

  /// The column `header` is mapped to: true with *column (-1 = ignore)
  /// when the mapping names it, false otherwise.
  bool MapColumn(std::string_view header, int* column) const;
  /// The replacement of `cell` in column `column`, or nullptr when the
  /// mapping has none (the cell is read as written).
  const std::string* MapValue(int column, std::string_view cell) const;
};

/// Parses a mapping file (YAML, strict loader: duplicate keys, anchors and
/// the like are refused). Top-level keys `columns` and `values`, both
/// optional maps. A column target is a field name, a standard header or
/// alias (FindLedgerColumn), or `ignore`. A value map's column is a field
/// name or header; its targets must be codes of the column's vocabulary
/// when it has one (`source: {来电: phone}`; checked against `vocab`), any
/// text otherwise (a street or community code, a date). Two headers mapped
/// to the same column are an error. kRejected with every problem at
/// file:line:column ("mapping.yaml:3:9: columns.受理时间: unknown field
/// \"recieved\"; fields: row, received, …").
Result<LedgerMapping> ParseLedgerMapping(std::string_view yaml, const std::string& file,
                                         const Vocabulary& vocab);

}  // namespace mediate
