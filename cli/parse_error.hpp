// CLI11's parse errors in the interface's language: each kind of
// CLI::ParseError becomes our own message naming the command, the option
// and the value, and an unknown command gets a "did you mean" suggestion.
#pragma once

#include <string>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace mediate::cli {

/// The message for `error`, thrown by `app.parse` (not a call for help or
/// version), as lines each ending in "\n": what is wrong, naming the command
/// ("mediate filing"), the option and the value, then where to read the
/// usage. An unknown command names the nearest command by edit distance
/// when one is close (NearestWord). English when translation is off.
std::string ParseErrorMessage(const CLI::App& app, const CLI::ParseError& error);

}  // namespace mediate::cli
