// The interface's language: messages are written in English in the source,
// marked for translation, and looked up in a GNU gettext catalogue
// (po/zh_CN.po, compiled to share/locale/zh_CN/LC_MESSAGES/mediate.mo).
//
// Marking (docs/translation.md):
//   _("text")                        a message, translated where it is used
//   N_("text")                       a message in a static table: marked, not
//                                    translated there; translate it with _()
//                                    where it is shown
//   Tr("{} cases in {}", n, street)  translate, then format with fmt
//   TrN("{} case", "{} cases", n, n) the plural form for a count n, then format
// Translations keep the placeholders of the English text (the same fmt
// fields; `{0}`, `{1}` where the word order changes), which a ctest test of
// the catalogue checks, so a translation cannot make formatting throw.
#pragma once

#include <fmt/format.h>

#include <functional>
#include <string>

namespace mediate {

/// The values of the environment variables that choose the language; the
/// CLI reads them (the library reads no environment) and passes them in.
/// An unset variable is an empty string.
struct LanguageEnvironment {
  std::string mediate_lang;  ///< MEDIATE_LANG: "zh_CN" or "en", overrides all the others
  std::string language;      ///< LANGUAGE: gettext's list of languages, "zh_CN:en"
  std::string lc_all;        ///< LC_ALL
  std::string lc_messages;   ///< LC_MESSAGES
  std::string lang;          ///< LANG
};

/// The languages to translate into, as a gettext LANGUAGE list ("zh_CN",
/// "zh_CN:en"), or "" for English (no translation). MEDIATE_LANG first
/// ("en", "C" and "POSIX" mean English; "zh_CN.UTF-8" means zh_CN); then, as
/// GNU gettext does, English when the locale that applies to messages
/// (LC_ALL, else LC_MESSAGES, else LANG) is "C" or "POSIX"; else LANGUAGE;
/// else that locale's name without codeset and modifier
/// ("zh_CN.UTF-8" → "zh_CN"). Whether the locale is installed on this
/// machine does not matter.
std::string ChooseLanguages(const LanguageEnvironment& env);

/// The directory of the message catalogues (the one holding
/// zh_CN/LC_MESSAGES/mediate.mo). `override_dir` (MEDIATE_LOCALEDIR) when
/// not empty; else `../share/locale` beside the directory of the running
/// program `program_path` (the build tree and an unpacked package) when
/// `has_catalogue` says it holds a catalogue for the first of `languages`
/// (or for its language without territory: "zh" for "zh_CN"); else
/// `compiled_dir` (the install prefix's locale directory).
std::string ChooseLocaleDir(const std::string& override_dir, const std::string& program_path,
                            const std::string& compiled_dir, const std::string& languages,
                            const std::function<bool(const std::string& mo_path)>& has_catalogue);

/// Turns translation on for `languages` (ChooseLanguages; "" leaves it off)
/// with catalogues under `locale_dir`: binds the text domain "mediate" there,
/// in UTF-8 whatever the locale's codeset, and sets the process's LANGUAGE
/// to `languages` so that gettext uses them even when their locale is not
/// installed. Call once, at start-up, before any other thread runs; the
/// messages locale (LC_MESSAGES) must not be plain "C", in which gettext
/// translates nothing (C.UTF-8 will do).
void StartTranslation(const std::string& languages, const std::string& locale_dir);

/// True when StartTranslation turned translation on.
bool TranslationOn();

/// `msgid` in the interface's language (the catalogue's msgstr), or `msgid`
/// itself when translation is off or the catalogue has none. The result
/// lives as long as the program.
const char* Translate(const char* msgid);

/// The form of `singular`/`plural` for the count `n` in the interface's
/// language (English: `singular` when n is 1, else `plural`).
const char* TranslatePlural(const char* singular, const char* plural, unsigned long n);

namespace i18n_detail {
/// Formats `translated` with `args`; when that fails (a broken
/// translation), formats `original` instead.
std::string FormatTranslated(const char* translated, const char* original, fmt::format_args args);
}  // namespace i18n_detail

/// Translates `msgid` and formats the arguments into it (fmt syntax).
template <typename... Args>
std::string Tr(const char* msgid, const Args&... args) {
  return i18n_detail::FormatTranslated(Translate(msgid), msgid, fmt::make_format_args(args...));
}

/// The plural form of `singular`/`plural` for `n` (TranslatePlural),
/// formatted with the arguments; pass n among them to show it.
template <typename... Args>
std::string TrN(const char* singular, const char* plural, unsigned long n, const Args&... args) {
  const char* original = n == 1 ? singular : plural;
  return i18n_detail::FormatTranslated(TranslatePlural(singular, plural, n), original,
                                       fmt::make_format_args(args...));
}

/// Marks and translates a message (xgettext keyword `_`): Translate.
/// Functions, not macros, so that a header's own `_` (date.h names a
/// variable so) cannot collide; code outside namespace mediate calls
/// mediate::_ or says `using mediate::_;`.
inline const char* _(const char* msgid) { return Translate(msgid); }

/// Marks a message of a static table without translating it there
/// (xgettext keyword `N_`); translate it with _() where it is shown.
constexpr const char* N_(const char* msgid) { return msgid; }

}  // namespace mediate
