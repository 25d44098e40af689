// The address scanners of deidentify.hpp: building sequences, roads with a
// house number, and the record's own addresses.
#include <algorithm>

#include "deidentify.hpp"
#include "deidentify_scan.hpp"

namespace mediate {
namespace {

using scan::kMark;

struct Unit {
  std::u32string_view text;
  bool strong;  // identifies a dwelling by itself
};
// Longest first, so 号楼 wins over 号.
constexpr Unit kUnits[] = {{U"号楼", true}, {U"号院", false}, {U"单元", true}, {U"号", false},
                           {U"栋", false},  {U"幢", false},   {U"座", false},  {U"层", false},
                           {U"楼", false},  {U"室", true},    {U"户", true}};

// A number at `k`: digits, or digit groups joined by '-' (3-2-301).
std::size_t NumberEnd(const std::u32string& t, std::size_t k) {
  std::size_t j = k + scan::DigitRun(t, k);
  if (j == k) return k;
  while (j + 1 < t.size() && (t[j] == U'-' || t[j] == U'－') && IsDigitChar(t[j + 1]))
    j += 1 + scan::DigitRun(t, j + 1);
  return j;
}

struct Building {
  std::size_t end = 0;  // one past the sequence
  int parts = 0;
  bool strong = false;
  std::u32string_view first_unit;
};

// Numbers with units from `k`: 5号楼2单元301室, 3栋502, 12号院3号楼.
Building BuildingAt(const std::u32string& t, std::size_t k) {
  Building b{k, 0, false, {}};
  std::u32string_view last_unit;
  while (true) {
    std::size_t n = NumberEnd(t, k);
    if (n == k) break;
    const Unit* unit = nullptr;
    for (const Unit& u : kUnits)
      if (scan::At(t, n, u.text)) {
        unit = &u;
        break;
      }
    if (!unit) {
      // A bare room number after a building or entrance: 3栋502, 2单元301.
      bool after_block = last_unit == U"栋" || last_unit == U"幢" || last_unit == U"号楼" ||
                         last_unit == U"单元" || last_unit == U"座";
      if (after_block && n - k >= 3 && (n >= t.size() || !scan::IsAlnum(t[n]))) {
        b.end = n;
        ++b.parts;
      }
      break;
    }
    if (b.parts == 0) b.first_unit = unit->text;
    last_unit = unit->text;
    k = n + unit->text.size();
    b.end = k;
    ++b.parts;
    b.strong |= unit->strong;
  }
  // 2室1厅 describes a flat, it is not an address.
  if (b.parts == 1 && b.first_unit == U"室" && b.end < t.size() && IsDigitChar(t[b.end]))
    b.strong = false;
  return b;
}

bool IsRoadEnd(const std::u32string& t, std::size_t k, std::size_t* len) {
  if (scan::At(t, k, U"胡同")) {
    *len = 2;
    return true;
  }
  char32_t c = t[k];
  *len = 1;
  if (c == U'道' && k > 0 && t[k - 1] == U'街') return false;  // 街道: a street office
  return c == U'路' || c == U'街' || c == U'巷' || c == U'道' || c == U'弄';
}

constexpr std::u32string_view kRoadStops = U"住在于位到至往从的及与址处向近旁对即为是";
constexpr std::u32string_view kAdminEnds = U"省市区县旗镇乡村";
constexpr std::u32string_view kAdminWords[] = {U"街道", U"社区", U"居委会", U"村委会"};

// Where the road name ending at `k` starts (k itself when there is none);
// not before `floor`.
std::size_t RoadNameStart(const std::u32string& t, std::size_t k, std::size_t floor) {
  std::size_t s = k;
  while (s > floor && k - s < 6 && IsHan(t[s - 1]) &&
         kRoadStops.find(t[s - 1]) == std::u32string_view::npos &&
         kAdminEnds.find(t[s - 1]) == std::u32string_view::npos && !scan::EndsAt(t, s, U"街道"))
    --s;
  return s;
}

// The administrative prefix of an address ends after the last 省 … 村.
std::size_t AdminPrefixEnd(const std::u32string& a) {
  std::size_t end = 0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (kAdminEnds.find(a[k]) != std::u32string_view::npos) end = k + 1;
    for (auto w : kAdminWords)
      if (scan::At(a, k, w)) end = std::max(end, k + w.size());
  }
  return end;
}

}  // namespace

std::string RemoveStreetAddresses(const std::string& text) {
  std::u32string t = DecodeUtf8(text), out;
  std::size_t i = 0;
  std::size_t copied_from = 0;  // t[copied_from, i) is in `out` as it was
  while (i < t.size()) {
    std::size_t road_len = 0;
    if (IsHan(t[i]) && IsRoadEnd(t, i, &road_len)) {
      std::size_t after = i + road_len;
      Building b = BuildingAt(t, after);
      if (b.parts > 0 &&
          (b.first_unit == U"号" || b.first_unit == U"号院" || b.first_unit == U"号楼")) {
        std::size_t start = RoadNameStart(t, i, copied_from);
        // The name's characters were copied as they were; take them back.
        out.resize(out.size() - (i - start));
        out += kMark;
        i = copied_from = b.end;
        continue;
      }
    }
    if (IsDigitChar(t[i]) && (i == 0 || !IsDigitChar(t[i - 1]))) {
      Building b = BuildingAt(t, i);
      if (b.strong || b.parts >= 2) {
        out += kMark;
        i = copied_from = b.end;
        continue;
      }
      std::size_t n = NumberEnd(t, i);  // copy the whole number: no match inside it
      out.append(t, i, n - i);
      i = n;
      continue;
    }
    out += t[i++];
  }
  return EncodeUtf8(out);
}

std::string RemoveKnownAddresses(const std::string& text, const KnownIdentities& known) {
  std::vector<std::u32string> fragments;
  for (const auto& address : known.addresses) {
    std::u32string a = DecodeUtf8(address);
    std::size_t p = AdminPrefixEnd(a);
    if (p >= a.size()) continue;  // nothing below the community
    std::u32string tail = a.substr(p);
    fragments.push_back(tail);
    std::size_t digit = 0;
    while (digit < tail.size() && !IsDigitChar(tail[digit])) ++digit;
    std::u32string name = tail.substr(0, digit), number = tail.substr(digit);
    if (name.size() >= 2) fragments.push_back(name);
    if (!number.empty() && RemoveStreetAddresses(EncodeUtf8(number)) == kRemovedMark)
      fragments.push_back(number);
  }
  std::sort(fragments.begin(), fragments.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::u32string t = DecodeUtf8(text);
  for (const auto& f : fragments) scan::ReplaceAll(t, f, kMark);
  return EncodeUtf8(t);
}

}  // namespace mediate
