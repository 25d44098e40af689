#include "reveal.hpp"

#include "write_transaction.hpp"

namespace mediate {
namespace {

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string RevealMessage(const RevealRequest& r) {
  std::string subject = "reveal: " + OneLine(r.command);
  if (r.cases.size() == 1)
    subject += " " + r.cases.front();
  else if (!r.cases.empty())
    subject += " " + std::to_string(r.cases.size()) + " cases";
  std::string m = subject + "\n\nMediate-Action: reveal\nMediate-Reveal: " + OneLine(r.command);
  if (!r.detail.empty()) m += " " + OneLine(r.detail);
  m += "\n";
  if (r.cases.size() <= kRevealCasesNamed) {
    for (const auto& id : r.cases) m += "Mediate-Case: " + OneLine(id) + "\n";
  } else {
    m += "Mediate-Cases: " + std::to_string(r.cases.size()) + "\n";
  }
  return m;
}

Result<std::string> RecordReveal(const std::string& root, const Signature& who,
                                 const RevealRequest& request, const WriteOptions& base) {
  WriteOptions options = base;
  options.holder = "mediate " + OneLine(request.command) + " --reveal by " + who.ToString();
  auto tx = WriteTransaction::Begin(root, options);
  if (!tx.ok()) return tx.status();
  auto head = tx->repo().HeadId();
  if (!head.ok()) return head.status();
  // No paths: the new tree is HEAD's tree, the work tree is untouched.
  return tx->repo().CommitPaths({}, *head, who, RevealMessage(request));
}

}  // namespace mediate
