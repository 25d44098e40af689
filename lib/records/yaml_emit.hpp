// Emitting records as YAML: block style, safe quoting, deterministic bytes.
#pragma once

#include <string>

#include "value.hpp"

namespace mediate {

/// Writes `root` (normally a map) as a YAML document ending in a newline.
///
/// Block maps as `key: value` lines, block sequences as `- item` lines
/// indented two spaces under their key (`key:\n  - item`), a map inside a
/// sequence starting on the dash line (`- role: "x"\n    name: "y"`); a
/// collection with flow() set, and everything inside it, on one line
/// (`{role: "applicant", name: "李某"}`, `["M-1", "M-2"]`); empty ones as
/// `[]` / `{}`; null as `null`. Keys are plain when they match
/// [A-Za-z_][A-Za-z0-9_]* and are not a YAML 1.1 special word (`yes`, `y`,
/// `n`, `null`, …), otherwise double-quoted.
///
/// Quoted scalars are double-quoted with \" \\ \n \t \r, other control
/// characters (C0, DEL, C1 incl. NEL) as \xNN, and U+2028/2029, U+FEFF,
/// U+FFFE/FFFF as \uNNNN (other readers treat them as line breaks or
/// refuse them); all other UTF-8, Chinese included, is written as is.
/// Invalid UTF-8 in a scalar (a bad import) is written as U+FFFD so the file
/// stays readable. A non-quoted scalar is written plain only when it reads
/// back as the same text (not empty/null, no `: `, ` #`, leading indicator,
/// flow characters inside flow, …); otherwise it is double-quoted.
///
/// For any Value built from String/Int/Bool/Null/Map/Sequence,
/// ParseYaml(EmitYaml(v)) is SameAs v, and PyYAML's safe_load reads every
/// string back as that string.
std::string EmitYaml(const Value& root);

}  // namespace mediate
