#include "file_number.hpp"

#include "case_record.hpp"
#include "i18n.hpp"

namespace mediate {
namespace {

constexpr std::string_view kOpen = "（";
constexpr std::string_view kClose = "）";
constexpr std::string_view kDi = "第";
constexpr std::string_view kHao = "号";

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return true;
}

}  // namespace

std::string FormatFileNumber(std::string_view word, int year, int sequence) {
  std::string out(kOpen);
  out += std::to_string(year);
  out += kClose;
  out += word;
  out += kDi;
  out += std::to_string(sequence);
  out += kHao;
  return out;
}

std::optional<FileNumberParts> ParseFileNumber(std::string_view text) {
  if (!text.starts_with(kOpen) || !text.ends_with(kHao)) return std::nullopt;
  text.remove_prefix(kOpen.size());
  text.remove_suffix(kHao.size());
  std::string_view year = text.substr(0, 4);
  if (year.size() != 4 || !AllDigits(year)) return std::nullopt;
  text.remove_prefix(4);
  if (!text.starts_with(kClose)) return std::nullopt;
  text.remove_prefix(kClose.size());
  std::size_t di = text.rfind(kDi);
  if (di == std::string_view::npos || di == 0) return std::nullopt;
  std::string_view word = text.substr(0, di), number = text.substr(di + kDi.size());
  if (!AllDigits(number) || number.front() == '0' || number.size() > 9) return std::nullopt;
  for (std::string_view bracket : {"（", "）", "(", ")", "〔", "〕", "[", "]"})
    if (word.find(bracket) != std::string_view::npos) return std::nullopt;
  FileNumberParts parts;
  parts.year = std::stoi(std::string(year));
  parts.word = std::string(word);
  parts.sequence = std::stoi(std::string(number));
  return parts;
}

std::string FileNumberWord(std::string_view office, const OfficeRegistry& offices,
                           const Settings& settings) {
  auto it = offices.find(office);
  if (it != offices.end() && !it->second.file_no_word.empty()) return it->second.file_no_word;
  if (!settings.file_no_word.empty()) return settings.file_no_word;
  return std::string(kDefaultFileNumberWord);
}

std::string DerivedFileNumber(const std::string& id, const OfficeRegistry& offices,
                              const Settings& settings) {
  std::string office;
  int year = 0, sequence = 0;
  if (!ParseCaseId(id, &office, &year, &sequence)) return "";
  return FormatFileNumber(FileNumberWord(office, offices, settings), year, sequence);
}

std::string FileNumber(const std::string& id, const std::string& stored,
                       const OfficeRegistry& offices, const Settings& settings) {
  if (!stored.empty()) return stored;
  return DerivedFileNumber(id, offices, settings);
}

std::string FileNumber(const Case& c, const OfficeRegistry& offices, const Settings& settings) {
  return FileNumber(c.id, c.file_no, offices, settings);
}

std::optional<FileNumberProblem> CheckFileNumber(const std::string& id,
                                                 const std::string& file_no) {
  if (file_no.empty()) return std::nullopt;
  auto parts = ParseFileNumber(file_no);
  if (!parts)
    return FileNumberProblem{true,
                             Tr("\"{0}\" is not a file number: it reads （YYYY）<word>第N号, like "
                                "（2026）万小人调字第12号",
                                file_no)};
  int year = 0, sequence = 0;
  if (!ParseCaseId(id, nullptr, &year, &sequence)) return std::nullopt;
  if (parts->year == year && parts->sequence == sequence) return std::nullopt;
  return FileNumberProblem{
      false, Tr("{0} has year {1} and number {2}, the case id {3} year {4} and number {5}: "
                "check that it is this case's file number",
                file_no, parts->year, parts->sequence, id, year, sequence)};
}

std::string RenumberFileNumber(Case* c, const std::string& old_id, const OfficeRegistry& offices,
                               const Settings& settings) {
  if (c->file_no.empty() || c->file_no != DerivedFileNumber(old_id, offices, settings)) return "";
  std::string before = std::move(c->file_no);
  c->file_no = DerivedFileNumber(c->id, offices, settings);
  return before;
}

}  // namespace mediate
