#include "case_ids.hpp"

#include "i18n.hpp"

#include <algorithm>
#include <string_view>

namespace mediate {
namespace {

/// "WBL-2026-000042.yaml" → office "WBL" (a view into `name`), year 2026,
/// sequence 42 (as ParseCaseId reads the id, without copying it); false for
/// any other name. A scan calls it once per case file.
bool SplitCaseFileName(std::string_view name, std::string_view* office, int* year, int* seq) {
  constexpr std::string_view kTail = ".yaml";
  if (name.size() <= kTail.size() + 12 || name.substr(name.size() - kTail.size()) != kTail)
    return false;
  name.remove_suffix(kTail.size());
  const std::size_t d1 = name.size() - 12;  // OFFICE "-" YYYY "-" NNNNNN
  if (d1 == 0 || name[d1] != '-' || name[d1 + 5] != '-') return false;
  for (std::size_t i = 0; i < d1; ++i)
    if (!((name[i] >= 'A' && name[i] <= 'Z') || (name[i] >= '0' && name[i] <= '9'))) return false;
  int y = 0, n = 0;
  for (std::size_t i = d1 + 1; i < d1 + 5; ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
    y = y * 10 + (name[i] - '0');
  }
  for (std::size_t i = d1 + 6; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
    n = n * 10 + (name[i] - '0');
  }
  if (n == 0) return false;
  *office = name.substr(0, d1);
  *year = y;
  *seq = n;
  return true;
}

}  // namespace

void CaseIdTally::Saw(std::uint16_t* first, const std::string& name, std::uint16_t folder) {
  if (*first == 0) {
    *first = folder;
    return;
  }
  auto& folders = repeated_[name];
  if (folders.empty()) folders.push_back(*first);
  folders.push_back(folder);
}

void CaseIdTally::Add(const std::string& dir, const std::vector<std::string>& names) {
  std::lock_guard<std::mutex> lock(mu_);
  if (dirs_.size() >= 0xFFFF) return;  // beyond any store: 5,000 years of months
  dirs_.push_back(dir);
  const auto folder = static_cast<std::uint16_t>(dirs_.size());
  std::string_view office, last_office;
  int year = 0, seq = 0, last_year = 0;
  std::vector<std::uint16_t>* folders = nullptr;  // of the office and year of the name before
  for (const auto& name : names) {
    if (!SplitCaseFileName(name, &office, &year, &seq)) {
      Saw(&others_[name], name, folder);
      continue;
    }
    if (!folders || office != last_office || year != last_year) {  // names come sorted
      folders = &seen_[std::string(office) + "-" + std::to_string(year)];
      last_office = office;
      last_year = year;
    }
    if (folders->size() <= static_cast<std::size_t>(seq))  // doubling: sequences come in order
      folders->resize(std::max<std::size_t>(seq + 1, folders->size() * 2), 0);
    Saw(&(*folders)[seq], name, folder);
  }
}

std::vector<DuplicateCaseId> CaseIdTally::Duplicates() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<DuplicateCaseId> out;
  for (const auto& [name, folders] : repeated_) {
    DuplicateCaseId d;
    d.id = name.substr(0, name.size() - 5);
    for (std::uint16_t f : folders) d.paths.push_back(dirs_[f - 1] + "/" + name);
    std::sort(d.paths.begin(), d.paths.end());
    out.push_back(std::move(d));
  }
  return out;
}

std::string DuplicateCaseIdMessage(const DuplicateCaseId& d) {
  std::string files;
  for (std::size_t i = 0; i < d.paths.size(); ++i)
    files += (i == 0 ? "" : i + 1 == d.paths.size() ? _(" and ") : _(", ")) + d.paths[i];
  return TrN("case id {0} is held by {1} file: {2}; give one a new id with 'mediate renumber {0}'",
             "case id {0} is held by {1} files: {2}; give one a new id with 'mediate renumber {0}'",
             d.paths.size(), d.id, d.paths.size(), files);
}

Status RefuseDuplicateCaseIds(const std::vector<DuplicateCaseId>& duplicates) {
  if (duplicates.empty()) return Status::Ok();
  std::vector<Diagnostic> diags;
  for (const auto& d : duplicates)
    for (const auto& p : d.paths) {
      std::string others;
      for (const auto& q : d.paths)
        if (q != p) others += (others.empty() ? "" : _(", ")) + q;
      diags.push_back(
          {Severity::kError, {p, 0, 0}, "id", Tr("case id {0} is also held by {1}", d.id, others)});
    }
  std::string msg = DuplicateCaseIdMessage(duplicates.front());
  if (duplicates.size() > 1)
    msg = TrN("{0} (and {1} other duplicated id: mediate validate lists them)",
              "{0} (and {1} other duplicated ids: mediate validate lists them)",
              duplicates.size() - 1, msg, duplicates.size() - 1);
  return Status::Rejected(msg, std::move(diags));
}

}  // namespace mediate
