#include "write_journal.hpp"

#include <cstdlib>
#include <sstream>

namespace mediate {

namespace {
constexpr const char* kJournalMagic = "mediate journal 1";
}  // namespace

std::string JournalText(const Journal& j) {
  std::string s = std::string(kJournalMagic) + "\nhead " + (j.head.empty() ? "-" : j.head) +
                  "\npid " + std::to_string(j.pid) + "\n";
  for (const auto& [p, existed] : j.paths) s += (existed ? "+ " : "- ") + p + "\n";
  s += "end\n";
  return s;
}

bool ParseJournal(const std::string& text, Journal& j) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kJournalMagic) return false;
  if (!std::getline(in, line) || line.rfind("head ", 0) != 0) return false;
  j.head = line.substr(5);
  if (j.head == "-") j.head.clear();
  if (!std::getline(in, line) || line.rfind("pid ", 0) != 0) return false;
  j.pid = std::strtol(line.c_str() + 4, nullptr, 10);
  bool ended = false;
  while (std::getline(in, line)) {
    if (line == "end") {
      ended = true;
      break;
    }
    if (line.size() < 3 || (line[0] != '+' && line[0] != '-') || line[1] != ' ') return false;
    j.paths.emplace_back(line.substr(2), line[0] == '+');
  }
  return ended && j.pid > 0;
}

}  // namespace mediate
