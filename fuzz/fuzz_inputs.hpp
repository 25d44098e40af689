// What each fuzz target does with one input, shared by the libFuzzer
// targets (fuzz_*.cpp) and the regression test that replays every saved
// input in the normal build (tests/unit/fuzz_regressions_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ledger_input.hpp"
#include "query.hpp"
#include "store.hpp"
#include "text_input.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

namespace mediate::fuzz {

/// The strict YAML loader, the emitter on whatever parsed, and the case
/// reader (the path of every case file a person may have edited).
inline void YamlRecord(std::string_view bytes) {
  std::string text(bytes);
  auto v = ParseYaml(text, "fuzz.yaml");
  if (v.ok()) (void)EmitYaml(*v);
  (void)ParseCaseText(text, "cases/2026/03/WBL-2026-000042.yaml", Vocabulary::Builtin());
}

/// A ledger's bytes as `import` reads them: the first byte picks CSV, TSV,
/// JSON Lines or YAML; the rest is detected (UTF-8 / GB18030), converted,
/// stripped of a BOM and read into a table.
inline void LedgerTable(std::string_view input) {
  if (input.empty()) return;
  static const LedgerFormat kFormats[] = {LedgerFormat::kCsv, LedgerFormat::kTsv,
                                          LedgerFormat::kJsonLines, LedgerFormat::kYaml};
  LedgerFormat f = kFormats[static_cast<unsigned char>(input[0]) % 4];
  std::string_view bytes = input.substr(1);
  std::string text(bytes);
  if (auto enc = DetectEncoding(bytes)) {
    auto u = ToUtf8(bytes, *enc, "fuzz.csv");
    if (!u.ok()) return;
    text = *u;
  }
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  (void)ReadLedgerTable(text, "fuzz.csv", f);
}

/// The filter grammar; each line of the input is one term.
inline void FilterTerms(std::string_view input) {
  std::vector<std::string> terms;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= input.size(); ++i) {
    if (i == input.size() || input[i] == '\n') {
      terms.emplace_back(input.substr(start, i - start));
      start = i + 1;
    }
  }
  (void)Filter::Parse(terms, nullptr,
                      [](const std::string& s) { return s.empty() ? s : s.substr(0, 1); });
}

}  // namespace mediate::fuzz
