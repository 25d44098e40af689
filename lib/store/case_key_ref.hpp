// Where the store's case keys live (case_key.hpp; docs/personal-data.md,
// "Where the case keys live"): the ref refs/mediate/keys of each clone,
// pointing at one commit without parents whose tree holds every case key.
// A change writes a new such commit and moves the ref: the old commit is
// then unreachable, so `git gc` deletes it and with it every key erased
// since. History — immutable, copied by every clone and backup — never
// holds a key.
//
// Clones exchange their keys through the server's ref of the same name
// (case_key_sync.hpp): the union by key, an erased key winning. It is no
// branch: a clone's fetch of branches leaves it alone, and a server that
// refuses to rewrite branches (receive.denyNonFastForwards) still lets it
// be replaced.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "case_key.hpp"
#include "signature.hpp"
#include "status.hpp"

namespace mediate {

/// This clone's case keys.
inline constexpr char kCaseKeysRef[] = "refs/mediate/keys";
/// Where a sync fetches the server's refs/mediate/keys before uniting it
/// with this clone's keys.
inline constexpr char kCaseKeysIncomingRef[] = "refs/mediate/keys-incoming";

/// Looks keys up in the clone at `workdir`, one at a time (a case is opened
/// without reading the million keys of a district). Safe to call from
/// several threads.
class CaseKeyReader {
 public:
  /// A reader of the clone whose work tree is `workdir`; nothing is read
  /// before the first Find.
  explicit CaseKeyReader(std::string workdir);
  ~CaseKeyReader();

  /// The file of key `id` as refs/mediate/keys holds it now. kRejected
  /// when there is none (saying to sync: the key of a case registered on
  /// another desk comes with its next sync); kIo on git errors.
  Result<CaseKeyEntry> Find(const std::string& id) const;

 private:
  struct Repo;
  std::string workdir_;
  mutable std::mutex mu_;
  mutable std::unique_ptr<Repo> repo_;
};

/// Removes the ref `ref` when it exists; kIo on git errors.
Status DropRef(const std::string& workdir, const std::string& ref);

/// Every key of the ref `ref` (kCaseKeysRef unless told), in the order of
/// their names; none when the ref does not exist. kRejected naming a file
/// that does not read; kIo on git errors.
Result<std::vector<CaseKeyEntry>> ListCaseKeys(const std::string& workdir,
                                               const std::string& ref = kCaseKeysRef);

/// Makes this clone's case keys when it has none: refs/mediate/keys at a
/// commit of an empty tree by `author`. `key init` and `clone` call it, so
/// that a clone of an encrypted store without the ref has lost it
/// (WriteCaseKeys refuses). kUsage for an author without name or email;
/// kIo on git errors.
Status EnsureCaseKeys(const std::string& workdir, const Signature& author);

/// Writes `entries` (new keys, tombstones, rewrapped keys) into this
/// clone's keys: one new commit without parents holding the tree of
/// refs/mediate/keys with each entry's file put in (replacing one of the
/// same name), committed by `author` with `message`, and the ref moved to
/// it (fsynced). Nothing to do for no entries. kRejected when the clone has
/// no refs/mediate/keys (lost: a new one would leave every sealed case
/// without its key; the message says how to restore it); kUsage for an
/// author without name or email; kIo on git errors.
Status WriteCaseKeys(const std::string& workdir, const std::vector<CaseKeyEntry>& entries,
                     const Signature& author, const std::string& message);

/// What uniting two clones' keys gave.
struct CaseKeyUnion {
  std::size_t taken = 0;     ///< keys or tombstones this clone lacked, taken from the other
  bool local_moved = false;  ///< refs/mediate/keys was rewritten
  bool other_lacks = false;  ///< the union holds what the other side did not
};

/// Unites this clone's keys with the keys at `other` (a ref:
/// kCaseKeysIncomingRef after a fetch): the union by key name
/// (MergeCaseKeyEntries where both hold one), written as a new commit of
/// refs/mediate/keys when it differs from the clone's. An absent `other`
/// is no keys. Errors as WriteCaseKeys; kRejected for a file that does not
/// read.
Result<CaseKeyUnion> UniteCaseKeys(const std::string& workdir, const std::string& other,
                                   const Signature& author);

}  // namespace mediate
