#include "language.hpp"

#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "i18n.hpp"

#ifndef MEDIATE_LOCALEDIR
#define MEDIATE_LOCALEDIR "/usr/local/share/locale"
#endif

namespace mediate::cli {
namespace {

std::string LanguageVariable(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string RunningProgramPath() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

bool IsPlainCLocale(const char* locale) {
  return !locale || std::strcmp(locale, "C") == 0 || std::strcmp(locale, "POSIX") == 0;
}

}  // namespace

void SetUpLanguage() {
  if (!std::setlocale(LC_ALL, "C.UTF-8")) std::setlocale(LC_ALL, "C");
  // The user's messages locale when this machine has it (a fresh Debian has
  // only C.UTF-8): else C.UTF-8, under which gettext still follows LANGUAGE
  // (under plain "C" it would translate nothing).
  const char* messages = std::setlocale(LC_MESSAGES, "");
  if (IsPlainCLocale(messages)) std::setlocale(LC_MESSAGES, "C.UTF-8");

  LanguageEnvironment env{LanguageVariable("MEDIATE_LANG"), LanguageVariable("LANGUAGE"),
                          LanguageVariable("LC_ALL"), LanguageVariable("LC_MESSAGES"),
                          LanguageVariable("LANG")};
  std::string languages = ChooseLanguages(env);
  std::string dir = ChooseLocaleDir(LanguageVariable("MEDIATE_LOCALEDIR"), RunningProgramPath(),
                                    MEDIATE_LOCALEDIR, languages, [](const std::string& path) {
                                      std::error_code ec;
                                      return std::filesystem::is_regular_file(path, ec);
                                    });
  StartTranslation(languages, dir);
}

}  // namespace mediate::cli
