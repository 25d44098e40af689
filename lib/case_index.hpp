// The derived index (DESIGN §6): a cache of every case's CaseSummary under
// .git/mediate/, keyed by path + size + mtime, so reading commands answer
// without re-parsing YAML. Never the source of truth: safe to delete, and
// a record edited by hand is seen by the next command.
#pragma once

#include "store.hpp"

namespace mediate {

/// Summaries of every case, served from the index where its entries are
/// fresh and parsed (in parallel) where not; the index is then updated
/// atomically. Falls back to a cold scan when the index is unusable.
CaseScan ScanWithIndex(const Store& store, const ScanOptions& options);

}  // namespace mediate
