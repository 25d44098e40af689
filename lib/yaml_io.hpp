// Strict YAML for records: load with positions, emit with safe quoting.
//
// Loading builds a `Value` tree straight from yaml-cpp's parser events (no
// YAML::Node is ever built, DESIGN §5), and refuses what a hand-edited or
// hostile record may carry: duplicate keys, anchors and aliases, tags, tab
// indentation, invalid UTF-8, a byte-order mark other than at the very
// start, git merge-conflict markers, more than one document, non-scalar map
// keys, files nesting deeper than `max_depth` or larger than `max_bytes`
// or with more than `max_nodes` nodes. Every error names file:line:column
// (1-based).
//
// Emitting writes block style, with maps/sequences flagged `flow()` on one
// line; every string scalar (Value::quoted()) double-quoted, so "007",
// "NO", "0123", "2024-01-05" survive any YAML 1.1 reader; plain scalars
// (numbers, booleans) plain. Keys are written in the map's order. The
// output is deterministic: the same Value gives the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "status.hpp"
#include "value.hpp"

namespace mediate {

/// Limits of the strict loader. Defaults suit case files (~1.5 KB).
struct YamlLimits {
  std::size_t max_bytes = 4 * 1024 * 1024;
  int max_depth = 64;
  std::size_t max_nodes = 200000;
};

/// Parses one YAML document from `text`; `file` is used in error locations.
/// An empty document gives a null Value. Errors are kRejected with one
/// Diagnostic each, located at the offending line and column.
Result<Value> ParseYaml(std::string_view text, const std::string& file,
                        const YamlLimits& limits = {});

/// Writes `root` (normally a map) as a YAML document ending in a newline.
std::string EmitYaml(const Value& root);

/// True when the plain (unquoted) scalar `text` would be read by a YAML 1.1
/// reader as something other than a string: null (~, null, empty), a bool
/// (yes/no/on/off/y/n/true/false in any case), an int (incl. octal 010,
/// hex, 0b, sexagesimal 1:20), a float (.inf, 1e3), a date/timestamp
/// (2024-01-05). Used to refuse plain scalars where a string is wanted.
bool PlainScalarIsNotString(std::string_view text);

}  // namespace mediate
