// lib/base/sealing.cpp: base64, sealing to a key pair, wrapped keys, the
// deterministic field sealing, derived keys, HMAC lookups and the passphrase
// lock. Round trips, refusals of the wrong key, associated data or an altered
// byte, and fixed values computed outside libsodium (Python's base64 and
// hmac modules).
#include <catch2/catch.hpp>

#include <string>

#include "sealing.hpp"

using namespace mediate;

namespace {

// A fixed key: the bytes 0x00, 0x01, ..., 0x1f.
SecretKey CountingKey() {
  std::string bytes;
  for (int i = 0; i < 32; ++i) bytes += static_cast<char>(i);
  return SecretKey::FromBytes(bytes, "the test key").value();
}

// `text` with the byte at `at` of its decoded bytes flipped, base64 again.
std::string FlipByte(const std::string& text, std::size_t at) {
  std::string bytes = FromBase64(text, "test").value();
  bytes.at(at) = static_cast<char>(bytes.at(at) ^ 0x01);
  return ToBase64(bytes);
}

}  // namespace

TEST_CASE("sealing starts libsodium, again and again", "[sealing]") {
  CHECK(InitSealing().ok());
  CHECK(InitSealing().ok());
}

TEST_CASE("base64 is URL-safe without padding, padding accepted", "[sealing]") {
  // Python: base64.urlsafe_b64encode(b"hello") == b"aGVsbG8=", padding dropped.
  CHECK(ToBase64("hello") == "aGVsbG8");
  // The bytes fb ff bf are "+/+/" in the standard alphabet, "-_-_" URL-safe.
  CHECK(ToBase64(std::string("\xfb\xff\xbf")) == "-_-_");
  CHECK(ToBase64("") == "");
  CHECK(ToBase64("ab") == "YWI");

  CHECK(FromBase64("aGVsbG8", "x").value() == "hello");
  CHECK(FromBase64("aGVsbG8=", "x").value() == "hello");
  CHECK(FromBase64("YWI=", "x").value() == "ab");
  CHECK(FromBase64("-_-_", "x").value() == "\xfb\xff\xbf");
  CHECK(FromBase64("", "x").value() == "");

  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  CHECK(FromBase64(ToBase64(all), "x").value() == all);

  // The standard alphabet, a stray character, a space: refused, naming what.
  for (const char* bad : {"+/+/", "aGVs bG8", "aGVsbG8!", "aGVsbG8=="}) {
    Result<std::string> r = FromBase64(bad, "offices.XJY.public_key");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().kind() == ErrorKind::kRejected);
    CHECK(r.status().message().find("offices.XJY.public_key") != std::string::npos);
    CHECK(r.status().message().find("not base64") != std::string::npos);
  }
}

TEST_CASE("secret keys: random, from 32 bytes only, compared by value", "[sealing]") {
  SecretKey a = SecretKey::Random();
  SecretKey b = SecretKey::Random();
  CHECK_FALSE(a == b);
  CHECK(a.Bytes().size() == 32);
  CHECK(SecretKey::FromBytes(a.Bytes(), "k").value() == a);
  CHECK(CountingKey().Bytes()[31] == '\x1f');

  Result<SecretKey> short_key = SecretKey::FromBytes(std::string(31, 'k'), "the epoch key");
  REQUIRE_FALSE(short_key.ok());
  CHECK(short_key.status().message().find("the epoch key") != std::string::npos);
  CHECK(short_key.status().message().find("32 bytes") != std::string::npos);
  CHECK_FALSE(SecretKey::FromBytes(std::string(33, 'k'), "k").ok());
}

TEST_CASE("sealed to an office: only its pair opens", "[sealing]") {
  BoxKeyPair office = BoxKeyPair::Generate();
  BoxKeyPair other = BoxKeyPair::Generate();
  REQUIRE(office.public_key.size() == 32);
  CHECK(office.public_key != other.public_key);

  const std::string secret = SecretKey::Random().Bytes() + SecretKey::Random().Bytes();
  Result<std::string> sealed = SealTo(office.public_key, secret);
  REQUIRE(sealed.ok());
  // 64 bytes and crypto_box_SEALBYTES (32 + 16) = 112 bytes: 150 base64 digits.
  CHECK(sealed->size() == 150);
  CHECK(OpenSealed(office, *sealed).value() == secret);
  // Sealing twice gives two texts (a fresh ephemeral key each time).
  CHECK(SealTo(office.public_key, secret).value() != *sealed);

  Result<std::string> wrong = OpenSealed(other, *sealed);
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().kind() == ErrorKind::kRejected);
  CHECK_FALSE(OpenSealed(office, FlipByte(*sealed, 60)).ok());
  CHECK_FALSE(OpenSealed(office, "not base64!").ok());
  CHECK_FALSE(OpenSealed(office, ToBase64("short")).ok());

  Result<std::string> bad_key = SealTo(office.public_key.substr(1), secret);
  REQUIRE_FALSE(bad_key.ok());
  CHECK(bad_key.status().message().find("31") != std::string::npos);
}

TEST_CASE("wrapped keys open only with their kek and case id", "[sealing]") {
  SecretKey kek = SecretKey::Random();
  SecretKey data_key = SecretKey::Random();
  std::string wrapped = WrapKey(kek, data_key, "XJY-2026-0001");
  // Nonce 24 + key 32 + tag 16 = 72 bytes: 96 base64 digits.
  CHECK(wrapped.size() == 96);
  CHECK(UnwrapKey(kek, wrapped, "XJY-2026-0001").value() == data_key);
  // A random nonce: wrapping again gives another text that opens the same.
  std::string again = WrapKey(kek, data_key, "XJY-2026-0001");
  CHECK(again != wrapped);
  CHECK(UnwrapKey(kek, again, "XJY-2026-0001").value() == data_key);

  Result<SecretKey> other_case = UnwrapKey(kek, wrapped, "XJY-2026-0002");
  REQUIRE_FALSE(other_case.ok());
  CHECK(other_case.status().kind() == ErrorKind::kRejected);
  CHECK_FALSE(UnwrapKey(SecretKey::Random(), wrapped, "XJY-2026-0001").ok());
  for (std::size_t at : {0u, 30u, 71u}) {  // nonce, ciphertext, tag
    CHECK_FALSE(UnwrapKey(kek, FlipByte(wrapped, at), "XJY-2026-0001").ok());
  }
  CHECK_FALSE(UnwrapKey(kek, wrapped.substr(0, 90), "XJY-2026-0001").ok());
}

TEST_CASE("field sealing is deterministic and bound to case and path", "[sealing]") {
  SecretKey key = SecretKey::Random();
  const std::string ad = "XJY-2026-0001\nparties[0].id_number";
  const std::string plaintext = "110101199003071234";
  std::string sealed = SealField(key, plaintext, ad);
  // Nonce 24 + 18 bytes + tag 16 = 58 bytes: 78 base64 digits (58 * 4 / 3 rounded up).
  CHECK(sealed.size() == 78);
  CHECK(SealField(key, plaintext, ad) == sealed);
  CHECK(OpenField(key, sealed, ad).value() == plaintext);

  // Another value, another path, another case, another key: another text.
  CHECK(SealField(key, "110101199003071235", ad) != sealed);
  const std::string other_path = "XJY-2026-0001\nparties[1].id_number";
  CHECK(SealField(key, plaintext, other_path) != sealed);
  CHECK(SealField(key, plaintext, "XJY-2026-0002\nparties[0].id_number") != sealed);
  CHECK(SealField(SecretKey::Random(), plaintext, ad) != sealed);

  Result<std::string> moved = OpenField(key, sealed, other_path);
  REQUIRE_FALSE(moved.ok());
  CHECK(moved.status().kind() == ErrorKind::kRejected);
  CHECK(moved.status().message().find("another case or field") != std::string::npos);
  CHECK_FALSE(OpenField(SecretKey::Random(), sealed, ad).ok());
  CHECK_FALSE(OpenField(key, FlipByte(sealed, 30), ad).ok());
  CHECK_FALSE(OpenField(key, ToBase64("too short"), ad).ok());

  // Chinese text and the empty text seal and open too.
  CHECK(OpenField(key, SealField(key, "李四", ad), ad).value() == "李四");
  CHECK(OpenField(key, SealField(key, "", "XJY-2026-0001\nsummary"), "XJY-2026-0001\nsummary")
            .value() == "");
}

TEST_CASE("a sealed field with a nonce not made of its contents is refused", "[sealing]") {
  // Encrypt as SealField does (the same derived key) but under a random nonce:
  // the tag is good, the nonce is not the keyed hash, so OpenField refuses.
  SecretKey key = SecretKey::Random();
  const std::string ad = "XJY-2026-0001\nsummary";
  SecretKey enc_key = DeriveKey(key, 1, "mediatef");
  // WrapKey encrypts 32 bytes under a random nonce with XChaCha20-Poly1305:
  // the same cipher and layout as a field holding those 32 bytes.
  SecretKey value = SecretKey::Random();
  std::string foreign = WrapKey(enc_key, value, ad);
  CHECK(UnwrapKey(enc_key, foreign, ad).value() == value);
  CHECK_FALSE(OpenField(key, foreign, ad).ok());
  // Sealed the proper way, the same 32 bytes open.
  CHECK(OpenField(key, SealField(key, value.Bytes(), ad), ad).value() == value.Bytes());
}

TEST_CASE("derived keys: one per id and context, the same every time", "[sealing]") {
  SecretKey master = SecretKey::Random();
  SecretKey one = DeriveKey(master, 1, "mediatel");
  CHECK(DeriveKey(master, 1, "mediatel") == one);
  CHECK_FALSE(DeriveKey(master, 2, "mediatel") == one);
  CHECK_FALSE(DeriveKey(master, 1, "mediatef") == one);
  CHECK_FALSE(DeriveKey(SecretKey::Random(), 1, "mediatel") == one);
  CHECK_FALSE(one == master);
}

TEST_CASE("HmacHex is HMAC-SHA-256, its first 32 hex digits", "[sealing]") {
  // Computed with Python 3:
  //   key = bytes(range(32))
  //   hmac.new(key, "13800001234".encode(), hashlib.sha256).hexdigest()[:32]
  //   hmac.new(key, "张三".encode(), hashlib.sha256).hexdigest()[:32]
  CHECK(HmacHex(CountingKey(), "13800001234") == "1165c624895c18760391428d85340d26");
  CHECK(HmacHex(CountingKey(), "张三") == "f816bf03f906c81a577a6e55c71fb0f2");
  CHECK(HmacHex(SecretKey::Random(), "13800001234") != "1165c624895c18760391428d85340d26");
}

TEST_CASE("a secret locked with a passphrase opens only with it", "[sealing]") {
  const std::string secret = SecretKey::Random().Bytes();
  Result<std::string> locked = LockWithPassphrase(secret, "correct horse 电池");
  REQUIRE(locked.ok());
  // Salt 16 + nonce 24 + tag 16 + secret 32 = 88 bytes: 118 base64 digits.
  CHECK(locked->size() == 118);
  CHECK(UnlockWithPassphrase(*locked, "correct horse 电池").value() == secret);
  // A random salt and nonce: locking again gives another text.
  CHECK(LockWithPassphrase(secret, "correct horse 电池").value() != *locked);

  Result<std::string> wrong = UnlockWithPassphrase(*locked, "correct horse");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().kind() == ErrorKind::kRejected);
  CHECK(wrong.status().message() == "wrong passphrase, or the key file was altered");
  CHECK_FALSE(UnlockWithPassphrase(FlipByte(*locked, 0), "correct horse 电池").ok());
  CHECK_FALSE(UnlockWithPassphrase(FlipByte(*locked, 87), "correct horse 电池").ok());
  CHECK_FALSE(UnlockWithPassphrase("***", "correct horse 电池").ok());
}
