// Manual pages (man(7) macros) made from the command tree itself, so a page
// names exactly the options `--help` names: mediate(1) with the commands,
// the global options and the shared sections, and one page per command,
// mediate-<command>(1), as git has git-<command>(1). `mediate help --man`
// writes them at build time (cmake/man.cmake).
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace mediate::cli {

/// A section of the shared text (FILTERS, EXIT STATUS, ENVIRONMENT, …):
/// its title and its body in the plain markup ParseManSections reads.
struct ManSection {
  std::string title;
  std::vector<std::string> lines;
};

/// Reads the shared sections from `text`: a line "# TITLE" starts a section;
/// in its body a blank line separates paragraphs, a line indented by two
/// spaces is kept as written (an example), a line "- text" is a bullet, a
/// line "term :: text" a tagged paragraph (an option, a variable, a code).
std::vector<ManSection> ParseManSections(const std::string& text);

/// Escapes `text` for roff: backslashes, hyphens of options (\-), a break
/// point (\:) after each ',' and '|' so that a long list of values can wrap,
/// and a line that would start with '.' or '\''.
std::string RoffEscape(const std::string& text);

/// The page of the whole program: `root` is the top-level app (its
/// subcommands are the commands), `version` goes into the title line,
/// `shared` after the commands. Hidden commands and options (group "") are
/// left out.
std::string ProgramManPage(const CLI::App& root, const std::string& version,
                           const std::vector<ManSection>& shared);

/// The page of one command (`mediate-intake(1)`): synopsis, description and
/// footer (the examples), positionals and options with their value names,
/// and each of its own subcommands (`office add`) with theirs.
std::string CommandManPage(const CLI::App& command, const std::string& version);

/// Every option name `app` itself accepts ("--kind", "-o", and the
/// positionals' names), hidden ones left out: what a page must name.
std::vector<std::string> OptionNames(const CLI::App& app);

}  // namespace mediate::cli
