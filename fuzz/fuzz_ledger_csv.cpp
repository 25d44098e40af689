// libFuzzer target: see fuzz_inputs.hpp (LedgerTable).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mediate::fuzz::LedgerTable(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
