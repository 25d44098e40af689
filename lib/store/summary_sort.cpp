#include "summary_sort.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace mediate {

void SortSummariesById(std::vector<CaseSummary>* cases) {
  auto by_id = [](const CaseSummary& a, const CaseSummary& b) { return a.id < b.id; };
  if (std::is_sorted(cases->begin(), cases->end(), by_id)) return;
  struct Key {
    char id[24];
    std::uint32_t at;
  };
  std::vector<Key> keys(cases->size());
  bool fits = true;
  for (std::size_t i = 0; i < cases->size(); ++i) {
    const std::string& id = (*cases)[i].id;
    fits = fits && id.size() < sizeof keys[i].id && id.find('\0') == std::string::npos;
    std::memset(keys[i].id, 0, sizeof keys[i].id);
    std::memcpy(keys[i].id, id.data(), std::min(id.size(), sizeof keys[i].id - 1));
    keys[i].at = static_cast<std::uint32_t>(i);
  }
  if (fits) {
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
      int c = std::memcmp(a.id, b.id, sizeof a.id);
      return c != 0 ? c < 0 : a.at < b.at;
    });
  } else {
    std::stable_sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
      return (*cases)[a.at].id < (*cases)[b.at].id;
    });
  }
  // Apply the permutation cycle by cycle (a second vector of summaries
  // would double the peak memory of a large store).
  std::vector<std::uint32_t> from(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) from[i] = keys[i].at;
  keys.clear();
  keys.shrink_to_fit();
  auto& v = *cases;
  for (std::size_t start = 0; start < v.size(); ++start) {
    if (from[start] == start) continue;
    CaseSummary held = std::move(v[start]);
    std::size_t j = start;
    for (;;) {
      std::size_t k = from[j];
      from[j] = static_cast<std::uint32_t>(j);
      if (k == start) {
        v[j] = std::move(held);
        break;
      }
      v[j] = std::move(v[k]);
      j = k;
    }
  }
}

}  // namespace mediate
