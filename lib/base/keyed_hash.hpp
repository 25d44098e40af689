// Keyed hashes of personal numbers, computed by nettle (HMAC-SHA-256,
// RFC 2104): the derived index keeps the hash of an ID or phone number,
// never the number, so a copy of the index tells nothing without the key
// (PIPL Art. 51: technical measures such as de-identification).
#pragma once

#include <string>
#include <string_view>

namespace mediate {

/// The first 32 hex digits (128 bits) of HMAC-SHA-256 of `text` under
/// `key`. Equal inputs under one key give equal hashes. Never fails.
std::string KeyedHash(std::string_view key, std::string_view text);

}  // namespace mediate
