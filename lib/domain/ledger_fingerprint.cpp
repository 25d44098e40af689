#include "ledger_fingerprint.hpp"

#include "sha256.hpp"
#include "text_input.hpp"

namespace mediate {

std::string FingerprintContent(const Case& c, const TimeZone& tz) {
  auto fold = [](std::string_view s) {
    std::string folded = NormalizeCell(s);
    std::string out;
    bool space = false;
    for (char ch : folded) {
      if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += ch;
    }
    return out;
  };
  std::string s = "fingerprint/1\n";
  s += "received " + tz.LocalDate(c.received).ToString() + "\n";
  for (const Party& p : c.parties) {
    std::string key = !p.credit_code.empty() ? p.credit_code : p.id_number;
    for (char& ch : key)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (key.empty()) key = "name:" + fold(p.name);
    s += p.role + " " + key + "\n";
  }
  s += "category " + c.category + "\n";
  s += "summary " + fold(c.summary) + "\n";
  return s;
}

std::string ImportFingerprint(const Case& c, const TimeZone& tz) {
  return Sha256Hex(FingerprintContent(c, tz));
}

std::string KeyedImportFingerprint(const Case& c, const TimeZone& tz, const SecretKey& key) {
  return HmacHex(key, FingerprintContent(c, tz));
}
}  // namespace mediate
