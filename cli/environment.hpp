// The process environment as the CLI reads it (the library reads none).
#pragma once

#include <string>

namespace mediate::cli {

/// The value of the environment variable `name`, "" when it is unset.
std::string EnvironmentVariable(const char* name);

}  // namespace mediate::cli
