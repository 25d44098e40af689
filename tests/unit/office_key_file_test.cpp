// lib/store/office_key_file.cpp: where a desk's key file is, writing it
// private, refusing a loose one, and where passphrases come from.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "office_key_file.hpp"
#include "test_support.hpp"

using namespace mediate;
using mediate::test::TempDir;
using mediate::test::WriteFile;

namespace {

unsigned ModeOf(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("a desk's key file: MEDIATE_KEY_FILE, else the config folder", "[keys]") {
  CHECK(OfficeKeyPath({"/k/mine.key", "/c", "/h"}, "XJY") == "/k/mine.key");
  CHECK(OfficeKeyPath({"/k/mine.key", "/c", "/h"}, "QF", false) == "/c/mediate/keys/QF.key");
  CHECK(OfficeKeyPath({"", "", "/home/wang"}, "XJY") == "/home/wang/.config/mediate/keys/XJY.key");
  CHECK(OfficeKeyPath({"", "", ""}, "XJY") == "");
}

TEST_CASE("a key file is written private and read back, and a loose one is refused", "[keys]") {
  REQUIRE(InitSealing().ok());
  TempDir dir;
  const std::string path = dir.str() + "/config/mediate/keys/XJY.key";
  BoxKeyPair pair = BoxKeyPair::Generate();
  auto text = OfficeKeyFileText("XJY", pair, "口令");
  REQUIRE(text.ok());
  CHECK(text->find(ToBase64(pair.secret_key.Bytes())) == std::string::npos);
  REQUIRE(WriteSecretFile(path, *text).ok());
  CHECK(ModeOf(path) == 0600);
  CHECK(ModeOf(dir.str() + "/config/mediate/keys") == 0700);
  CHECK(std::filesystem::directory_iterator(dir.str() + "/config/mediate/keys")->path() == path);

  auto again = WriteSecretFile(path, *text);
  REQUIRE_FALSE(again.ok());
  CHECK_THAT(again.message(), Catch::Contains("is never replaced"));

  auto file = ReadOfficeKeyFile(path);
  REQUIRE(file.ok());
  CHECK(file->office == "XJY");
  CHECK(file->public_key == pair.public_key);
  auto opened = file->Unlock("口令", path);
  REQUIRE(opened.ok());
  CHECK(opened->secret_key == pair.secret_key);
  auto wrong = file->Unlock("口令2", path);
  REQUIRE_FALSE(wrong.ok());
  CHECK_THAT(wrong.status().message(), Catch::Contains("wrong passphrase"));

  std::filesystem::permissions(path, std::filesystem::perms(0644));
  auto loose = ReadOfficeKeyFile(path);
  REQUIRE_FALSE(loose.ok());
  CHECK(loose.status().kind() == ErrorKind::kRejected);
  CHECK_THAT(loose.status().message(),
             Catch::StartsWith(path + " is readable by others (mode 0644): run chmod 600 " + path));

  auto missing = ReadOfficeKeyFile(dir.str() + "/none.key");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().kind() == ErrorKind::kNotFound);
}

TEST_CASE("a passphrase: the variable, else its file's first line, else the prompt", "[keys]") {
  TempDir dir;
  const std::string file = dir.str() + "/pass";
  WriteFile(file, "第一行 line\r\nsecond\n");
  int asked = 0;
  PassphraseAsk ask = [&](const std::string& prompt, bool confirm) -> Result<std::string> {
    ++asked;
    CHECK(prompt == "the prompt");
    CHECK(confirm);
    return std::string("typed");
  };
  CHECK(*PassphraseSource{std::string("env"), file, ask}.Get("the prompt", true) == "env");
  CHECK(*PassphraseSource{std::nullopt, file, ask}.Get("the prompt", true) == "第一行 line");
  CHECK(asked == 0);
  CHECK(*PassphraseSource{std::nullopt, "", ask}.Get("the prompt", true) == "typed");
  CHECK(asked == 1);
  auto none = PassphraseSource{std::nullopt, "", nullptr}.Get("the prompt");
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().kind() == ErrorKind::kUsage);
  CHECK_THAT(none.status().message(), Catch::Contains("MEDIATE_KEY_PASSPHRASE"));
  CHECK_FALSE(PassphraseSource{std::string(""), "", ask}.Get("the prompt").ok());
  auto unreadable = PassphraseSource{std::nullopt, dir.str() + "/nope", ask}.Get("the prompt");
  REQUIRE_FALSE(unreadable.ok());
  CHECK_THAT(unreadable.status().message(), Catch::Contains("MEDIATE_KEY_PASSPHRASE_FILE"));
}
