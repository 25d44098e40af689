#include "case_key_sync.hpp"

#include "case_key_ref.hpp"
#include "i18n.hpp"

namespace mediate {

Result<CaseKeyExchange> ExchangeCaseKeys(const std::string& root, const SyncTarget& target,
                                         const RemoteAccess& access, const ProgressFn& progress,
                                         const Signature& author, int max_rounds) {
  CaseKeyExchange out;
  const std::string refspec = std::string("+") + kCaseKeysRef + ":" + kCaseKeysIncomingRef;
  std::string refusal;  // the server's words when it last refused a push
  for (int round = 0;; ++round) {
    // A server without keys leaves no stale copy to unite with.
    MEDIATE_RETURN_IF_ERROR(DropRef(root, kCaseKeysIncomingRef));
    MEDIATE_RETURN_IF_ERROR(FetchRemote(root, target, access, progress, {refspec}));
    auto united = UniteCaseKeys(root, kCaseKeysIncomingRef, author);
    if (!united.ok()) return united.status();
    out.taken += united->taken;
    if (!united->other_lacks) return out;
    if (round == max_rounds) {
      if (!refusal.empty())
        return Status::Io(
            Tr("the server {0} refused this desk's case keys ({1}): it must let "
               "desks replace {2}",
               target.url, refusal, kCaseKeysRef));
      return Status::Busy(
          Tr("the server {0} kept changing its case keys while this desk sent "
             "its own; run sync again",
             target.url));
    }
    auto pushed = PushRef(root, target, kCaseKeysRef, kCaseKeysRef, access, progress,
                          /*forced=*/true);
    if (!pushed.ok()) return pushed.status();
    // Refused when another desk replaced the server's keys since this one
    // looked (the server checks the value it was told): unite again.
    if (pushed->rejected) {
      refusal = pushed->reason;
      continue;
    }
    out.pushed = true;
  }
}

}  // namespace mediate
