#include "chinese_count.hpp"

namespace mediate {

std::string ChineseCount(int n) {
  static constexpr const char* kDigit[] = {"零", "一", "二", "三", "四",
                                           "五", "六", "七", "八", "九"};
  static constexpr const char* kUnit[] = {"万", "千", "百", "十", ""};
  static constexpr int kPlace[] = {10000, 1000, 100, 10, 1};
  if (n < 0 || n > 99999) return std::to_string(n);
  if (n == 0) return kDigit[0];
  std::string out;
  bool zero = false;
  for (int i = 0; i < 5; ++i) {
    int d = n / kPlace[i] % 10;
    if (d == 0) {
      zero = !out.empty();
      continue;
    }
    if (zero) out += kDigit[0];
    if (!(d == 1 && i == 3 && out.empty())) out += kDigit[d];
    out += kUnit[i];
    zero = false;
  }
  return out;
}

}  // namespace mediate
