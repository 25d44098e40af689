// Typed reading of record fields from a Value, collecting every problem as
// a Diagnostic at the field's file:line:column with its path.
//
// Shared by all record kinds (case, organisation, mediator, area, settings,
// rules) so that the rules are the same everywhere: strings should be
// quoted, and a plain scalar that a YAML 1.1 reader would take for a
// number, boolean, null or date where a string is wanted is an error (it
// would not survive another tool); numbers and booleans are
// parsed here, not by yaml-cpp (`010` is ten, `yes` is not a boolean).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "money.hpp"
#include "status.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

class VocabList;

class RecordReader {
 public:
  /// Reads fields of `file`; diagnostics go to `sink` (not owned).
  RecordReader(std::string file, DiagnosticSink* sink) : file_(std::move(file)), sink_(sink) {}

  const std::string& file() const { return file_; }
  DiagnosticSink& sink() { return *sink_; }

  /// Location of `v` in the file.
  Location At(const Value& v) const { return {file_, v.mark().line, v.mark().column}; }
  void Error(const Value& at, const std::string& path, const std::string& message);
  void Warning(const Value& at, const std::string& path, const std::string& message);

  /// The map at `v`, or an error (returns false).
  bool ExpectMap(const Value& v, const std::string& path);

  /// A string field; "" when absent or null. `required` reports absence.
  std::string String(const Value& map, const char* key, const std::string& path,
                     bool required = false);
  /// A string field that must be one of `vocab`'s codes ("" when absent).
  std::string Code(const Value& map, const char* key, const std::string& path,
                   const VocabList& vocab, bool required = false);
  /// A list of strings (empty when absent).
  std::vector<std::string> Strings(const Value& map, const char* key, const std::string& path);
  /// A date "YYYY-MM-DD" (invalid Date when absent).
  Date DateField(const Value& map, const char* key, const std::string& path, bool required = false);
  /// An RFC 3339 time with offset.
  Timestamp TimeField(const Value& map, const char* key, const std::string& path,
                      bool required = false);
  /// A non-negative decimal integer (plain scalar); `fallback` when absent.
  std::int64_t Int(const Value& map, const char* key, const std::string& path,
                   std::int64_t fallback = 0, bool required = false);
  /// true/false only; `fallback` when absent.
  bool Bool(const Value& map, const char* key, const std::string& path, bool fallback = false);
  /// Yuan with at most two decimals ("3500.00"); nullopt when absent or
  /// not such an amount (reported).
  std::optional<mediate::Money> Money(const Value& map, const char* key, const std::string& path);

  /// Reports every key of `map` not in `known` (a warning: records may
  /// carry more fields, but a typo should be seen).
  void WarnUnknownKeys(const Value& map, const std::string& path,
                       std::initializer_list<const char*> known);
  /// WarnUnknownKeys, and gives those keys with their values (marks
  /// included) as a map in the order read, for a record that keeps what it
  /// does not know and writes it back (WriteUnknownKeys).
  Value KeepUnknownKeys(const Value& map, const std::string& path,
                        std::initializer_list<const char*> known);

 private:
  /// The scalar at key, or nullptr (absent/null); reports non-scalars.
  const Value* ScalarAt(const Value& map, const char* key, const std::string& path, bool required);
  std::string file_;
  DiagnosticSink* sink_;
};

/// "parties[0].name" style path join: Join("parties[0]", "name").
std::string JoinPath(const std::string& base, const std::string& key);

/// Appends the entries of `unknown` (a map kept by KeepUnknownKeys) to the
/// map `out`, after the keys already there, in their order; a key `out`
/// already holds is left as `out` has it.
void WriteUnknownKeys(const Value& unknown, Value* out);

}  // namespace mediate
