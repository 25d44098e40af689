#include "i18n.hpp"

#include <libintl.h>

#include <cstdlib>

namespace mediate {
namespace {

constexpr const char* kDomain = "mediate";
bool translation_on = false;

bool IsEnglish(const std::string& name) {
  return name.empty() || name == "C" || name == "POSIX" || name == "en" ||
         name.rfind("en_", 0) == 0 || name.rfind("en.", 0) == 0 || name.rfind("C.", 0) == 0;
}

/// "zh_CN.UTF-8@modifier" → "zh_CN".
std::string LanguageOfLocale(const std::string& locale) {
  return locale.substr(0, locale.find_first_of(".@"));
}

}  // namespace

std::string ChooseLanguages(const LanguageEnvironment& env) {
  if (!env.mediate_lang.empty()) {
    std::string lang = LanguageOfLocale(env.mediate_lang);
    return IsEnglish(lang) ? "" : lang;
  }
  const std::string& locale = !env.lc_all.empty()        ? env.lc_all
                              : !env.lc_messages.empty() ? env.lc_messages
                                                         : env.lang;
  if (locale == "C" || locale == "POSIX") return "";
  if (!env.language.empty()) {
    std::string first = env.language.substr(0, env.language.find(':'));
    return IsEnglish(LanguageOfLocale(first)) ? "" : env.language;
  }
  std::string lang = LanguageOfLocale(locale);
  return IsEnglish(lang) ? "" : lang;
}

std::string ChooseLocaleDir(const std::string& override_dir, const std::string& program_path,
                            const std::string& compiled_dir, const std::string& languages,
                            const std::function<bool(const std::string& mo_path)>& has_catalogue) {
  if (!override_dir.empty()) return override_dir;
  std::string::size_type slash = program_path.rfind('/');
  if (slash != std::string::npos && !languages.empty()) {
    std::string dir = program_path.substr(0, slash) + "/../share/locale";
    std::string first = LanguageOfLocale(languages.substr(0, languages.find(':')));
    for (const std::string& lang : {first, first.substr(0, first.find('_'))})
      if (!lang.empty() && has_catalogue(dir + "/" + lang + "/LC_MESSAGES/" + kDomain + ".mo"))
        return dir;
  }
  return compiled_dir;
}

void StartTranslation(const std::string& languages, const std::string& locale_dir) {
  translation_on = false;
  if (languages.empty()) return;
  // gettext reads LANGUAGE at each lookup; setting it here makes the choice
  // hold when the user's locale is not installed (LC_MESSAGES is C.UTF-8).
  setenv("LANGUAGE", languages.c_str(), 1);
  bindtextdomain(kDomain, locale_dir.c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
  textdomain(kDomain);
  translation_on = true;
}

bool TranslationOn() { return translation_on; }

const char* Translate(const char* msgid) {
  if (!translation_on || !msgid || !*msgid) return msgid;
  return dgettext(kDomain, msgid);
}

const char* TranslatePlural(const char* singular, const char* plural, unsigned long n) {
  if (!translation_on) return n == 1 ? singular : plural;
  return dngettext(kDomain, singular, plural, n);
}

namespace i18n_detail {

std::string FormatTranslated(const char* translated, const char* original, fmt::format_args args) {
  if (translated != original) {
    try {
      return fmt::vformat(translated, args);
    } catch (const fmt::format_error&) {
      // A translation whose placeholders differ from the English text's
      // (the catalogue test prevents it): the English text instead.
    }
  }
  return fmt::vformat(original, args);
}

}  // namespace i18n_detail
}  // namespace mediate
