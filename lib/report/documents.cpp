#include "documents.hpp"

namespace mediate {

std::string ChineseDate(Date d) {
  if (!d.valid()) return "";
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}

}  // namespace mediate
