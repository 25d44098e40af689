// SHA-256 digests (FIPS 180-4), computed by nettle.
#pragma once

#include <string>
#include <string_view>

namespace mediate {

/// Lower-case hex SHA-256 (FIPS 180-4) of `bytes`: 64 characters. Never
/// fails. Used for the import fingerprint of a case (ledger_fingerprint.hpp).
std::string Sha256Hex(std::string_view bytes);

}  // namespace mediate
