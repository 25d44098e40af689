#include "fault.hpp"

#include "disk.hpp"

namespace mediate {
namespace {
int g_passed = 0;
}

void FaultPoint(const std::string& name) {
  ++g_passed;
  CurrentDisk().Point(name);
}

int FaultPointsPassed() { return g_passed; }

}  // namespace mediate
