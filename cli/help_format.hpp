// CLI11's help in the interface's language: its labels (Usage, Options,
// Subcommands, REQUIRED, …) translated, and columns aligned by display
// width, so that Chinese text lines up as English does.
#pragma once

namespace CLI {
class App;
}

namespace mediate::cli {

/// Prepares `app` before any option or subcommand is added: the help and
/// version flags with translated descriptions, the translated group names
/// its options and subcommands inherit, and a formatter with translated
/// labels that its subcommands inherit. `version` is what --version prints.
void TranslateHelp(CLI::App& app, const char* version);

}  // namespace mediate::cli
