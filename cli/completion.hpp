// Shell completion: what may come next on a command line.
//
// The completion scripts (packaging/completion/mediate.bash for bash,
// packaging/completion/_mediate for zsh) are thin: they pass the words typed
// after `mediate`, up to the cursor, to the hidden command `mediate
// __complete -- WORD…` (the last word is the one under the cursor, maybe
// empty) and offer what it prints. Everything the shell offers is decided
// here, from the same command table and option declarations that parse the
// command line, so completion never drifts from the commands: command names,
// option names, the values of options and filter fields that take codes of a
// vocabulary (schemas/vocab.yaml, a store's `vocab:`, the step codes of
// docs/law.md), and case IDs of the store given by -C (from the derived
// index, so a large store answers fast).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace mediate {
class Vocabulary;
}

namespace mediate::cli {

/// One thing the shell may offer: the word, and a short description zsh
/// shows beside it (bash shows only the word).
struct Candidate {
  std::string word;         ///< "show", "--category", "neighbour", "WBL-2026-000001"
  std::string description;  ///< "显示一件案件的卷宗", "邻里纠纷"; may be empty
};

/// What the shell should offer for the word under the cursor.
struct Completion {
  enum class Kind {
    kWords,        ///< the candidates (possibly none)
    kFiles,        ///< a path: the shell's own file name completion
    kDirectories,  ///< a directory: the shell's own completion of directories
  };
  Kind kind = Kind::kWords;
  std::vector<Candidate> candidates;  ///< in the order to offer them
};

/// Where the candidates that depend on a store come from.
struct CompletionSources {
  /// The vocabularies whose codes options and filter fields take, of the
  /// store in `store_dir` ("" for the current directory): its own when it
  /// can be opened, else the built-in ones. Called only when a code is
  /// wanted; must be set.
  std::function<const Vocabulary&(const std::string& store_dir)> vocabulary;
  /// The case IDs beginning with `prefix` (letters in any case) of the store
  /// in `store_dir` ("" for the current directory), each with its summary;
  /// none when there is no such store. Called only when a case ID is wanted.
  std::function<std::vector<Candidate>(const std::string& store_dir, const std::string& prefix)>
      case_ids;
};

/// What may complete `words` — the words after `mediate`, the last being the
/// (possibly empty) word under the cursor — on the command line `root`
/// parses: commands, options, the values of the option or filter field
/// before the cursor, the case ID a command's `id` argument names, or a
/// path. Only candidates that begin with the word under the cursor are
/// given. Global options (-C STORE) are understood before and after the
/// command, as the parser understands them. Never fails: a line it cannot
/// follow gives no candidates.
Completion Complete(const CLI::App& root, const std::vector<std::string>& words,
                    const CompletionSources& sources);

/// The lines `mediate __complete` prints for the scripts: ":files" or
/// ":directories" alone for a path, else one line per candidate, its word
/// and, when it has one, a tab and its description.
std::string RenderCompletion(const Completion& completion);

}  // namespace mediate::cli
