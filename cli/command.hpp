// The command table and what every command receives.
//
// Like git's builtin/ and ninja's tool table: each subcommand lives in
// cli/cmd_<name>.cpp, declares its options on a CLI11 sub-app, and runs
// with a Context the dispatcher prepared (store opened and registries
// loaded as the table says). Commands parse and render; the library decides.
//
// A command that writes says so after parsing (Command::Writes); the
// dispatcher then takes the store's write lock (StoreWrite::Begin) before
// the registries are loaded, once, and the command hands ctx.Writer() to the
// one library operation of its write. cli/ includes no git, YAML,
// transaction or lock header (docs/architecture.md).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace CLI {
class App;
}

namespace mediate::cli {

/// What a command needs set up before it runs.
enum class Needs {
  kNothing,     ///< no store (init, help)
  kStore,       ///< an opened store (settings)
  kRegistries,  ///< the store plus areas, organisations and mediators
};

/// Options every command accepts (main.cpp declares them).
struct GlobalOptions {
  std::string store_dir;  ///< -C STORE
  std::string as;         ///< --as "Name <email>"
  bool quiet = false;
};

/// Everything a running command may use. Output goes to out/err, never
/// directly to stdout, so commands are testable.
struct Context {
  GlobalOptions global;
  std::optional<Store> store;  ///< set when the command needs a store
  /// The locked store of a writing command (set by the dispatcher when
  /// Command::Writes() said so), or a dry run made by Writer().
  std::optional<StoreWrite> write;
  const Clock* clock = nullptr;
  /// How writes wait for the lock (lock_timeout from MEDIATE_LOCK_WAIT);
  /// every write and recovery starts from these.
  WriteOptions write_options;
  std::FILE* out = stdout;
  std::FILE* err = stderr;

  Store& st() { return *store; }
  /// The operator for commits and events: --as, MEDIATE_USER, else git
  /// config user.name/user.email. kUsage when none can be found.
  Result<Signature> Operator() const;
  /// "now" from the clock (MEDIATE_NOW pins it).
  Timestamp Now() const;
  /// Today's date in the store's time zone.
  Date Today() const;
  /// True when stderr is a terminal (progress bars only there).
  bool ErrIsTerminal() const;
  /// The absolute path of this mediate program (/proc/self/exe), which git
  /// runs as the merge driver; "mediate" when it cannot be read.
  std::string Program() const;
  /// The write to hand to a library write operation: the locked store the
  /// dispatcher prepared, or, for a command that said it does not write
  /// (--dry-run), a dry run that checks and writes nothing.
  Result<StoreWrite*> Writer();
  /// Takes the store's write lock now, for a command that said it does not
  /// write (Writes() nullopt) because it waits on a person first (`edit`):
  /// as the dispatcher does for a writing command, with `what` ("mediate
  /// edit") naming the holder. kBusy/kUsage as StoreWrite::Begin.
  Result<StoreWrite*> BeginWrite(const std::string& what);
  /// Before a command reads personal data in plain (--reveal, documents,
  /// amend, edit, party: and text: search): in an encrypted store, unlocks
  /// the desk's keys (Store::Keys, asking for the passphrase) so that case
  /// files are read opened. Nothing to do in a plain store. Errors as
  /// Store::Keys.
  Status OpenPersonalData();
};

/// One subcommand.
class Command {
 public:
  virtual ~Command() = default;
  /// Declares options and positionals on the command's sub-app.
  virtual void Declare(CLI::App& app) = 0;
  /// Runs after parsing. Errors are returned, never printed here (main
  /// prints them and maps their kind to the exit code).
  virtual Status Run(Context& ctx) = 0;
  /// Asked after parsing: when this invocation will change the store, what
  /// it is for the lock's holder text ("mediate intake"); the dispatcher
  /// then takes the write lock and loads the registries under it before Run.
  /// nullopt (the default) for reading commands and dry runs.
  virtual std::optional<std::string> Writes() const { return std::nullopt; }
};

/// An entry of the command table.
struct CommandSpec {
  const char* name;
  const char* summary;  ///< English, marked N_(); `mediate --help` shows _(summary)
  Needs needs;
  std::unique_ptr<Command> (*make)();
};

/// Every command, in the order `mediate --help` lists them.
const std::vector<CommandSpec>& CommandTable();

/// Prints a table in the chosen format to ctx.out; for xlsx writes `path`
/// (kUsage when none was given).
Status Emit(Context& ctx, const Table& table, Format format, const std::string& xlsx_path = "",
            const std::string& sheet = "mediate");

/// Prints every diagnostic of `status` (then its message) to `err`.
void PrintStatus(std::FILE* err, const Status& status);

/// Prints warnings (not errors) among `diagnostics`.
void PrintWarnings(std::FILE* err, const std::vector<Diagnostic>& diagnostics);

}  // namespace mediate::cli
