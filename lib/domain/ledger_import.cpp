#include "ledger_import.hpp"

#include "money.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_map>

#include "ledger_history.hpp"
#include "lifecycle.hpp"
#include "pii.hpp"
#include "text_input.hpp"
#include "vocab.hpp"

namespace mediate {
namespace {

// ---- columns -------------------------------------------------------------

/// Positions in LedgerColumns(), in its order.
enum Col : std::size_t {
  kRowNo,
  kReceived,
  kSource,
  kCategory,
  kApplicant,
  kApplicantId,
  kApplicantPhone,
  kRespondent,
  kRespondentId,
  kRespondentPhone,
  kSummary,
  kAmount,
  kPeople,
  kStreet,
  kCommunity,
  kGrid,
  kRisk,
  kLevel,
  kOutcome,
  kForm,
  kConcluded,
  kPerformance,
  kConfirmed,
  kVisited,
  kColCount,
};

/// The column of a history problem.
Col ColumnOf(HistoryField f) {
  switch (f) {
    case HistoryField::kLevel:
      return kLevel;
    case HistoryField::kOutcome:
      return kOutcome;
    case HistoryField::kForm:
      return kForm;
    case HistoryField::kConcluded:
      return kConcluded;
    case HistoryField::kPerformance:
      return kPerformance;
    case HistoryField::kConfirmed:
      return kConfirmed;
    case HistoryField::kVisited:
      return kVisited;
  }
  return kConcluded;
}

/// A field name as a header: lower-case ASCII, '_' read as ' '.
std::string FieldKey(std::string_view s) {
  std::string out = NormalizeCell(s);
  for (char& c : out) {
    if (c == '_') c = ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// Blank characters trimmed at the ends of a text cell (names, summary):
/// ASCII whitespace, U+3000, U+00A0, U+200B, U+FEFF. The text itself is
/// kept as written (no NFKC folding: "，" stays full-width in a summary).
std::string TrimText(std::string_view s) {
  static constexpr std::string_view kBlanks[] = {"\xE3\x80\x80", "\xC2\xA0", "\xE2\x80\x8B",
                                                 "\xEF\xBB\xBF"};
  auto ascii_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
  };
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (ascii_space(s.front())) {
      s.remove_prefix(1);
      changed = true;
      continue;
    }
    for (std::string_view b : kBlanks)
      if (s.starts_with(b)) {
        s.remove_prefix(b.size());
        changed = true;
        break;
      }
  }
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (ascii_space(s.back())) {
      s.remove_suffix(1);
      changed = true;
      continue;
    }
    for (std::string_view b : kBlanks)
      if (s.ends_with(b)) {
        s.remove_suffix(b.size());
        changed = true;
        break;
      }
  }
  return std::string(s);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

/// Could `id` (normalised) be a citizen ID number at all: 17 digits and a
/// digit or X, starting with a province code (11–83)? Such a string is
/// ambiguous with an all-digit credit code.
bool CitizenShaped(std::string_view id) {
  if (id.size() != 18 || !AllDigits(id.substr(0, 17))) return false;
  if (!(AllDigits(id.substr(17)) || id[17] == 'X')) return false;
  int p = (id[0] - '0') * 10 + (id[1] - '0');
  return p >= 11 && p <= 83;
}

/// "140109198001011234 has check character 4, …" when `problem` reads on
/// from the value (has/is/looks …), else "value: problem".
std::string ValueWith(const std::string& value, const std::string& problem) {
  for (std::string_view verb : {"has ", "is ", "looks "})
    if (problem.starts_with(verb)) return value + " " + problem;
  return value + ": " + problem;
}

std::string Plural(std::size_t n, const char* one, const char* many) {
  return GroupThousands(n) + " " + (n == 1 ? one : many);
}

/// "西铭街道" or "西铭街道 or 千峰街道" for a list of streets.
std::string OrList(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) s += i + 1 == names.size() ? " or " : ", ";
    s += names[i];
  }
  return s;
}

// ---- one row --------------------------------------------------------------

/// Reads one data row; reports to `sink`; returns the case when the row has
/// no error.
class RowReader {
 public:
  RowReader(const CsvTable& table, const CsvRecord& row, const std::array<int, kColCount>& cols,
            const Settings& settings, const AreaRegistry& areas, const OrgRegistry& orgs,
            const LedgerImportOptions& options, DiagnosticSink* sink)
      : table_(table),
        row_(row),
        cols_(cols),
        settings_(settings),
        areas_(areas),
        orgs_(orgs),
        options_(options),
        sink_(sink) {}

  std::optional<Case> Read(int data_row) {
    Case c;
    c.import.file = options_.source_name;
    c.import.row = RowNumber(data_row);

    Date received = ReceivedDate();
    c.source = Label(kSource, settings_.vocab.source(), true);
    c.category = Label(kCategory, settings_.vocab.category(), true);

    if (auto p = ReadParty(kApplicant, kApplicantId, kApplicantPhone, "applicant", true))
      c.parties.push_back(std::move(*p));
    if (auto p = ReadParty(kRespondent, kRespondentId, kRespondentPhone, "respondent", false))
      c.parties.push_back(std::move(*p));

    c.summary = TrimText(Raw(kSummary));
    if (c.summary.empty() && Has(kSummary))
      Error(kSummary, "is blank: say what the dispute is about");
    c.amount = Amount();
    c.people_involved = People();
    c.place = ReadPlace();
    c.risk = Label(kRisk, settings_.vocab.risk(), false);
    LedgerHistory history = ReadHistory(received);
    const Organisation* org = nullptr;
    if (!history.empty() && errors_ == 0) {
      auto found = SettlingOrganisation(history.level, c.place, orgs_);
      if (found.ok())
        org = *found;
      else
        Error(kLevel, Norm(kLevel) + ": " + found.status().message());
    }

    if (errors_ > 0 || !received.valid()) return std::nullopt;

    const TimeZone& tz = settings_.time_zone;
    c.received = tz.At(received);
    Event e;
    e.at = c.received;
    e.type = "received";
    e.by = options_.by;
    e.payload.Set("channel", Value::String("import"));
    c.events.push_back(std::move(e));
    if (org) AppendMigratedEvents(&c, history, *org, tz, options_.by);
    c.state = Replay(c, settings_).state;
    c.import.fingerprint = ImportFingerprint(c, tz);
    return c;
  }

  std::size_t errors() const { return errors_; }

 private:
  bool Has(Col col) const { return cols_[col] >= 0; }

  /// The cell as written (not trimmed), or its replacement from the
  /// mapping's value map; "" when the column is absent.
  std::string Raw(Col col) const {
    int i = cols_[col];
    if (i < 0 || static_cast<std::size_t>(i) >= row_.fields.size()) return {};
    const std::string& cell = row_.fields[static_cast<std::size_t>(i)];
    if (options_.mapping)
      if (const std::string* mapped = options_.mapping->MapValue(col, cell)) return *mapped;
    return cell;
  }
  /// The cell NFKC-folded and trimmed (codes, numbers, dates, labels).
  std::string Norm(Col col) const { return NormalizeCell(Raw(col)); }

  std::string FieldName(Col col) const {
    int i = cols_[col];
    std::string header =
        i >= 0 ? table_.header()[static_cast<std::size_t>(i)] : LedgerColumns()[col].header;
    return "column " + header + " (" + LedgerColumns()[col].field + ")";
  }
  void Error(Col col, std::string message) {
    ++errors_;
    sink_->Error(table_.Where(row_), FieldName(col), std::move(message));
  }
  void Warning(Col col, std::string message) {
    sink_->Warning(table_.Where(row_), FieldName(col), std::move(message));
  }

  int RowNumber(int data_row) {
    std::string s = Norm(kRowNo);
    if (s.empty()) return data_row;
    if (!AllDigits(s) || s.size() > 9 || std::stoi(s) < 1) {
      Error(kRowNo, "\"" + s + "\" is not a row number (a whole number, 1 or more)");
      return data_row;
    }
    return std::stoi(s);
  }

  Date ReceivedDate() {
    if (Norm(kReceived).empty()) {
      Error(kReceived, "is blank: every case has the date it was registered");
      return {};
    }
    return DateCell(kReceived);
  }

  /// A date cell: blank → invalid Date; not a date or in the future → error.
  Date DateCell(Col col) {
    std::string s = Norm(col);
    if (s.empty()) return {};
    auto d = ParseLedgerDate(s);
    if (!d) {
      Error(col, s + " is not a date");
      return {};
    }
    if (options_.today.valid() && *d > options_.today) {
      Error(col, s + " is in the future (today is " + options_.today.ToString() + ")");
      return {};
    }
    // Local practice: no ledger of a mediation committee predates 1980, and
    // earlier dates fall into the local-mean-time offsets of the tz database.
    static const Date kEarliest = *Date::FromYmd(1980, 1, 1);
    if (*d < kEarliest) {
      Error(col, s + " is before 1980-01-01: not a plausible date for a case");
      return {};
    }
    return *d;
  }

  /// The history cells (all optional), checked together (CheckHistory).
  LedgerHistory ReadHistory(Date received) {
    LedgerHistory h;
    const Vocabulary& v = settings_.vocab;
    std::size_t before = errors_;
    h.level = Label(kLevel, v.level(), false);
    h.outcome = Label(kOutcome, v.outcome(), false);
    h.form = Label(kForm, v.Get("agreement_form"), false);
    h.concluded = DateCell(kConcluded);
    h.performance = Label(kPerformance, v.Get("performance"), false);
    h.confirmed = DateCell(kConfirmed);
    h.visited = DateCell(kVisited);
    // A cell refused above counts as given: no "blank" errors on top.
    if (errors_ > before) return {};
    for (const HistoryProblem& p : CheckHistory(h, received)) {
      const Col col = ColumnOf(p.field);
      std::string message = p.message;
      if (col == kLevel || col == kOutcome || col == kForm || col == kPerformance)
        if (std::string value = Norm(col); !value.empty()) message = value + " " + message;
      if (p.severity == Severity::kError)
        Error(col, std::move(message));
      else
        Warning(col, std::move(message));
    }
    return h;
  }

  std::string Label(Col col, const VocabList& list, bool required) {
    std::string s = Norm(col);
    if (s.empty()) {
      if (required) Error(col, "is blank\n  known labels: " + list.ZhList());
      return {};
    }
    if (const Term* t = list.Resolve(s)) return t->code;
    Error(col, "unknown label \"" + s + "\"\n  known labels: " + list.ZhList());
    return {};
  }

  std::optional<Party> ReadParty(Col name_col, Col id_col, Col phone_col, const char* role,
                                 bool required) {
    std::string name = TrimText(Raw(name_col));
    std::string id = Norm(id_col);
    std::string phone = Norm(phone_col);
    if (name.empty()) {
      if (required) {
        Error(name_col, "is blank: every case names its applicant");
      } else if (!id.empty() || !phone.empty()) {
        Error(name_col, std::string("is blank, but the respondent's ") +
                            (id.empty() ? "phone" : "ID number") +
                            " is given: name the respondent");
      }
      return std::nullopt;
    }
    Party p;
    p.role = role;
    p.name = name;
    p.kind = ClassifyPartyKind(name, id);
    if (!id.empty()) {
      CreditCodeCheck cc = CheckCreditCode(id);
      IdNumberCheck ic = CheckCitizenId(id);
      if (p.kind == "organisation" && !cc.checksum_ok && ic.valid) {
        // A shop or sole trader (个体工商户) written with its owner's ID.
        p.id_number = ic.normalized;
      } else if (p.kind == "organisation") {
        if (!cc.well_formed) {
          Error(id_col, id + " is not a unified social credit code (GB 32100-2015): " + cc.problem);
        } else if (!cc.checksum_ok) {
          Warning(id_col, ValueWith(id, cc.problem) +
                              "; kept as written (some pilot-era codes fail the check)");
        }
        p.credit_code = cc.normalized;
      } else {
        if (!ic.valid) Error(id_col, ValueWith(id, ic.problem));
        p.id_number = ic.normalized;
      }
    }
    if (!phone.empty()) {
      if (auto n = NormalizePhone(phone)) {
        p.phone = *n;
      } else {
        Error(phone_col, "\"" + phone +
                             "\" is neither a mobile number (11 digits, 13…–19…) nor a landline "
                             "with its area code (0351-6012345)");
      }
    }
    return p;
  }

  std::optional<Money> Amount() {
    std::string s = Norm(kAmount);
    if (s.empty()) return std::nullopt;
    auto amount = ParseYuan(s);
    if (!amount) {
      Error(kAmount, "\"" + s + "\" is not an amount in yuan (like 3500 or 3,500.50)");
      return std::nullopt;
    }
    if (amount->fen() < 0) {
      Error(kAmount, s + " is negative: the amount involved is 0 or more");
      return std::nullopt;
    }
    return amount;
  }

  int People() {
    std::string s = Norm(kPeople);
    if (s.empty()) return 0;
    if (!AllDigits(s) || s.size() > 7 || std::stoi(s) < 1) {
      Error(kPeople, "\"" + s + "\" is not a number of people (a whole number, 1 or more)");
      return 0;
    }
    return std::stoi(s);
  }

  Place ReadPlace() {
    Place place;
    const Street* street = nullptr;
    std::string street_name = Norm(kStreet);
    if (street_name.empty()) {
      Error(kStreet, "is blank: every case lies in a street of the district");
    } else {
      street = areas_.StreetByName(street_name);
      if (!street && AllDigits(street_name)) street = areas_.FindStreet(street_name);
      if (!street) {
        std::string names;
        for (const auto& s : areas_.streets()) names += (names.empty() ? "" : ", ") + s.name;
        Error(kStreet, "unknown street \"" + street_name + "\"\n  known streets: " + names);
      } else {
        place.street = street->code;
      }
    }

    const Community* community = nullptr;
    std::string community_name = Norm(kCommunity);
    if (!community_name.empty()) {
      auto found = areas_.CommunitiesByName(community_name);
      if (found.empty() && AllDigits(community_name))
        if (const Community* byc = areas_.FindCommunity(community_name)) found.push_back(byc);
      std::vector<const Community*> in_street;
      for (const Community* c : found)
        if (!street || areas_.StreetOfCommunity(c->code) == street) in_street.push_back(c);
      if (in_street.size() == 1) {
        community = in_street.front();
      } else if (in_street.size() > 1) {
        std::string codes;
        for (const Community* c : in_street) codes += (codes.empty() ? "" : ", ") + c->code;
        Error(kCommunity, community_name + " names more than one community (" + codes +
                              "); write the official name");
      } else if (!found.empty()) {
        std::vector<std::string> streets;
        for (const Community* c : found)
          if (const Street* s = areas_.StreetOfCommunity(c->code)) streets.push_back(s->name);
        Error(kCommunity,
              community_name + " is in " + OrList(streets) + ", not in " + street->name);
      } else if (street) {
        std::string names;
        for (const auto& c : street->communities)
          names += (names.empty() ? "" : ", ") + c.short_name;
        Error(kCommunity, "unknown community \"" + community_name + "\" in " + street->name +
                              "\n  its communities: " + names);
      } else {
        Error(kCommunity, "unknown community \"" + community_name + "\"");
      }
      if (community) place.community = community->code;
    }

    std::string grid_code = Norm(kGrid);
    if (!grid_code.empty()) {
      const Grid* grid = areas_.FindGrid(grid_code);
      if (!grid) {
        std::string why = "unknown grid " + grid_code;
        if (grid_code.find("E+") != std::string::npos)
          why +=
              " (Excel turned the code into scientific notation: format the column as text "
              "and enter the code again)";
        else if (!AllDigits(grid_code) || grid_code.size() != 15)
          why += " (a grid code has 15 digits: the community's 12 and a 3-digit number)";
        Error(kGrid, why);
      } else {
        const Community* owner = areas_.CommunityOfGrid(grid->code);
        if (community) {
          if (owner != community)
            Error(kGrid, grid->code + " is a grid of " + (owner ? owner->short_name : "?") +
                             ", not of " + community->short_name);
        } else if (community_name.empty() && owner) {
          // A blank community is the grid's, which must lie in the street.
          const Street* s = areas_.StreetOfCommunity(owner->code);
          if (street && s != street)
            Error(kGrid, grid->code + " is a grid of " + owner->short_name + " in " +
                             (s ? s->name : "?") + ", not in " + street->name);
          else
            place.community = owner->code;
        }
        place.grid = grid->code;
      }
    }
    return place;
  }

  const CsvTable& table_;
  const CsvRecord& row_;
  const std::array<int, kColCount>& cols_;
  const Settings& settings_;
  const AreaRegistry& areas_;
  const OrgRegistry& orgs_;
  const LedgerImportOptions& options_;
  DiagnosticSink* sink_;
  std::size_t errors_ = 0;
};

// ---- SHA-256 (FIPS 180-4) ---------------------------------------------------

class Sha256 {
 public:
  void Update(std::string_view data) {
    for (unsigned char ch : data) {
      block_[used_++] = ch;
      if (used_ == 64) {
        Compress();
        used_ = 0;
      }
    }
    length_ += data.size();
  }

  std::string HexDigest() {
    std::uint64_t bits = length_ * 8;
    block_[used_++] = 0x80;
    if (used_ > 56) {
      while (used_ < 64) block_[used_++] = 0;
      Compress();
      used_ = 0;
    }
    while (used_ < 56) block_[used_++] = 0;
    for (int i = 7; i >= 0; --i) block_[used_++] = static_cast<unsigned char>(bits >> (i * 8));
    Compress();
    std::string hex;
    static constexpr char kDigits[] = "0123456789abcdef";
    for (std::uint32_t v : h_)
      for (int i = 28; i >= 0; i -= 4) hex += kDigits[(v >> i) & 0xF];
    return hex;
  }

 private:
  static std::uint32_t Rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

  void Compress() {
    static constexpr std::uint32_t kK[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
      w[i] = (std::uint32_t{block_[i * 4]} << 24) | (std::uint32_t{block_[i * 4 + 1]} << 16) |
             (std::uint32_t{block_[i * 4 + 2]} << 8) | std::uint32_t{block_[i * 4 + 3]};
    for (int i = 16; i < 64; ++i) {
      std::uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      std::uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6],
                  h = h_[7];
    for (int i = 0; i < 64; ++i) {
      std::uint32_t s1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
      std::uint32_t ch = (e & f) ^ (~e & g);
      std::uint32_t t1 = h + s1 + ch + kK[i] + w[i];
      std::uint32_t s0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
      std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      std::uint32_t t2 = s0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
    h_[5] += f;
    h_[6] += g;
    h_[7] += h;
  }

  std::uint32_t h_[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  unsigned char block_[64] = {};
  std::size_t used_ = 0;
  std::uint64_t length_ = 0;
};

}  // namespace

// ---- public ----------------------------------------------------------------

const std::vector<LedgerColumn>& LedgerColumns() {
  static const std::vector<LedgerColumn> kColumns = {
      {"序号", {"编号"}, "row", false},
      {"登记日期", {"受理日期", "登记时间"}, "received", true},
      {"案件来源", {"来源", "纠纷来源"}, "source", true, "source"},
      {"纠纷类型", {"纠纷类别", "案件类型"}, "category", true, "category"},
      {"申请人", {"申请人姓名", "申请人名称"}, "applicant name", true},
      {"申请人证件号码", {"申请人身份证号", "申请人身份证号码"}, "applicant ID", false},
      {"申请人电话", {"申请人联系电话"}, "applicant phone", false},
      {"被申请人", {"被申请人姓名", "被申请人名称"}, "respondent name", false},
      {"被申请人证件号码", {"被申请人身份证号", "被申请人身份证号码"}, "respondent ID", false},
      {"被申请人电话", {"被申请人联系电话"}, "respondent phone", false},
      {"纠纷简要情况", {"简要情况", "纠纷情况"}, "summary", true},
      {"涉及金额(元)", {"涉及金额", "金额(元)", "金额", "标的额(元)"}, "amount", false},
      {"涉及人数", {"人数"}, "people_involved", false},
      {"所属街道", {"街道", "所属街道(乡镇)"}, "street", true},
      {"所属社区", {"社区", "所属社区(村)", "所属村(社区)"}, "community", false},
      {"网格编号", {"网格", "网格代码"}, "grid", false},
      {"风险等级", {"风险"}, "risk", false, "risk"},
      {"化解层级", {"调处层级", "调解层级", "化解级别"}, "level", false, "level"},
      {"调解结果", {"结果", "处理结果", "调处结果"}, "outcome", false, "outcome"},
      {"协议形式", {"协议类型"}, "form", false, "agreement_form"},
      {"结案日期", {"调结日期", "办结日期", "结案时间"}, "concluded", false},
      {"履行情况", {"履行"}, "performance", false, "performance"},
      {"司法确认日期", {"司法确认", "司法确认时间"}, "confirmed", false},
      {"回访日期", {"回访时间"}, "visited", false},
  };
  return kColumns;
}

int FindLedgerColumn(std::string_view name) {
  const auto& columns = LedgerColumns();
  std::string h = NormalizeCell(name);
  if (h.empty()) return -1;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (NormalizeCell(columns[c].header) == h) return static_cast<int>(c);
    for (const auto& a : columns[c].aliases)
      if (NormalizeCell(a) == h) return static_cast<int>(c);
  }
  std::string key = FieldKey(name);
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (FieldKey(columns[c].field) == key) return static_cast<int>(c);
  return -1;
}

std::string LedgerImport::Summary() const {
  if (error_count == 0) return {};
  std::string where = error_rows == 0 ? "in the header" : "in " + Plural(error_rows, "row", "rows");
  return Plural(error_count, "error", "errors") + " " + where + "; nothing was imported.";
}

Status LedgerImport::ToStatus() const {
  if (ok()) return Status::Ok();
  return Status::Rejected(Summary(), diagnostics);
}

LedgerImport ImportLedger(const CsvTable& table, const Settings& settings,
                          const AreaRegistry& areas, const OrgRegistry& orgs,
                          const LedgerImportOptions& options) {
  LedgerImport out;
  DiagnosticSink sink;
  const auto& columns = LedgerColumns();
  const Location header_at{options.display_name, 1, 0};

  // Map the header to columns.
  std::array<int, kColCount> cols;
  cols.fill(-1);
  std::vector<bool> mapped_seen;
  for (std::size_t i = 0; i < table.header().size(); ++i) {
    std::string h = NormalizeCell(table.header()[i]);
    if (h.empty() || h == kRejectsErrorColumn) continue;
    int c = -1;
    if (options.mapping && options.mapping->MapColumn(h, &c)) {
      if (c < 0) continue;  // mapped to "ignore"
    } else {
      c = FindLedgerColumn(h);
    }
    if (c < 0) {
      sink.Warning(header_at, "column " + table.header()[i],
                   "is not a ledger column; not imported");
    } else if (cols[static_cast<std::size_t>(c)] >= 0) {
      sink.Error(
          header_at, "column " + table.header()[i],
          "names the " + columns[static_cast<std::size_t>(c)].field + " column again (first as " +
              table.header()[static_cast<std::size_t>(cols[static_cast<std::size_t>(c)])] + ")");
    } else {
      cols[static_cast<std::size_t>(c)] = static_cast<int>(i);
    }
  }
  if (options.mapping) {
    for (const auto& [header, c] : options.mapping->columns) {
      bool present = false;
      for (const auto& h : table.header()) present = present || NormalizeCell(h) == header;
      if (!present)
        sink.Warning({options.mapping->file, 0, 0}, "columns." + header,
                     "the ledger has no column " + header + "; mapping not used");
    }
  }
  std::string missing;
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].required && cols[c] < 0)
      missing += (missing.empty() ? "" : ", ") + columns[c].header;
  if (!missing.empty()) {
    std::string found;
    for (const auto& h : table.header()) found += (found.empty() ? "" : ",") + h;
    sink.Error(header_at, "", "missing column(s) " + missing + "; the header is: " + found);
  }
  if (sink.has_errors()) {
    out.header_ok = false;
    out.error_count = sink.error_count();
    out.diagnostics = std::move(sink.items());
    return out;
  }

  const std::size_t width = table.header().size();
  const std::size_t total = table.rows().size();
  if (total == 0) {
    sink.Error(header_at, "", "the ledger has no rows below its header");
    out.header_ok = false;
    out.error_count = sink.error_count();
    out.diagnostics = std::move(sink.items());
    return out;
  }
  out.rows = total;
  std::unordered_map<std::string, std::size_t> seen;  // fingerprint → index in `cases`
  std::vector<LedgerCase> cases;
  cases.reserve(total);
  for (std::size_t r = 0; r < total; ++r) {
    const CsvRecord& row = table.rows()[r];
    const Location at{options.display_name, row.line, 0};
    const std::size_t errors_before = sink.error_count();
    const std::size_t items_before = sink.items().size();
    std::size_t extra = 0;
    for (std::size_t i = width; i < row.fields.size(); ++i)
      if (!TrimText(row.fields[i]).empty()) ++extra;
    if (row.fields.size() < width || extra > 0) {
      std::string msg = "the row has " + std::to_string(row.fields.size()) +
                        " cells; the header has " + std::to_string(width);
      msg += row.fields.size() < width ? " (a cell is missing or the row is cut short)"
                                       : " (an unquoted comma inside a cell?)";
      sink.Error(at, "", msg);
      ++out.error_rows;
    } else {
      RowReader reader(table, row, cols, settings, areas, orgs, options, &sink);
      std::optional<Case> c = reader.Read(static_cast<int>(r + 1));
      if (reader.errors() > 0) {
        ++out.error_rows;
      } else if (c) {
        auto it = seen.find(c->import.fingerprint);
        if (it != seen.end()) {
          const LedgerCase& first = cases[it->second];
          sink.Warning(at, "",
                       "same registration date, parties, category and summary as row " +
                           std::to_string(first.record.import.row) + " (line " +
                           std::to_string(first.line) + "); imported once");
          ++out.repeated;
        } else {
          seen.emplace(c->import.fingerprint, cases.size());
          if (c->migrated) ++out.migrated;
          cases.push_back({row.line, std::move(*c)});
        }
      }
    }
    if (sink.error_count() > errors_before) {
      LedgerReject reject{r, row.line, {}};
      for (std::size_t i = items_before; i < sink.items().size(); ++i)
        if (sink.items()[i].severity == Severity::kError) reject.errors.push_back(sink.items()[i]);
      out.rejected.push_back(std::move(reject));
    }
    if (options.progress) options.progress(r + 1, total);
  }
  out.error_count = sink.error_count();
  out.diagnostics = std::move(sink.items());
  if (out.error_count == 0 || options.keep_valid_rows) {
    out.cases = std::move(cases);
  } else {
    out.migrated = 0;
  }
  return out;
}

bool LooksLikeOrganisationName(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {
      "公司", "厂",     "中心",   "合作社", "委员会", "居委会", "村委会",   "店",
      "医院", "卫生院", "诊所",   "门诊部", "学校",   "幼儿园", "学院",     "大学",
      "中学", "小学",   "银行",   "事务所", "协会",   "商会",   "集团",     "酒店",
      "宾馆", "超市",   "物业",   "工作室", "研究所", "基金会", "合伙企业", "个体工商户",
      "分行", "支行",   "分公司", "车队",   "工程队", "局",     "办事处"};
  std::string n = TrimText(name);
  for (std::string_view s : kSuffixes)
    if (EndsWith(n, s) && n.size() > s.size()) return true;
  return false;
}

std::string ClassifyPartyKind(std::string_view name, std::string_view identifier) {
  if (LooksLikeOrganisationName(name)) return "organisation";
  std::string id = NormalizeCell(identifier);
  if (id.empty()) return "person";
  if (CheckCitizenId(id).valid) return "person";
  CreditCodeCheck cc = CheckCreditCode(id);
  if (cc.well_formed && (cc.checksum_ok || !CitizenShaped(cc.normalized))) return "organisation";
  return "person";
}

std::string FingerprintContent(const Case& c, const TimeZone& tz) {
  auto fold = [](std::string_view s) {
    std::string folded = NormalizeCell(s);
    std::string out;
    bool space = false;
    for (char ch : folded) {
      if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += ch;
    }
    return out;
  };
  std::string s = "fingerprint/1\n";
  s += "received " + tz.LocalDate(c.received).ToString() + "\n";
  for (const Party& p : c.parties) {
    std::string key = !p.credit_code.empty() ? p.credit_code : p.id_number;
    for (char& ch : key)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (key.empty()) key = "name:" + fold(p.name);
    s += p.role + " " + key + "\n";
  }
  s += "category " + c.category + "\n";
  s += "summary " + fold(c.summary) + "\n";
  return s;
}

std::string ImportFingerprint(const Case& c, const TimeZone& tz) {
  return Sha256Hex(FingerprintContent(c, tz));
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.HexDigest();
}

std::size_t DropAlreadyImported(std::vector<LedgerCase>* cases,
                                const std::unordered_set<std::string>& existing) {
  std::size_t before = cases->size();
  std::erase_if(*cases, [&](const LedgerCase& lc) {
    return existing.count(lc.record.import.fingerprint) > 0;
  });
  return before - cases->size();
}

std::string ImportCommitMessage(std::size_t count, const std::string& source_name) {
  return "import: " + Plural(count, "case", "cases") + " from " + source_name +
         "\n\nMediate-Action: import\nMediate-Source: " + source_name + "\n";
}

std::string GroupThousands(std::size_t n) {
  return GroupDigits(static_cast<std::int64_t>(n));  // counts stay far below 2^63
}

}  // namespace mediate
