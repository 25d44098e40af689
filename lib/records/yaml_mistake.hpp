// What a YAML syntax error means to a clerk: libyaml's problem put in plain
// words, and the line a hand edit most likely went wrong on when libyaml
// notices it later (a quote opened and never closed on its line, or a
// field name without ": " after it, makes libyaml complain one line or
// more further down). Used by ParseYaml
// (yaml_io.hpp) to word and place its syntax errors.
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mediate {

/// Plain words for a libyaml `problem` (scanner or parser error text, e.g.
/// "did not find expected key") read in `context` ("while parsing a block
/// mapping", may be empty): "a line is indented wrongly", "a value is
/// missing after the colon", … A problem not known here gives "the text is
/// not valid YAML here". Never empty; no trailing punctuation.
std::string PlainYamlProblem(std::string_view problem, std::string_view context);

/// A quote that opens a quoted value and is not closed on its own line.
struct OpenQuote {
  int line = 0;      ///< 1-based
  int column = 0;    ///< 1-based, in characters (code points), as editors count
  char quote = '"';  ///< '"' or '\''
  std::string key;   ///< the key on that line ("summary"), empty when none
};

/// The last line among the first `last_line` lines of `text` (UTF-8, no
/// BOM) on which a value or key starts with a quote (after the
/// indentation, a "- " or a ": ") that the line does not close: `\"` does
/// not close a double-quoted text, `''` does not close a single-quoted
/// one. Comments and plain text are skipped. nullopt when there is none. A
/// guess from one line's text: callers confirm it (ParseYaml re-parses
/// with the quote closed).
std::optional<OpenQuote> FindOpenQuote(std::string_view text, int last_line);

/// `text` with `q.quote` added at the end of line `q.line` (before its line
/// break): the mend FindOpenQuote suggests, for checking it.
std::string CloseQuote(std::string_view text, const OpenQuote& q);

/// A field name not followed by ": " as YAML needs: `summary:"x"` (no space
/// after the colon) or `summary："x"` (a full-width colon, as a Chinese
/// input method types it). Either way YAML reads the line as plain text and
/// complains a line or more later.
struct ColonMistake {
  int line = 0;             ///< 1-based
  int column = 0;           ///< 1-based, in characters: the colon
  bool full_width = false;  ///< `：` (U+FF1A) rather than `:` without a space
  std::string key;          ///< the field name before it
};

/// The last line among the first `last_line` lines of `text` (UTF-8, no
/// BOM) that starts — after the indentation and any "- " — with a field
/// name of ASCII letters, digits and _ followed by `：`, or by `:` and a
/// character other than a space. nullopt when there is none. A guess from
/// one line: callers confirm it (ParseYaml re-parses with it mended).
std::optional<ColonMistake> FindColonMistake(std::string_view text, int last_line);

/// `text` with the colon of `m` written as ": " (the full-width one
/// replaced, or a space added after it).
std::string MendColon(std::string_view text, const ColonMistake& m);

}  // namespace mediate
