// Tagging cases (e.g. "exemplary": a typical case, 优秀调解案例): one commit
// per change through the write path, like a lifecycle step but
// without an event — tags are labels for selection, not part of the
// mediation's timeline; the commit history records who tagged what, when.
#pragma once

#include <string>
#include <vector>

#include "case.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store.hpp"
#include "store_write.hpp"

namespace mediate {

/// What tagging did.
struct TagOutcome {
  Case record;                       ///< the case after the change
  std::vector<std::string> changed;  ///< tags actually added (or removed)
  std::string commit;                ///< commit id; "" when nothing changed
};

/// Adds (or, with `remove`, removes) `tags` on case `id` as `op` through `w`
/// (the locked store): loads the case, changes its `tags:` list (sorted, unique),
/// writes it and commits "tag: <id> +exemplary" (or "untag: <id>
/// -exemplary") with trailers Mediate-Action: tag|untag and Mediate-Case.
/// Tags are 1-40 characters of a-z, 0-9, '-' and '_'. No commit when
/// nothing changes. kNotFound for an unknown case, kUsage for a malformed
/// tag, kRejected when the case file does not load cleanly, kBusy/kIo from
/// the write (nothing written).
Result<TagOutcome> TagCase(StoreWrite& w, const Signature& op, const std::string& id,
                           const std::vector<std::string>& tags, bool remove);

}  // namespace mediate
