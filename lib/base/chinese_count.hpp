// Counts in lower-case Chinese numerals (小写数字), as documents write
// numbers of copies and sessions: 一式三份, 第十二次.
#pragma once

#include <string>

namespace mediate {

/// `n` (0..99999) in Chinese numerals: 0 → "零", 3 → "三", 10 → "十",
/// 12 → "十二", 20 → "二十", 105 → "一百零五", 1010 → "一千零一十",
/// 10000 → "一万". "十" stands alone only from 10 to 19 (十二, but 一百一十).
/// Outside 0..99999 the Arabic digits.
std::string ChineseCount(int n);

}  // namespace mediate
