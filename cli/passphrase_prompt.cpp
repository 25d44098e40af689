// The passphrase prompt: read from the terminal with echo off (termios),
// the prompt on stderr.
#include "passphrase_prompt.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <optional>
#include <string>

#include "environment.hpp"
#include "i18n.hpp"

namespace mediate::cli {
namespace {

/// One line from stdin with echo off; nullopt at end of input.
std::optional<std::string> ReadHidden(const std::string& prompt) {
  // Echo goes off (and typeahead is dropped) before the prompt shows, so
  // nothing typed after the prompt is lost or shown.
  termios old{};
  bool restore = ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (restore) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::fprintf(stderr, "%s: ", prompt.c_str());
  std::fflush(stderr);
  std::string line;
  bool got = static_cast<bool>(std::getline(std::cin, line));
  if (restore) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
  if (!got) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

PassphraseAsk TerminalAsk(std::string env_name) {
  return [env_name](const std::string& prompt, bool confirm) -> Result<std::string> {
    if (!::isatty(STDIN_FILENO))
      return Status::Usage(
          Tr("{0}: cannot ask, stdin is not a terminal; set {1} or {1}_FILE for a batch job",
             prompt, env_name));
    auto first = ReadHidden(prompt);
    if (!first) return Status::Usage(_("no passphrase given"));
    if (confirm) {
      auto again = ReadHidden(_("the same passphrase again"));
      if (!again || *again != *first)
        return Status::Usage(_("the two passphrases differ; nothing was written"));
    }
    return *first;
  };
}

PassphraseSource FromEnvironment(const char* name) {
  PassphraseSource src;
  src.env_name = name;
  if (const char* v = std::getenv(name)) src.env = v;
  src.file = EnvironmentVariable((std::string(name) + "_FILE").c_str());
  src.ask = TerminalAsk(name);
  return src;
}

}  // namespace

KeyPlace KeyPlaceFromEnvironment() {
  KeyPlace place{EnvironmentVariable("MEDIATE_KEY_FILE"), EnvironmentVariable("XDG_CONFIG_HOME"),
                 EnvironmentVariable("HOME")};
  // The unlocked key is kept in the user's runtime folder for an idle time
  // (key_cache.hpp); MEDIATE_KEY_IDLE_MINUTES=0 keeps nothing.
  place.cache.runtime_dir = EnvironmentVariable("XDG_RUNTIME_DIR");
  if (std::string idle = EnvironmentVariable("MEDIATE_KEY_IDLE_MINUTES"); !idle.empty()) {
    int minutes = 0;
    for (char c : idle) minutes = c >= '0' && c <= '9' ? minutes * 10 + (c - '0') : -1;
    place.cache.idle_minutes = minutes < 0 ? 0 : minutes;
  }
  place.cache.now = static_cast<std::int64_t>(std::time(nullptr));
  return place;
}

PassphraseSource KeyPassphraseSource() { return FromEnvironment("MEDIATE_KEY_PASSPHRASE"); }

PassphraseSource RecoveryPassphraseSource() {
  return FromEnvironment("MEDIATE_RECOVERY_PASSPHRASE");
}

void SetUpStoreKeys(Store& store, const std::string& office_env) {
  store.SetKeyPlace(KeyPlaceFromEnvironment(), office_env);
  PassphraseSource src = KeyPassphraseSource();
  store.SetPassphraseSource(
      [src](const std::string& prompt) -> Result<std::string> { return src.Get(prompt, false); });
}

}  // namespace mediate::cli
