#include "documents.hpp"

#include "case_record.hpp"

namespace mediate {

std::string FileNumber(const Case& c, const Settings& settings) {
  if (!c.file_no.empty()) return c.file_no;
  std::string office;
  int year = 0, seq = 0;
  if (!ParseCaseId(c.id, &office, &year, &seq)) return "";
  std::string word = settings.file_no_word.empty() ? "人调字" : settings.file_no_word;
  return "(" + std::to_string(year) + ")" + word + "第" + std::to_string(seq) + "号";
}

std::string ChineseDate(Date d) {
  if (!d.valid()) return "";
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}

}  // namespace mediate
