// Envelope encryption of personal data, by libsodium (docs/personal-data.md):
// an office's key pair (crypto_box, X25519) opens the district's epoch
// secret sealed to it (crypto_box_seal); the epoch key wraps each case's
// random data key (XChaCha20-Poly1305, kept apart from the case: case_key.hpp); the
// data key seals each personal field (XChaCha20-Poly1305, the case id and
// field path as associated data). PIPL Art. 51: encryption of personal
// information; People's Mediation Law Art. 15: no disclosure of a party's
// privacy.
//
// Field sealing is deterministic: its nonce is a keyed hash (BLAKE2b) of the
// associated data and the plaintext, so an unchanged field keeps its
// ciphertext byte for byte and a merge of two clones sees no change. It
// tells a reader only that two values at the same path of the same case are
// equal, which the history shows anyway.
//
// Every text these functions give is base64 (the URL-safe alphabet without
// padding), so it sits in YAML as a plain quoted string.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "status.hpp"

namespace mediate {

/// A 32-byte secret key, wiped (sodium_memzero) when destroyed.
class SecretKey {
 public:
  static constexpr std::size_t kSize = 32;
  SecretKey() { bytes_.fill(0); }
  ~SecretKey();
  SecretKey(const SecretKey&) = default;
  SecretKey& operator=(const SecretKey&) = default;

  /// A fresh key from the operating system's random source.
  static SecretKey Random();
  /// The key in `bytes` (exactly kSize of them), or an error naming `what`.
  static Result<SecretKey> FromBytes(std::string_view bytes, std::string_view what);

  const std::uint8_t* data() const { return bytes_.data(); }
  std::uint8_t* data() { return bytes_.data(); }
  /// The raw bytes (for sealing to an office, and for tests).
  std::string Bytes() const;
  bool operator==(const SecretKey& o) const;

 private:
  std::array<std::uint8_t, kSize> bytes_;
};

/// An office's key pair (crypto_box: X25519). The public half is stored in
/// the keys record; the secret half only in the office's key file.
struct BoxKeyPair {
  std::string public_key;  ///< 32 raw bytes
  SecretKey secret_key;

  /// A fresh pair.
  static BoxKeyPair Generate();
};

/// Starts libsodium (sodium_init); safe to call again and from several
/// threads. An error only when the library cannot start.
Status InitSealing();

/// `bytes` in URL-safe base64 without padding.
std::string ToBase64(std::string_view bytes);
/// The bytes of URL-safe base64 `text` (padding optional), or an error
/// naming `what`.
Result<std::string> FromBase64(std::string_view text, std::string_view what);

/// `plaintext` sealed to the holder of `public_key` (32 raw bytes) with
/// crypto_box_seal: anyone can seal, only that key pair opens. Base64; an
/// error when `public_key` is not 32 bytes (a keys record's bad value).
Result<std::string> SealTo(std::string_view public_key, std::string_view plaintext);
/// Opens what SealTo gave, with the pair it was sealed to. An error when
/// the text is not base64, was sealed to another pair, or was altered.
Result<std::string> OpenSealed(const BoxKeyPair& pair, std::string_view sealed);

/// A data key wrapped under `kek` (XChaCha20-Poly1305 with a random nonce),
/// bound to `ad` (for case data keys, kDataKeyAd): base64 of nonce and ciphertext.
std::string WrapKey(const SecretKey& kek, const SecretKey& key, std::string_view ad);
/// The key WrapKey wrapped, or an error when `kek` or `ad` differ or the
/// text was altered.
Result<SecretKey> UnwrapKey(const SecretKey& kek, std::string_view wrapped, std::string_view ad);

/// `plaintext` sealed under the case's data key `key`, bound to `ad` (case
/// id and field path, no NUL byte in it: the nonce hashes `ad`, a NUL and
/// the plaintext): deterministic (see above). Base64 of the 24-byte
/// nonce and the ciphertext with its 16-byte tag. The encryption and nonce
/// keys are derived from `key` (crypto_kdf, context "mediatef").
std::string SealField(const SecretKey& key, std::string_view plaintext, std::string_view ad);
/// The plaintext SealField sealed, or an error when the key or `ad` differ
/// (a ciphertext moved to another case or field) or the text was altered.
Result<std::string> OpenField(const SecretKey& key, std::string_view sealed, std::string_view ad);

/// A subkey of `master` for one purpose (crypto_kdf_derive_from_key):
/// `context` is 8 characters ("mediatel" for lookups), `id` numbers the
/// subkey within it. Another length is a programming error: asserted, and
/// without asserts padded with NUL bytes or cut to 8.
SecretKey DeriveKey(const SecretKey& master, std::uint64_t id, std::string_view context);

/// HMAC-SHA-256 (crypto_auth_hmacsha256) of `text` under `key`: the first 32
/// hex digits. For lookups by a value nobody may read (party numbers).
std::string HmacHex(const SecretKey& key, std::string_view text);

/// `secret` locked with a passphrase: Argon2id (crypto_pwhash, interactive
/// limits) derives a key from the passphrase and a random salt, which seals
/// the secret (crypto_secretbox). Base64 of salt, nonce and ciphertext; an
/// error only when the 64 MiB Argon2id needs cannot be had.
Result<std::string> LockWithPassphrase(std::string_view secret, std::string_view passphrase);
/// The secret LockWithPassphrase locked, or an error ("wrong passphrase")
/// when the passphrase differs or the text was altered.
Result<std::string> UnlockWithPassphrase(std::string_view locked, std::string_view passphrase);

}  // namespace mediate
