#include "number_text.hpp"

#include <fmt/format.h>

#include "i18n.hpp"

namespace mediate::cli {

void PrintReserved(std::FILE* out, const std::vector<NumberBlock>& blocks) {
  for (const auto& b : blocks)
    fmt::print(out, "{}\n",
               Tr("reserved for this desk: {0} to {1}", SeriesId(b.series, b.first),
                  SeriesId(b.series, b.last)));
}

}  // namespace mediate::cli
