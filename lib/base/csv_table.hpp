// A parsed CSV file with named columns: the header row maps names to
// positions, and each data row reports its problems by file:line and
// column name. Used by init (divisions, grids, orgs, mediators) and by
// ledger import.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"
#include "text_input.hpp"

namespace mediate {

class CsvTable {
 public:
  /// Parses UTF-8 CSV `text`; the first record is the header. kRejected
  /// for malformed CSV or an empty file.
  static Result<CsvTable> Parse(std::string_view text, const std::string& file,
                                char delimiter = ',');
  /// A table built from records read some other way (JSON Lines, YAML):
  /// `header` as given (not trimmed), `rows` with their file lines.
  static CsvTable FromRecords(std::string file, std::vector<std::string> header,
                              std::vector<CsvRecord> rows);

  const std::string& file() const { return file_; }
  const std::vector<std::string>& header() const { return header_; }
  /// Data rows (without the header), each with its file line.
  const std::vector<CsvRecord>& rows() const { return rows_; }
  /// Index of column `name`, or -1.
  int Column(std::string_view name) const;
  /// Checks that every name in `required` is a column; kRejected naming the
  /// missing ones and the header found.
  Status Require(const std::vector<std::string>& required) const;
  /// The cell of `row` in column `name`, trimmed; "" when the column is
  /// absent or the row is short.
  std::string Cell(const CsvRecord& row, std::string_view name) const;
  /// Location of `row` ("file:line").
  Location Where(const CsvRecord& row) const { return {file_, row.line, 0}; }

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::vector<CsvRecord> rows_;
};

/// Splits a `;`-separated list cell; empty items are dropped.
std::vector<std::string> SplitList(std::string_view cell, char sep = ';');

/// A list typed by a person (a command-line value, a roster cell): items
/// separated by , or ; or the full-width ， ； 、 of Chinese input methods;
/// each item trimmed, empty items dropped (as SplitList).
std::vector<std::string> SplitTypedList(std::string_view text);

}  // namespace mediate
