#include "case_index.hpp"

namespace mediate {

// Until the persistent index lands, every scan is cold.
CaseScan ScanWithIndex(const Store& store, const ScanOptions& options) {
  ScanOptions cold = options;
  cold.use_index = false;
  return store.ScanCases(cold);
}

}  // namespace mediate
