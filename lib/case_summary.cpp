#include "case_summary.hpp"

namespace mediate {

bool IsOpenStatus(const std::string& status) {
  return status != "closed" && status != "withdrawn" && status != "refused";
}

bool IsPendingStatus(const std::string& status) {
  return status == "received" || status == "routed" || status == "mediating";
}

}  // namespace mediate
