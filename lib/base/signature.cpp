#include "signature.hpp"

namespace mediate {
namespace {

bool HasControl(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::optional<Signature> Signature::Parse(const std::string& text,
                                          const std::string& fallback_email) {
  std::string t = Trim(text);
  size_t lt = t.find('<');
  size_t gt = t.find('>');
  Signature sig;
  if (lt == std::string::npos && gt == std::string::npos) {
    sig.name = t;
    sig.email = Trim(fallback_email);
  } else {
    if (lt == std::string::npos || gt == std::string::npos || gt < lt) return std::nullopt;
    if (t.find('<', lt + 1) != std::string::npos || t.find('>', gt + 1) != std::string::npos)
      return std::nullopt;
    if (gt != t.size() - 1) return std::nullopt;  // text after '>'
    sig.name = Trim(t.substr(0, lt));
    sig.email = Trim(t.substr(lt + 1, gt - lt - 1));
    if (sig.email.empty()) return std::nullopt;
  }
  if (sig.name.empty() || HasControl(sig.name) || HasControl(sig.email)) return std::nullopt;
  if (sig.email.find_first_of("<>") != std::string::npos) return std::nullopt;
  return sig;
}

std::string Signature::ToString() const { return name + " <" + email + ">"; }

}  // namespace mediate
