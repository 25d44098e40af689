#include "party_lookup.hpp"

#include "case.hpp"
#include "pii.hpp"
#include "text_input.hpp"

namespace mediate {

std::string NormalizeLookupName(std::string_view name) {
  std::string folded = NormalizeCell(name);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded)
    if (c != ' ' && c != '\t') out.push_back(c);
  return out;
}

std::string NormalizeLookupNumber(std::string_view number) {
  std::string folded = NormalizeCell(number);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  if (out.rfind("+86", 0) == 0)
    out.erase(0, 3);
  else if (out.rfind("0086", 0) == 0 && out.size() > 11)
    out.erase(0, 4);
  return out;
}

std::string MaskPartyKey(const std::string& key) {
  auto bar = key.find('|');
  if (bar != std::string::npos) {
    std::string phone = key.substr(bar + 1);
    return key.substr(0, bar) + "|" + (phone.empty() ? std::string() : MaskPhone(phone));
  }
  if (CheckCitizenId(key).valid) return MaskIdNumber(key);
  if (CheckCreditCode(key).well_formed) return MaskCreditCode(key);
  return MaskIdNumber(key);
}

std::string PartyKey(const Party& p) {
  if (!p.id_number.empty()) return p.id_number;
  if (!p.credit_code.empty()) return p.credit_code;
  return p.name + "|" + p.phone;
}

}  // namespace mediate
