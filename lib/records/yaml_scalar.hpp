// The YAML 1.1 (and 1.2 core) implicit types of plain scalars: which
// unquoted texts another YAML reader would not read as strings.
#pragma once

#include <string_view>

namespace mediate {

/// True when the plain (unquoted) scalar `text` would be read by a YAML 1.1
/// reader as something other than a string: null (~, null, empty), a bool
/// (yes/no/on/off/y/n/true/false in any case), an int (incl. octal 010,
/// hex, 0b, sexagesimal 1:20), a float (.inf, 1e3), a date/timestamp
/// (2024-01-05). Used to refuse plain scalars where a string is wanted.
///
/// Errs towards "not a string": it also accepts YAML 1.2 core forms (0o17,
/// 1e3, 09), bool/null words in any letter case, and `=` / `<<` (YAML 1.1
/// value and merge keys, which PyYAML's safe_load refuses to load).
bool PlainScalarIsNotString(std::string_view text);

}  // namespace mediate
