// The sealing primitives of sealing.hpp on libsodium 1.0.18: crypto_box_seal
// for an office's key pair, XChaCha20-Poly1305 (IETF) for wrapped keys and
// sealed fields, crypto_kdf and BLAKE2b for the field keys and nonces,
// HMAC-SHA-256 for lookups, Argon2id and crypto_secretbox for the key file.
// Every text is URL-safe base64 without padding; every key and derived
// secret lives in a SecretKey, wiped when it goes.
#include "sealing.hpp"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <cstring>

#include "i18n.hpp"

namespace mediate {
namespace {

// sodium_init once per process; 0 (started now) and 1 (already started) are
// both success, -1 a failure.
int StartSodium() {
  static const int result = sodium_init();
  return result;
}

const unsigned char* AsBytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// The context of the keys SealField derives from a data key: id 1 encrypts,
// id 2 keys the hash that makes the nonce.
constexpr char kFieldContext[] = "mediatef";
constexpr std::uint64_t kFieldEncryptionId = 1;
constexpr std::uint64_t kFieldNonceId = 2;

constexpr std::size_t kAeadNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;  // 24
constexpr std::size_t kAeadTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;       // 16

// The field nonce: BLAKE2b (24 bytes) keyed with `nonce_key` over
// ad || '\0' || plaintext. The case id and field path in `ad` hold no NUL, so
// the separator keeps (ad, plaintext) pairs apart.
void FieldNonce(const SecretKey& nonce_key, std::string_view ad, std::string_view plaintext,
                unsigned char* nonce) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nonce_key.data(), SecretKey::kSize, kAeadNonce);
  crypto_generichash_update(&state, AsBytes(ad), ad.size());
  const unsigned char zero = 0;
  crypto_generichash_update(&state, &zero, 1);
  crypto_generichash_update(&state, AsBytes(plaintext), plaintext.size());
  crypto_generichash_final(&state, nonce, kAeadNonce);
  sodium_memzero(&state, sizeof state);
}

// The key Argon2id derives from `passphrase` and `salt`
// (crypto_pwhash_SALTBYTES), or an error when the memory it needs is not there.
Result<SecretKey> PassphraseKey(std::string_view passphrase, const unsigned char* salt) {
  SecretKey key;
  if (crypto_pwhash(key.data(), SecretKey::kSize, passphrase.data(), passphrase.size(), salt,
                    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Io(
        Tr("not enough memory to derive a key from the passphrase (Argon2id needs {0} MiB)",
           crypto_pwhash_MEMLIMIT_INTERACTIVE / (1024 * 1024)));
  }
  return key;
}

Status NotStarted() {
  return Status::Internal(_("the encryption library (libsodium) cannot start"));
}

}  // namespace

SecretKey::~SecretKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

SecretKey SecretKey::Random() {
  StartSodium();
  SecretKey key;
  randombytes_buf(key.data(), kSize);
  return key;
}

Result<SecretKey> SecretKey::FromBytes(std::string_view bytes, std::string_view what) {
  if (bytes.size() != kSize) {
    return Status::Rejected(
        Tr("{0} has {1} bytes; a key must be exactly {2} bytes", what, bytes.size(), kSize));
  }
  SecretKey key;
  std::memcpy(key.data(), bytes.data(), kSize);
  return key;
}

std::string SecretKey::Bytes() const {
  return std::string(reinterpret_cast<const char*>(bytes_.data()), kSize);
}

bool SecretKey::operator==(const SecretKey& o) const {
  return sodium_memcmp(bytes_.data(), o.bytes_.data(), kSize) == 0;
}

BoxKeyPair BoxKeyPair::Generate() {
  StartSodium();
  BoxKeyPair pair;
  unsigned char pk[crypto_box_PUBLICKEYBYTES];
  crypto_box_keypair(pk, pair.secret_key.data());
  pair.public_key.assign(reinterpret_cast<const char*>(pk), sizeof pk);
  return pair;
}

Status InitSealing() { return StartSodium() < 0 ? NotStarted() : Status::Ok(); }

std::string ToBase64(std::string_view bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string text(sodium_base64_encoded_len(bytes.size(), kVariant), '\0');
  sodium_bin2base64(text.data(), text.size(), AsBytes(bytes), bytes.size(), kVariant);
  text.resize(std::strlen(text.c_str()));
  return text;
}

Result<std::string> FromBase64(std::string_view text, std::string_view what) {
  std::string bytes(text.size() / 4 * 3 + 3, '\0');
  for (int variant : {sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING}) {
    std::size_t n = 0;
    // No end pointer: the whole text must decode, a stray character fails.
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                          text.size(), nullptr, &n, nullptr, variant) == 0) {
      bytes.resize(n);
      return bytes;
    }
  }
  return Status::Rejected(Tr("{0} is not base64 (URL-safe: letters, digits, - and _)", what));
}

Result<std::string> SealTo(std::string_view public_key, std::string_view plaintext) {
  if (StartSodium() < 0) return NotStarted();
  if (public_key.size() != crypto_box_PUBLICKEYBYTES) {
    return Status::Rejected(Tr("the public key has {0} bytes; an office's public key has {1}",
                               public_key.size(), crypto_box_PUBLICKEYBYTES));
  }
  std::string sealed(plaintext.size() + crypto_box_SEALBYTES, '\0');
  crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), AsBytes(plaintext),
                  plaintext.size(), AsBytes(public_key));
  return ToBase64(sealed);
}

Result<std::string> OpenSealed(const BoxKeyPair& pair, std::string_view sealed) {
  if (StartSodium() < 0) return NotStarted();
  Result<std::string> bytes = FromBase64(sealed, _("the sealed value"));
  if (!bytes.ok()) return bytes.status();
  if (pair.public_key.size() != crypto_box_PUBLICKEYBYTES) {
    return Status::Rejected(Tr("the public key has {0} bytes; an office's public key has {1}",
                               pair.public_key.size(), crypto_box_PUBLICKEYBYTES));
  }
  if (bytes->size() >= crypto_box_SEALBYTES) {
    std::string plaintext(bytes->size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plaintext.data()), AsBytes(*bytes),
                             bytes->size(), AsBytes(pair.public_key),
                             pair.secret_key.data()) == 0) {
      return plaintext;
    }
  }
  return Status::Rejected(
      _("the sealed value cannot be opened with this key pair: it was sealed to another one, or "
        "altered"));
}

std::string WrapKey(const SecretKey& kek, const SecretKey& key, std::string_view ad) {
  StartSodium();
  std::string out(kAeadNonce + SecretKey::kSize + kAeadTag, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, kAeadNonce);
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kAeadNonce, nullptr, key.data(),
                                             SecretKey::kSize, AsBytes(ad), ad.size(), nullptr,
                                             nonce, kek.data());
  return ToBase64(out);
}

Result<SecretKey> UnwrapKey(const SecretKey& kek, std::string_view wrapped, std::string_view ad) {
  if (StartSodium() < 0) return NotStarted();
  Result<std::string> bytes = FromBase64(wrapped, _("the wrapped key"));
  if (!bytes.ok()) return bytes.status();
  SecretKey key;
  if (bytes->size() == kAeadNonce + SecretKey::kSize + kAeadTag) {
    const unsigned char* nonce = AsBytes(*bytes);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(key.data(), nullptr, nullptr, nonce + kAeadNonce,
                                                   bytes->size() - kAeadNonce, AsBytes(ad),
                                                   ad.size(), nonce, kek.data()) == 0) {
      return key;
    }
  }
  return Status::Rejected(
      _("the wrapped key cannot be opened with this key: it belongs to another case or epoch, "
        "or was altered"));
}

std::string SealField(const SecretKey& key, std::string_view plaintext, std::string_view ad) {
  StartSodium();
  const SecretKey enc_key = DeriveKey(key, kFieldEncryptionId, kFieldContext);
  const SecretKey nonce_key = DeriveKey(key, kFieldNonceId, kFieldContext);
  std::string out(kAeadNonce + plaintext.size() + kAeadTag, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  FieldNonce(nonce_key, ad, plaintext, nonce);
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kAeadNonce, nullptr, AsBytes(plaintext),
                                             plaintext.size(), AsBytes(ad), ad.size(), nullptr,
                                             nonce, enc_key.data());
  return ToBase64(out);
}

Result<std::string> OpenField(const SecretKey& key, std::string_view sealed, std::string_view ad) {
  if (StartSodium() < 0) return NotStarted();
  Result<std::string> bytes = FromBase64(sealed, _("the sealed value"));
  if (!bytes.ok()) return bytes.status();
  if (bytes->size() >= kAeadNonce + kAeadTag) {
    const SecretKey enc_key = DeriveKey(key, kFieldEncryptionId, kFieldContext);
    const unsigned char* nonce = AsBytes(*bytes);
    std::string plaintext(bytes->size() - kAeadNonce - kAeadTag, '\0');
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plaintext.data()), nullptr, nullptr,
            nonce + kAeadNonce, bytes->size() - kAeadNonce, AsBytes(ad), ad.size(), nonce,
            enc_key.data()) == 0) {
      // The nonce must be the one SealField makes of this ad and plaintext:
      // a text sealed some other way is refused, so every accepted field
      // seals again to the same text.
      const SecretKey nonce_key = DeriveKey(key, kFieldNonceId, kFieldContext);
      unsigned char expected[kAeadNonce];
      FieldNonce(nonce_key, ad, plaintext, expected);
      if (sodium_memcmp(expected, nonce, kAeadNonce) == 0) return plaintext;
      sodium_memzero(plaintext.data(), plaintext.size());
    }
  }
  return Status::Rejected(
      _("the sealed value cannot be opened with this key: it belongs to another case or field, "
        "or was altered"));
}

SecretKey DeriveKey(const SecretKey& master, std::uint64_t id, std::string_view context) {
  // The context is a constant of the code, always 8 characters: another
  // length is a programming error (asserted); a build without asserts pads
  // it with NUL bytes or cuts it to 8.
  assert(context.size() == crypto_kdf_CONTEXTBYTES);
  char ctx[crypto_kdf_CONTEXTBYTES] = {};
  std::memcpy(ctx, context.data(), std::min(context.size(), sizeof ctx));
  SecretKey subkey;
  crypto_kdf_derive_from_key(subkey.data(), SecretKey::kSize, id, ctx, master.data());
  return subkey;
}

std::string HmacHex(const SecretKey& key, std::string_view text) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, AsBytes(text), text.size(), key.data());
  char hex[2 * 16 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, 16);
  return std::string(hex, 2 * 16);
}

Result<std::string> LockWithPassphrase(std::string_view secret, std::string_view passphrase) {
  if (StartSodium() < 0) return NotStarted();
  constexpr std::size_t kSalt = crypto_pwhash_SALTBYTES;
  constexpr std::size_t kNonce = crypto_secretbox_NONCEBYTES;
  std::string out(kSalt + kNonce + crypto_secretbox_MACBYTES + secret.size(), '\0');
  auto* salt = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(salt, kSalt + kNonce);  // the salt, then the nonce
  Result<SecretKey> key = PassphraseKey(passphrase, salt);
  if (!key.ok()) return key.status();
  crypto_secretbox_easy(salt + kSalt + kNonce, AsBytes(secret), secret.size(), salt + kSalt,
                        key->data());
  return ToBase64(out);
}

Result<std::string> UnlockWithPassphrase(std::string_view locked, std::string_view passphrase) {
  if (StartSodium() < 0) return NotStarted();
  constexpr std::size_t kSalt = crypto_pwhash_SALTBYTES;
  constexpr std::size_t kNonce = crypto_secretbox_NONCEBYTES;
  Result<std::string> bytes = FromBase64(locked, _("the locked secret"));
  if (!bytes.ok()) return bytes.status();
  if (bytes->size() >= kSalt + kNonce + crypto_secretbox_MACBYTES) {
    const unsigned char* salt = AsBytes(*bytes);
    Result<SecretKey> key = PassphraseKey(passphrase, salt);
    if (!key.ok()) return key.status();
    const std::size_t n = bytes->size() - kSalt - kNonce;
    std::string secret(n - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(secret.data()),
                                   salt + kSalt + kNonce, n, salt + kSalt, key->data()) == 0) {
      return secret;
    }
  }
  return Status::Rejected(_("wrong passphrase, or the key file was altered"));
}

}  // namespace mediate
