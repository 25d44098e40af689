// `mediate audit`: the integrity of a whole store: is every
// file committed, readable and as mediate last wrote it, and was every
// commit made by mediate?
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "status.hpp"

namespace mediate {

/// The trailer of an adopt commit naming one hand commit it takes on
/// (full id), one line each: `Mediate-Adopts: 3f8858c…`.
inline constexpr const char* kAdoptsTrailer = "Mediate-Adopts";

/// One thing audit found. `kind` is a stable code:
///   "uncommitted"     a file in the work tree that no commit holds
///   "hand-edited"     a tracked file whose content differs from HEAD
///   "deleted"         a tracked file missing from the work tree
///   "torn"            a record that does not parse as strict YAML (half
///                     written, truncated, edited into nonsense), or a
///                     temporary file left by an interrupted write
///   "unfinished"      a write journal (.git/mediate/journal): a write was
///                     cut off; `mediate recover` rolls it back
///   "duplicate-id"    a case id held by two files in different month
///                     folders (subject: the id; detail: both files and
///                     the `mediate renumber ID` that fixes it)
///   "hand-merged"     a merge commit (a pull's) with a path that differs
///                     from that path in every parent and is not what the
///                     record merge driver makes of it: edited while
///                     merging (merge_check.hpp)
///   "foreign-commit"  a commit without mediate's `Mediate-Action:` trailer
///                     (made with git, or another tool, outside mediate)
///                     that is no merge and that no later commit adopts
///                     (`mediate adopt`: a `Mediate-Adopts: <id>` trailer).
///                     A merge that took every path from one of its
///                     parents is no finding.
struct AuditFinding {
  std::string kind;
  std::string subject;  ///< relative path, or the commit's short id
  std::string detail;   ///< what is wrong, for people (in the interface's language)
};

/// The Chinese label of a finding's kind (未提交, 手工修改, 文件损坏, …),
/// or "" for an unknown kind.
std::string FindingKindLabel(const std::string& kind);

/// What the audit looked at and found.
struct AuditReport {
  std::vector<AuditFinding> findings;  ///< in the order above, then by subject
  std::size_t files = 0;               ///< record files read
  std::size_t commits = 0;             ///< commits walked
  bool clean() const { return findings.empty(); }
};

/// Audits the store whose work tree is `root`. Reads only: writes nothing,
/// takes no lock, rolls nothing back. Every `*.yaml` file of the work tree
/// (outside .git) is parsed with the strict loader (ParseYaml); commits
/// are walked from HEAD and each message is checked for a line starting
/// "Mediate-Action: " (the trailer every mediate write makes, lib/intake,
/// lib/case_step, lib/ledger_import, lib/store_init, lib/reveal, …); a
/// merge commit without one is checked against its parents instead.
/// kNotFound when `root` is not a git repository; kIo on git errors.
/// `remerge`, when given, says whether a merged file is what the record
/// merge driver makes of its three versions (path, base, ours, theirs,
/// merged; docs/offices.md): a merge whose own changes are all such files
/// is no finding either.
using DriverMergeCheck =
    std::function<bool(const std::string& path, const std::string& base, const std::string& ours,
                       const std::string& theirs, const std::string& merged)>;
Result<AuditReport> AuditStore(const std::string& root, const DriverMergeCheck& remerge = nullptr);

}  // namespace mediate
