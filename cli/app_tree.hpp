// The commands and options a CLI11 command line declares, as the manual
// pages and the shell completion walk them: option groups (nameless
// sub-apps, like `list`'s period group) belong to their command, and a
// command or option in no group is hidden (`__complete`, CLI11's own
// internals).
#pragma once

#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace mediate::cli {

/// The commands directly under `app` (`office` → add, list, …), in the order
/// they were declared; hidden commands and option groups left out.
std::vector<const CLI::App*> VisibleSubcommands(const CLI::App& app);

/// The options and positionals of `app` and of its option groups, in the
/// order they were declared; hidden ones left out.
std::vector<const CLI::Option*> VisibleOptions(const CLI::App& app);

}  // namespace mediate::cli
