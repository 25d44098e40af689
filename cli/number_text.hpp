// How `clone` and `sync` tell the operator which numbers they reserved for
// this desk (number_reserve.hpp).
#pragma once

#include <cstdio>
#include <vector>

#include "number_blocks.hpp"

namespace mediate::cli {

/// One line per block to `out`: "reserved for this desk: XJY-2026-000021 to
/// XJY-2026-000040". Nothing for none.
void PrintReserved(std::FILE* out, const std::vector<NumberBlock>& blocks);

}  // namespace mediate::cli
