#include "environment.hpp"

#include <cstdlib>

namespace mediate::cli {

std::string EnvironmentVariable(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace mediate::cli
