#include "case_key_rewrap.hpp"

#include <vector>

#include "case_key_ref.hpp"
#include "i18n.hpp"
#include "key_ring.hpp"
#include "personal_fields.hpp"

namespace mediate {

Result<RewrapOutcome> RewrapCaseKeys(StoreWrite& w, const Signature& op) {
  const Store& store = w.store();
  auto ring = store.Keys();
  if (!ring.ok()) return ring.status();
  RewrapOutcome out;
  out.epoch = (*ring)->current_epoch();
  const SecretKey* current = (*ring)->EpochKey(out.epoch);
  if (!current)
    return Status::Rejected(
        Tr("office {0}'s key does not open the current epoch {1} (it was revoked): an active "
           "office runs 'mediate key rewrap'; nothing was written",
           (*ring)->office(), out.epoch));
  auto keys = ListCaseKeys(store.root());
  if (!keys.ok()) return keys.status();
  std::vector<CaseKeyEntry> changed;
  for (CaseKeyEntry& e : *keys) {
    if (e.is_erased()) {
      ++out.erased;
      continue;
    }
    if (e.epoch == out.epoch) {
      ++out.current;
      continue;
    }
    const SecretKey* old = (*ring)->EpochKey(e.epoch);
    if (!old) {
      ++out.unopened[e.epoch];
      continue;
    }
    auto data = UnwrapKey(*old, e.wrapped, kDataKeyAd);
    if (!data.ok())
      return Status::Rejected(
          Tr("the case key {0} of {1} does not open with epoch {2}'s key "
             "(altered?); nothing was written",
             e.id, e.case_id, e.epoch));
    e.epoch = out.epoch;
    e.wrapped = WrapKey(*current, *data, kDataKeyAd);
    changed.push_back(std::move(e));
  }
  out.rewrapped = changed.size();
  MEDIATE_RETURN_IF_ERROR(WriteCaseKeys(store.root(), changed, op,
                                        "case keys: " + std::to_string(changed.size()) +
                                            " rewrapped into epoch " + std::to_string(out.epoch) +
                                            "\n\nMediate-Action: key-rewrap\n"));
  return out;
}

}  // namespace mediate
