// The interface's language, chosen at start-up from the environment
// (docs/translation.md).
#pragma once

namespace mediate::cli {

/// Sets the process's locale and turns translation on as the environment
/// says. Every category but LC_MESSAGES is C.UTF-8, so that numbers, dates
/// and character classes read and print the same on every machine;
/// LC_MESSAGES is the user's locale when it is installed, else C.UTF-8.
/// The language: MEDIATE_LANG (zh_CN or en), else LANGUAGE, else the name
/// of LC_ALL/LC_MESSAGES/LANG (zh_CN.UTF-8 → zh_CN), installed or not
/// (ChooseLanguages). The catalogue: MEDIATE_LOCALEDIR, else
/// ../share/locale beside this program's directory, else the install
/// prefix's locale directory (ChooseLocaleDir). Call first thing in main.
void SetUpLanguage();

}  // namespace mediate::cli
