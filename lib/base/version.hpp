// The version of this build of mediate: the one `mediate --version` prints
// and the Debian package carries (cmake/version.cmake computes it at build
// time from project(VERSION) and git: 0.1.0, or 0.1.0+git12.gabc1234 between
// releases).
#pragma once

namespace mediate {

/// The version string, e.g. "0.1.0+git12.gabc1234" (no "mediate " prefix).
extern const char* const kVersion;

}  // namespace mediate
