// mediate: the district's people's-mediation cases, kept in git.
//
// main sets the interface's language (cli/language.hpp), picks the command
// from the table, prepares what it needs (store, registries), runs it, and
// maps an error's kind to the exit code (a parse error, in our words: 2):
// 0 ok, 1 a check found errors, 2 usage, 3 input rejected,
// 4 store busy or write failed, 70 internal error.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "command.hpp"
#include "disk.hpp"
#include "help_format.hpp"
#include "i18n.hpp"
#include "language.hpp"
#include "parse_error.hpp"
#include "passphrase_prompt.hpp"
#include "store_write.hpp"
#include "version.hpp"

namespace mediate::cli {
namespace {

/// The value given to --output (-o) on `app` or a subcommand parsed under
/// it; "" when none was given.
std::string OutputPath(CLI::App* app) {
  if (CLI::Option* o = app->get_option_no_throw("--output"); o && o->count() > 0)
    return o->as<std::string>();
  for (CLI::App* sub : app->get_subcommands())
    if (std::string v = OutputPath(sub); !v.empty()) return v;
  return "";
}

int ExitCode(const Status& s) {
  if (s.ok()) return 0;
  switch (s.kind()) {
    case ErrorKind::kCheckFailed:
      return 1;
    case ErrorKind::kUsage:
      return 2;
    case ErrorKind::kRejected:
    case ErrorKind::kNotFound:
      return 3;
    case ErrorKind::kBusy:
    case ErrorKind::kIo:
      return 4;
    case ErrorKind::kInternal:
      return 70;
  }
  return 70;
}

/// Makes every named option of `app` and its subcommands take one value per
/// use (`--by a,b` or `--by a --by b`), so that words after it are filter
/// terms: `stats --by category open` counts the open cases by category
/// (CLI11 otherwise lets a list option swallow the words that follow).
void OneValuePerOption(CLI::App& app) {
  for (CLI::Option* opt : app.get_options()) {
    if (opt->nonpositional()) opt->allow_extra_args(false);
  }
  for (CLI::App* sub : app.get_subcommands(std::function<bool(CLI::App*)>{}))
    OneValuePerOption(*sub);
}

/// Puts the options of `app` and its subcommands that are still in CLI11's
/// default group "Options" (a subcommand's help flag, made before it takes
/// its parent's defaults) into the translated group.
void TranslateOptionGroups(CLI::App& app) {
  for (CLI::Option* opt : app.get_options())
    if (opt->get_group() == "Options") opt->group(_("Options"));
  for (CLI::App* sub : app.get_subcommands(std::function<bool(CLI::App*)>{}))
    TranslateOptionGroups(*sub);
}

/// MEDIATE_LOCK_WAIT: whole seconds from 0 to 3600; nullopt when unset or
/// not such a number (the default wait then applies).
std::optional<std::chrono::milliseconds> LockWaitFromEnvironment() {
  const char* env = std::getenv("MEDIATE_LOCK_WAIT");
  if (!env || !*env) return std::nullopt;
  char* end = nullptr;
  long s = std::strtol(env, &end, 10);
  if (!end || *end != '\0' || s < 0 || s > 3600) return std::nullopt;
  return std::chrono::milliseconds(s * 1000);
}

int Main(int argc, char** argv) {
  SetUpLanguage();
  CLI::App app{_("mediate — people's mediation (人民调解) cases of a district, kept in git"),
               "mediate"};
  const std::string version = std::string("mediate ") + kVersion;
  TranslateHelp(app, version.c_str());
  app.require_subcommand(1);
  app.fallthrough();
  Context ctx;
  app.add_option("-C", ctx.global.store_dir,
                 _("run in the store at STORE (default: the current directory)"))
      ->type_name("STORE");
  app.add_option("--as", ctx.global.as,
                 _("operator identity \"Name <email>\" (default: MEDIATE_USER, git config)"));
  std::string now_text;
  app.add_option("--now", now_text,
                 _("pin \"now\" to an RFC 3339 time for deadlines and new events (default: "
                   "MEDIATE_NOW, else the clock)"))
      ->type_name("TIME");

  struct Entry {
    const CommandSpec* spec;
    std::unique_ptr<Command> cmd;
    CLI::App* sub;
  };
  std::vector<Entry> entries;
  for (const auto& spec : CommandTable()) {
    auto cmd = spec.make();
    CLI::App* sub = app.add_subcommand(spec.name, _(spec.summary));
    cmd->Declare(*sub);
    OneValuePerOption(*sub);
    TranslateOptionGroups(*sub);
    entries.push_back({&spec, std::move(cmd), sub});
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and --version print as CLI11 does; every error in our words.
    if (e.get_exit_code() == 0) return app.exit(e);
    std::fputs(ParseErrorMessage(app, e).c_str(), stderr);
    return 2;
  }

  // The environment is read here and nowhere in the library: MEDIATE_NOW
  // pins the clock (unless --now does; an unreadable value is ignored),
  // MEDIATE_LOCK_WAIT sets how long writes wait, MEDIATE_OFFICE the office.
  std::optional<FixedClock> pinned;
  if (now_text.empty()) {
    if (const char* env = std::getenv("MEDIATE_NOW"))
      if (auto t = Timestamp::Parse(env)) {
        pinned.emplace(*t);
        ctx.clock = &*pinned;
      }
  }
  if (auto wait = LockWaitFromEnvironment()) ctx.write_options.lock_timeout = *wait;
  // MEDIATE_FAULT (crash tests): every file operation of this process goes
  // through a disk that kills it, or fails the commit, where the fault says.
  static std::optional<FaultyDisk> faulty;
  if (const char* env = std::getenv("MEDIATE_FAULT"); env && *env) {
    faulty.emplace(RealDisk(), env);
    UseDisk(&*faulty);
  }
  if (const char* env = std::getenv("MEDIATE_OFFICE"); env && *env) ctx.write_options.office = env;
  if (!now_text.empty()) {
    auto t = Timestamp::Parse(now_text);
    if (!t) {
      std::fprintf(
          stderr, "%s\n",
          Tr("--now {0}: not an RFC 3339 time like 2026-03-02T09:30:00+08:00", now_text).c_str());
      return 2;
    }
    pinned.emplace(*t);
    ctx.clock = &*pinned;
  }
  for (auto& e : entries) {
    if (!e.sub->parsed()) continue;
    Status st;
    if (e.spec->needs != Needs::kNothing) {
      const std::string& dir = ctx.global.store_dir;
      std::error_code ec;
      Result<Store> store = Status::Usage(Tr("-C {0}: no such directory", dir));
      if (dir.empty() || std::filesystem::is_directory(dir, ec))
        store = Store::Open(dir.empty() ? "." : dir);
      if (!store.ok()) {
        st = store.status();
      } else {
        ctx.store.emplace(std::move(store.value()));
        SetUpStoreKeys(*ctx.store, ctx.write_options.office);
        // An output file is never one of the store's own files or folders.
        if (std::string out = OutputPath(e.sub); !out.empty())
          if (std::string part = ctx.store->OwnPart(out); !part.empty())
            st = Status::Usage(
                Tr("--output {0} is inside the store's {1}: write it outside the store's records, "
                   "for example in the folder above the store",
                   out, part));
        // A journal left by a crash: roll back before reading or
        // writing anything, so no command sees a half-written batch.
        if (std::string(e.spec->name) != "recover" && std::string(e.spec->name) != "audit" &&
            HasUnfinishedWrite(ctx.store->root())) {
          WriteOptions wo = ctx.write_options;
          wo.holder = std::string("mediate ") + e.spec->name + " (recovering)";
          auto rec = RecoverStore(ctx.store->root(), wo);
          if (!rec.ok())
            st = rec.status();
          else if (*rec)
            std::fprintf(ctx.err, "%s\n",
                         _("recovered: rolled back an unfinished write left by a crash; the "
                           "store is as of its last commit"));
        }
        // A write takes the lock first and reads the registries under it
        // (StoreWrite::Begin); a read loads them here. Once either way.
        std::optional<std::string> writes = e.cmd->Writes();
        if (st.ok() && writes) {
          if (auto w = ctx.BeginWrite(*writes); !w.ok()) st = w.status();
        } else if (st.ok() && e.spec->needs == Needs::kRegistries) {
          st = ctx.store->LoadRegistries();
        }
      }
    }
    if (st.ok()) {
      try {
        st = e.cmd->Run(ctx);
      } catch (const std::exception& ex) {
        st = Status::Internal(Tr("internal error: {0}", ex.what()));
      }
    }
    std::fflush(ctx.out);
    if (!st.ok()) {
      PrintStatus(ctx.err, st);
      return ExitCode(st);
    }
    return 0;
  }
  return 2;
}

}  // namespace
}  // namespace mediate::cli

int main(int argc, char** argv) { return mediate::cli::Main(argc, argv); }
