// Strict YAML for records: load with positions, emit with safe quoting.
//
// Loading builds a `Value` tree straight from libyaml's C event parser
// (`yaml_parser_parse`; no document tree is ever built, docs/yaml.md), and
// refuses what a hand-edited or hostile record may carry: duplicate keys, anchors and aliases,
// tags, tab indentation, invalid UTF-8, a byte-order mark other than at the very start, git
// merge-conflict markers, more than one document, non-scalar map keys, files nesting deeper than
// `max_depth` or larger than `max_bytes` or with more than `max_nodes` nodes. Every error names
// file:line:column (1-based).
//
// Emitting (yaml_emit.hpp) writes block style, maps/sequences flagged `flow()` on one
// line; every string scalar (Value::quoted()) double-quoted, so "007",
// "NO", "0123", "2024-01-05" survive any YAML 1.1 reader; plain scalars
// (numbers, booleans) plain. Keys are written in the map's order. The
// output is deterministic: the same Value gives the same bytes. Comments
// are not kept: a comment added by hand is lost when a record is rewritten.
//
// Thread safety: all functions are pure and may run in parallel.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "status.hpp"
#include "value.hpp"
#include "yaml_emit.hpp"    // EmitYaml()
#include "yaml_scalar.hpp"  // PlainScalarIsNotString()

namespace mediate {

/// Limits of the strict loader. Defaults suit case files (~1.5 KB).
struct YamlLimits {
  std::size_t max_bytes = 4 * 1024 * 1024;
  int max_depth = 64;
  std::size_t max_nodes = 200000;
};

/// Parses one YAML document from `text`; `file` is used in error locations.
/// An empty (or comment-only) text gives a null Value.
///
/// Values: a plain scalar `~`, `null`, `Null`, `NULL` or nothing (`a:`) is
/// Value::Null; any other scalar keeps its text, with quoted() true for
/// '…', "…" and block scalars (| and >), false for plain ones (libyaml's
/// scalar style). An explicit non-specific tag, `! 007`, also reads as
/// quoted: YAML says it is a string. Flow collections ({…} / […]) come back
/// with flow() set (the style of libyaml's start event).
///
/// Marks: 1-based line, and column counted in characters (code points), not
/// bytes, so "李某, x" puts x at column 5 as an editor shows it (libyaml's
/// 0-based marks count characters; 1 is added); a leading BOM is not
/// counted. An empty value (`a:`) is marked at its key. Lines end at LF or
/// CRLF (libyaml also ends one at a lone CR).
///
/// Errors: kRejected, message "invalid YAML in <file>", and exactly one
/// Diagnostic at the offending line:column with the field path
/// (`parties[0].name`) where it is known. The text checks run first, in
/// file order: size (no line: "file is N bytes; the limit is M"), then
/// invalid UTF-8 (at the bad byte), control characters other than TAB, LF,
/// CR (YAML forbids them; write them as escapes), raw NEL/LS/PS (U+0085,
/// U+2028, U+2029: YAML 1.1 readers take them for line breaks, editors do
/// not; write them as escapes), a BOM after offset 0,
/// merge-conflict markers (`<<<<<<< `, `=======` alone, `>>>>>>> `,
/// `||||||| ` at the start of a line), and a tab anywhere in a line's
/// leading whitespace (also inside block scalars — indent with spaces).
/// Then the parse: a syntax error in plain words (PlainYamlProblem: "a line
/// is indented wrongly", …) followed by libyaml's message and the construct
/// it was reading in brackets ("a list in [ ] is not closed: add the ]
/// [libyaml: did not find expected ',' or ']' (while parsing a flow
/// sequence that starts at line 1, column 4)]"), at libyaml's problem mark;
/// a quoted text left open ("a quoted text is not closed; add the missing
/// \" where the text ends [libyaml: …]") at its opening quote, field = its
/// path — also when libyaml notices it only lines later, as the next quote
/// closes it (FindOpenQuote, confirmed by re-parsing with the quote
/// closed); a field name followed by `:` without a space or by a full-width
/// `：` ("a space is missing after the colon; write \"summary: \" and the
/// value [libyaml: …]", FindColonMistake, confirmed likewise) at its colon,
/// field = the key; a second document,
/// anchors (&x) and aliases (*x), tags other than the non-specific `!`,
/// empty/null or list/map keys, duplicate keys ("duplicate key \"x\" (first
/// at line N)", field = the map's path), nesting past max_depth maps and
/// sequences, and more than max_nodes nodes (keys count). libyaml's own
/// limit on a plain (simple) key: at most 1024 characters on one line.
///
/// Escapes decode as YAML 1.1 says (\N is U+0085, \_ is U+00A0, \x85 is
/// U+0085). Never throws.
Result<Value> ParseYaml(std::string_view text, const std::string& file,
                        const YamlLimits& limits = {});

}  // namespace mediate
