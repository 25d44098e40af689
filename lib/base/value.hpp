// A record document as a small tree: null, scalar, sequence or map, each
// with the 1-based line and column where it stood in its file.
//
// This is what the strict YAML loader (yaml_io) produces directly from
// parser events, and what record converters (case_record, …) read and
// build. It is deliberately tiny — a loaded record becomes a compact struct
// right after parsing, so no store's worth of Values is ever held.
//
// Scalars keep their text exactly and whether they were quoted: a plain
// `007` and a quoted "007" are different facts about a hand-edited file.
// Maps keep their keys in order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mediate {

/// 1-based position in a file; 0 = unknown (a value built in memory).
struct Mark {
  int line = 0;
  int column = 0;
};

class Value {
 public:
  enum class Type : std::uint8_t { kNull, kScalar, kSequence, kMap };
  using Entry = std::pair<std::string, Value>;

  Value() = default;  // null

  // Builders. Strings are emitted quoted; numbers and booleans plain.
  static Value Null(Mark m = {});
  static Value String(std::string text, Mark m = {});
  /// A scalar as read from a file: `quoted` is true for '…' and "…".
  static Value Scalar(std::string text, bool quoted, Mark m = {});
  static Value Int(std::int64_t n);
  static Value Bool(bool b);
  static Value Sequence(Mark m = {});
  static Value Map(Mark m = {});
  /// A sequence of strings.
  static Value Strings(const std::vector<std::string>& items);

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_scalar() const { return type_ == Type::kScalar; }
  bool is_sequence() const { return type_ == Type::kSequence; }
  bool is_map() const { return type_ == Type::kMap; }
  Mark mark() const { return mark_; }
  void set_mark(Mark m) { mark_ = m; }

  /// Scalar text (empty for non-scalars).
  const std::string& text() const { return text_; }
  /// True when the scalar was quoted in its file, or built with String().
  bool quoted() const { return quoted_; }

  /// Emitting hint: write this map or sequence in flow style ({…} / […]).
  bool flow() const { return flow_; }
  Value& set_flow(bool f = true) {
    flow_ = f;
    return *this;
  }

  /// Sequence items (empty for non-sequences).
  const std::vector<Value>& items() const { return items_; }
  std::vector<Value>& items() { return items_; }
  Value& Append(Value v);

  /// Map entries in file order (empty for non-maps).
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& entries() { return entries_; }
  /// The value at `key`, or nullptr when absent (or this is not a map).
  const Value* Find(std::string_view key) const;
  Value* Find(std::string_view key);
  /// Sets `key` (replacing in place when present, else appending).
  Value& Set(std::string key, Value v);
  /// Sets `key` to a string scalar when `text` is non-empty; skips it otherwise.
  void SetIfNotEmpty(std::string key, const std::string& text);
  /// Removes `key`; returns whether it was there.
  bool Erase(std::string_view key);

  /// Structural equality (type, text, items, entries), ignoring marks,
  /// quoting of scalars and flow hints.
  bool SameAs(const Value& other) const;

 private:
  Type type_ = Type::kNull;
  bool quoted_ = false;
  bool flow_ = false;
  Mark mark_;
  std::string text_;
  std::vector<Value> items_;
  std::vector<Entry> entries_;
};

}  // namespace mediate
