// The journal of a write in progress (`.git/mediate/journal`): the HEAD id
// at its start, the writer's pid and every path it changes with whether the
// path existed in HEAD. Its text form and parser; write_transaction.cpp
// writes it durably and replays it. Internal to the store layer.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mediate {

/// The plan of one write, as recorded before any file changes.
struct Journal {
  std::string head;  ///< HEAD at the start ("" for an empty history)
  long pid = 0;      ///< the writer's process id (its temporary files carry it)
  std::vector<std::pair<std::string, bool>> paths;  ///< path, existed in HEAD
};

/// The journal's text: a magic line, "head ID", "pid N", one "+ path"
/// (existed) or "- path" (new) line each, and "end".
std::string JournalText(const Journal& j);

/// Reads JournalText's form into `j`; false when the text is not a whole
/// journal (a crash cut it, or it is something else).
bool ParseJournal(const std::string& text, Journal& j);

}  // namespace mediate
