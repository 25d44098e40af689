// lib/base/i18n.cpp: which language the environment asks for, where the
// catalogue is looked for, and formatting a translation that would throw.
// Expected values written by hand.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "i18n.hpp"

using namespace mediate;

namespace {
LanguageEnvironment Env(std::string mediate_lang, std::string language, std::string lc_all,
                        std::string lc_messages, std::string lang) {
  return {mediate_lang, language, lc_all, lc_messages, lang};
}
}  // namespace

TEST_CASE("MEDIATE_LANG overrides every other variable", "[i18n]") {
  CHECK(ChooseLanguages(Env("zh_CN", "en", "C", "", "en_US.UTF-8")) == "zh_CN");
  CHECK(ChooseLanguages(Env("zh_CN.UTF-8", "", "", "", "")) == "zh_CN");
  CHECK(ChooseLanguages(Env("en", "zh_CN", "zh_CN.UTF-8", "", "")) == "");
  CHECK(ChooseLanguages(Env("C", "", "zh_CN.UTF-8", "", "")) == "");
}

TEST_CASE("LANGUAGE, else the locale's name, installed or not", "[i18n]") {
  // LANGUAGE wins over the locale unless that is plain C (GNU gettext's rule).
  CHECK(ChooseLanguages(Env("", "zh_CN", "C.UTF-8", "", "")) == "zh_CN");
  CHECK(ChooseLanguages(Env("", "zh_CN:en", "", "", "en_US.UTF-8")) == "zh_CN:en");
  CHECK(ChooseLanguages(Env("", "zh_CN", "C", "", "")) == "");
  CHECK(ChooseLanguages(Env("", "zh_CN", "POSIX", "", "")) == "");
  CHECK(ChooseLanguages(Env("", "en_GB:zh_CN", "zh_CN.UTF-8", "", "")) == "");
  // The locale's name: LC_ALL, else LC_MESSAGES, else LANG.
  CHECK(ChooseLanguages(Env("", "", "zh_CN.UTF-8", "en_US.UTF-8", "en_US.UTF-8")) == "zh_CN");
  CHECK(ChooseLanguages(Env("", "", "", "zh_CN.GB18030", "en_US.UTF-8")) == "zh_CN");
  CHECK(ChooseLanguages(Env("", "", "", "", "zh_CN.UTF-8@pinyin")) == "zh_CN");
  CHECK(ChooseLanguages(Env("", "", "en_US.UTF-8", "zh_CN.UTF-8", "")) == "");
  CHECK(ChooseLanguages(Env("", "", "C.UTF-8", "", "zh_CN.UTF-8")) == "");
  CHECK(ChooseLanguages(Env("", "", "", "", "")) == "");
}

TEST_CASE("the catalogue beside the program, else the compiled-in directory", "[i18n]") {
  std::set<std::string> files = {"/opt/m/bin/../share/locale/zh_CN/LC_MESSAGES/mediate.mo",
                                 "/pkg/bin/../share/locale/zh/LC_MESSAGES/mediate.mo"};
  auto has = [&](const std::string& p) { return files.count(p) > 0; };
  CHECK(ChooseLocaleDir("/mine", "/opt/m/bin/mediate", "/usr/share/locale", "zh_CN", has) ==
        "/mine");
  CHECK(ChooseLocaleDir("", "/opt/m/bin/mediate", "/usr/share/locale", "zh_CN:en", has) ==
        "/opt/m/bin/../share/locale");
  // zh_CN falls back to the catalogue of its language without territory.
  CHECK(ChooseLocaleDir("", "/pkg/bin/mediate", "/usr/share/locale", "zh_CN", has) ==
        "/pkg/bin/../share/locale");
  CHECK(ChooseLocaleDir("", "/usr/bin/mediate", "/usr/share/locale", "zh_CN", has) ==
        "/usr/share/locale");
  CHECK(ChooseLocaleDir("", "", "/usr/share/locale", "zh_CN", has) == "/usr/share/locale");
}

TEST_CASE("untranslated, Tr and TrN format the English text", "[i18n]") {
  StartTranslation("", "/nonexistent");
  CHECK_FALSE(TranslationOn());
  CHECK(std::string(_("Options")) == "Options");
  CHECK(Tr("{0}: option {1} is required", "mediate filing", "--year") ==
        "mediate filing: option --year is required");
  CHECK(TrN("{} case", "{} cases", 1, 1) == "1 case");
  CHECK(TrN("{} case", "{} cases", 3, 3) == "3 cases");
}

TEST_CASE("a translation fmt rejects formats the English text instead", "[i18n]") {
  std::string a = "mediate", b = "--year";
  CHECK(i18n_detail::FormatTranslated("{0}：缺少选项 {5}", "{0}: option {1} is required",
                                      fmt::make_format_args(a, b)) ==
        "mediate: option --year is required");
  CHECK(i18n_detail::FormatTranslated("{0}：缺少必需的选项 {1}", "{0}: option {1} is required",
                                      fmt::make_format_args(a, b)) ==
        "mediate：缺少必需的选项 --year");
}
