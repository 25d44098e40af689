#include "fault.hpp"

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace mediate {
namespace {
int g_passed = 0;
}

void FaultPoint(const std::string& name) {
  ++g_passed;
  const char* f = std::getenv("MEDIATE_FAULT");
  if (!f || !*f) return;
  if (name == f) ::raise(SIGKILL);
  if (std::strncmp(f, "kill-at:", 8) == 0) {
    char* end = nullptr;
    long n = std::strtol(f + 8, &end, 10);
    if (end && *end == '\0' && n == g_passed) ::raise(SIGKILL);
  }
}

int FaultPointsPassed() { return g_passed; }

}  // namespace mediate
