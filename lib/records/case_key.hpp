// A case's wrapped data key as the store keeps it: outside the case file
// and outside the store's history (docs/personal-data.md, "Where the case
// keys live"), so that destroying it erases the case's personal data for
// good. The case file names its key: `data_key: {case: ID, key: KEY}`.
//
// Each key is one small file of the ref refs/mediate/keys
// (case_key_ref.hpp), at `<first two characters of KEY>/KEY`:
//
//   case: XJY-2026-000007          # the id the values are bound to
//   epoch: 2                       # the key epoch that wraps it
//   wrapped: "<base64>"            # WrapKey(epoch key, data key)
//
// and, once the case's personal data is erased, a tombstone in its place:
//
//   case: XJY-2026-000007
//   erased: "2026-12-08T10:00:00+08:00"
//
// Rule: PIPL Art. 47 (deletion); Art. 51 (encryption).
#pragma once

#include <string>
#include <string_view>

#include "status.hpp"

namespace mediate {

/// One case key: wrapped, or erased.
struct CaseKeyEntry {
  std::string id;       ///< the key's name: 32 lowercase hex digits
  std::string case_id;  ///< the case the values are bound to ("XJY-2026-000007")
  int epoch = 0;        ///< the wrapping epoch; 0 once erased
  std::string wrapped;  ///< base64 of the wrapped key; "" once erased
  std::string erased;   ///< RFC 3339 when the key was destroyed; "" while it lives

  bool is_erased() const { return !erased.empty(); }
};

/// A fresh key name: 16 random bytes as 32 lowercase hex digits.
std::string NewCaseKeyId();

/// True when `id` is a key name: 32 lowercase hex digits.
bool IsCaseKeyId(std::string_view id);

/// Where key `id` lives in the ref's tree: "ab/ab…" (its first two
/// characters, then the name), so no folder grows past a few thousand files.
std::string CaseKeyPath(std::string_view id);

/// The file's text for `entry` (the form above).
std::string EmitCaseKeyEntry(const CaseKeyEntry& entry);

/// Reads the file of key `id` (`where` names it in messages). kRejected
/// when it is no map with `case` and either `epoch` and `wrapped`, or
/// `erased`.
Result<CaseKeyEntry> ParseCaseKeyEntry(std::string_view text, const std::string& id,
                                       const std::string& where);

/// The union of two desks' files of one key (sync: union by key, deletions
/// as tombstones). An erased side wins — the earlier erasure when both are;
/// else the later epoch (a `key rewrap`); else the smaller text, so every
/// desk picks the same file.
CaseKeyEntry MergeCaseKeyEntries(const CaseKeyEntry& a, const CaseKeyEntry& b);

}  // namespace mediate
