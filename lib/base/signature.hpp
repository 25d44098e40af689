// Who makes a change: "Name <email>", the author and committer of a commit
// and the `by` of an event. Kept apart from git_repo.hpp so that cli/ can
// name the operator without including the git layer.
#pragma once

#include <optional>
#include <string>

namespace mediate {

/// A commit author/committer: "Name <email>" as people write it.
struct Signature {
  std::string name;
  std::string email;
  /// Parses "Name <email>"; a bare name gets `fallback_email` (which may be
  /// empty: the caller decides). nullopt for an empty name, an empty or
  /// unbalanced "<...>", text after '>' or control characters.
  static std::optional<Signature> Parse(const std::string& text,
                                        const std::string& fallback_email = "");
  std::string ToString() const;  ///< "Name <email>"
};

}  // namespace mediate
