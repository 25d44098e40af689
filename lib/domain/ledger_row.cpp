#include "ledger_row.hpp"

#include <string>
#include <utility>
#include <vector>

#include "i18n.hpp"
#include "ledger_cells.hpp"
#include "ledger_fingerprint.hpp"
#include "ledger_history.hpp"
#include "ledger_party.hpp"
#include "lifecycle.hpp"
#include "money.hpp"
#include "pii.hpp"
#include "text_input.hpp"
#include "vocab.hpp"

namespace mediate {
namespace {

using namespace ledger_col;

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

/// "140109198001011234 has check character 4, …" when `problem` reads on
/// from the value (has/is/looks …), else "value: problem".
std::string ValueWith(const std::string& value, const std::string& problem) {
  for (std::string_view verb : {"has ", "is ", "looks "})
    if (problem.starts_with(verb)) return value + " " + problem;
  return value + ": " + problem;
}

/// The columns of one party's role in a ledger. kColCount stands for a
/// column the role does not have (a third party has no ethnicity column).
struct PartyColumns {
  const char* role;  ///< applicant | respondent | third_party
  const char* noun;  ///< in messages (N_, translated where shown): "applicant", "third party"
  bool required;     ///< every case names one
  Col name, id, phone, address, ethnicity, occupation, representative, representative_title, agent,
      agent_phone;
};

const PartyColumns kPartyColumns[] = {
    {"applicant", N_("applicant"), true, kApplicant, kApplicantId, kApplicantPhone,
     kApplicantAddress, kApplicantEthnicity, kApplicantOccupation, kApplicantRepresentative,
     kApplicantRepresentativeTitle, kApplicantAgent, kApplicantAgentPhone},
    {"respondent", N_("respondent"), false, kRespondent, kRespondentId, kRespondentPhone,
     kRespondentAddress, kRespondentEthnicity, kRespondentOccupation, kRespondentRepresentative,
     kRespondentRepresentativeTitle, kRespondentAgent, kRespondentAgentPhone},
    {"third_party", N_("third party"), false, kThirdParty, kThirdPartyId, kThirdPartyPhone,
     kThirdPartyAddress, kColCount, kColCount, kColCount, kColCount, kColCount, kColCount},
};

/// The labels of `list` for an error: "婚姻家庭纠纷, 邻里纠纷, …" ("、" between them
/// in Chinese).
std::string LabelList(const VocabList& list) {
  return TranslationOn() ? list.KnownValues() : list.ZhList();
}

/// Names joined with ", " ("、" in Chinese).
std::string CommaList(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : _(", ")) + n;
  return s;
}

/// "西铭街道" or "西铭街道 or 千峰街道" for a list of streets ("西铭街道或千峰街道"
/// in Chinese).
std::string OrList(const std::vector<std::string>& names) {
  if (names.size() < 2) return names.empty() ? std::string() : names.front();
  std::vector<std::string> head(names.begin(), names.end() - 1);
  return Tr("{0} or {1}", CommaList(head), names.back());
}

// ---- one row --------------------------------------------------------------

/// Reads one data row; reports to `sink`; returns the case when the row has
/// no error.
class RowReader {
 public:
  RowReader(const CsvTable& table, const CsvRecord& row, const LedgerColumnMap& cols,
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

    for (const PartyColumns& pc : kPartyColumns)
      if (auto p = ReadParty(pc)) c.parties.push_back(std::move(*p));

    c.summary = TrimLedgerText(Raw(kSummary));
    if (c.summary.empty() && Has(kSummary))
      Error(kSummary, _("is blank: say what the dispute is about"));
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
        Error(kLevel, Tr("{0}: {1}", Norm(kLevel), found.status().message()));
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
  bool Has(Col col) const { return col < kColCount && cols_[col] >= 0; }

  /// The cell as written (not trimmed), or its replacement from the
  /// mapping's value map; "" when the column is absent.
  std::string Raw(Col col) const {
    if (col >= kColCount) return {};
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
    // The field name is a machine name (mapping files use it): shown in English only.
    if (TranslationOn()) return Tr("column {0}", header);
    return Tr("column {0} ({1})", header, LedgerColumns()[col].field);
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
    if (!IsAllDigits(s) || s.size() > 9 || std::stoi(s) < 1) {
      Error(kRowNo, Tr("\"{0}\" is not a row number (a whole number, 1 or more)", s));
      return data_row;
    }
    return std::stoi(s);
  }

  Date ReceivedDate() {
    if (Norm(kReceived).empty()) {
      Error(kReceived, _("is blank: every case has the date it was registered"));
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
      Error(col, Tr("{0} is not a date", s));
      return {};
    }
    if (options_.today.valid() && *d > options_.today) {
      Error(col, Tr("{0} is in the future (today is {1})", s, options_.today.ToString()));
      return {};
    }
    // Local practice: no ledger of a mediation committee predates 1980, and
    // earlier dates fall into the local-mean-time offsets of the tz database.
    static const Date kEarliest = *Date::FromYmd(1980, 1, 1);
    if (*d < kEarliest) {
      Error(col, Tr("{0} is before 1980-01-01: not a plausible date for a case", s));
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
        if (std::string value = Norm(col); !value.empty())
          // TRANSLATORS: a ledger cell's value, then what is wrong with it ("is not a level …").
          message = Tr("{0} {1}", value, message);
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
      if (required) Error(col, Tr("is blank\n  known labels: {0}", LabelList(list)));
      return {};
    }
    if (const Term* t = list.Resolve(s)) return t->code;
    Error(col, Tr("unknown label \"{0}\"\n  known labels: {1}", s, LabelList(list)));
    return {};
  }

  /// A phone cell normalised (NormalizePhone), or an error on `col`.
  std::string Phone(Col col) {
    std::string phone = Norm(col);
    if (phone.empty()) return {};
    if (auto n = NormalizePhone(phone)) return *n;
    Error(col, Tr("\"{0}\" is neither a mobile number (11 digits, 13…–19…) nor a landline "
                  "with its area code (0351-6012345)",
                  phone));
    return {};
  }

  /// The party of one role, or nullopt when the ledger names none (an
  /// error when the role is required, or when details are given without a
  /// name).
  std::optional<Party> ReadParty(const PartyColumns& pc) {
    const Col name_col = pc.name, id_col = pc.id;
    std::string name = TrimLedgerText(Raw(name_col));
    std::string id = Norm(id_col);
    if (name.empty()) {
      if (pc.required) {
        Error(name_col, Tr("is blank: every case names its {0}", _(pc.noun)));
        return std::nullopt;
      }
      const std::pair<Col, const char*> details[] = {
          {pc.id, N_("ID number")},
          {pc.phone, N_("phone")},
          {pc.address, N_("address")},
          {pc.ethnicity, N_("ethnicity")},
          {pc.occupation, N_("occupation")},
          {pc.representative, N_("legal representative")},
          {pc.representative_title, N_("representative's title")},
          {pc.agent, N_("agent")},
          {pc.agent_phone, N_("agent's phone")}};
      for (const auto& [col, what] : details)
        if (!Norm(col).empty()) {
          Error(name_col,
                Tr("is blank, but the {0}'s {1} is given: name the {0}", _(pc.noun), _(what)));
          break;
        }
      return std::nullopt;
    }
    Party p;
    p.role = pc.role;
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
          Error(id_col,
                Tr("{0} is not a unified social credit code (GB 32100-2015): {1}", id, cc.problem));
        } else if (!cc.checksum_ok) {
          Warning(id_col, Tr("{0}; kept as written (some pilot-era codes fail the check)",
                             ValueWith(id, cc.problem)));
        }
        p.credit_code = cc.normalized;
      } else {
        if (!ic.valid) Error(id_col, ValueWith(id, ic.problem));
        p.id_number = ic.normalized;
      }
    }
    p.phone = Phone(pc.phone);
    p.address = TrimLedgerText(Raw(pc.address));
    p.ethnicity = Norm(pc.ethnicity);
    p.occupation = TrimLedgerText(Raw(pc.occupation));
    p.representative = TrimLedgerText(Raw(pc.representative));
    p.representative_title = TrimLedgerText(Raw(pc.representative_title));
    if (!p.representative_title.empty() && p.representative.empty())
      Error(pc.representative_title,
            Tr("is given without a legal representative (法定代表人/负责人): name them in {0}",
               FieldName(pc.representative)));
    Agent agent;
    agent.name = TrimLedgerText(Raw(pc.agent));
    agent.phone = Phone(pc.agent_phone);
    if (!agent.name.empty())
      p.agents.push_back(std::move(agent));
    else if (!agent.phone.empty())
      Error(pc.agent, Tr("is blank, but {0} is given: name the agent", FieldName(pc.agent_phone)));
    return p;
  }

  std::optional<Money> Amount() {
    std::string s = Norm(kAmount);
    if (s.empty()) return std::nullopt;
    auto amount = ParseYuan(s);
    if (!amount) {
      Error(kAmount, Tr("\"{0}\" is not an amount in yuan (like 3500 or 3,500.50)", s));
      return std::nullopt;
    }
    if (amount->fen() < 0) {
      Error(kAmount, Tr("{0} is negative: the amount involved is 0 or more", s));
      return std::nullopt;
    }
    return amount;
  }

  int People() {
    std::string s = Norm(kPeople);
    if (s.empty()) return 0;
    if (!IsAllDigits(s) || s.size() > 7 || std::stoi(s) < 1) {
      Error(kPeople, Tr("\"{0}\" is not a number of people (a whole number, 1 or more)", s));
      return 0;
    }
    return std::stoi(s);
  }

  Place ReadPlace() {
    Place place;
    const Street* street = nullptr;
    std::string street_name = Norm(kStreet);
    if (street_name.empty()) {
      Error(kStreet, _("is blank: every case lies in a street of the district"));
    } else {
      street = areas_.StreetByName(street_name);
      if (!street && IsAllDigits(street_name)) street = areas_.FindStreet(street_name);
      if (!street) {
        std::vector<std::string> names;
        for (const auto& s : areas_.streets()) names.push_back(s.name);
        Error(kStreet,
              Tr("unknown street \"{0}\"\n  known streets: {1}", street_name, CommaList(names)));
      } else {
        place.street = street->code;
      }
    }

    const Community* community = nullptr;
    std::string community_name = Norm(kCommunity);
    if (!community_name.empty()) {
      auto found = areas_.CommunitiesByName(community_name);
      if (found.empty() && IsAllDigits(community_name))
        if (const Community* byc = areas_.FindCommunity(community_name)) found.push_back(byc);
      std::vector<const Community*> in_street;
      for (const Community* c : found)
        if (!street || areas_.StreetOfCommunity(c->code) == street) in_street.push_back(c);
      if (in_street.size() == 1) {
        community = in_street.front();
      } else if (in_street.size() > 1) {
        std::vector<std::string> codes;
        for (const Community* c : in_street) codes.push_back(c->code);
        Error(kCommunity, Tr("{0} names more than one community ({1}); write the official name",
                             community_name, CommaList(codes)));
      } else if (!found.empty()) {
        std::vector<std::string> streets;
        for (const Community* c : found)
          if (const Street* s = areas_.StreetOfCommunity(c->code)) streets.push_back(s->name);
        Error(kCommunity,
              Tr("{0} is in {1}, not in {2}", community_name, OrList(streets), street->name));
      } else if (street) {
        std::vector<std::string> names;
        for (const auto& c : street->communities) names.push_back(c.short_name);
        Error(kCommunity, Tr("unknown community \"{0}\" in {1}\n  its communities: {2}",
                             community_name, street->name, CommaList(names)));
      } else {
        Error(kCommunity, Tr("unknown community \"{0}\"", community_name));
      }
      if (community) place.community = community->code;
    }

    std::string grid_code = Norm(kGrid);
    if (!grid_code.empty()) {
      const Grid* grid = areas_.FindGrid(grid_code);
      if (!grid) {
        std::string why = Tr("unknown grid {0}", grid_code);
        if (grid_code.find("E+") != std::string::npos)
          why =
              Tr("unknown grid {0} (Excel turned the code into scientific notation: format the "
                 "column as text and enter the code again)",
                 grid_code);
        else if (!IsAllDigits(grid_code) || grid_code.size() != 15)
          why =
              Tr("unknown grid {0} (a grid code has 15 digits: the community's 12 and a "
                 "3-digit number)",
                 grid_code);
        Error(kGrid, why);
      } else {
        const Community* owner = areas_.CommunityOfGrid(grid->code);
        if (community) {
          if (owner != community)
            Error(kGrid, Tr("{0} is a grid of {1}, not of {2}", grid->code,
                            owner ? owner->short_name : "?", community->short_name));
        } else if (community_name.empty() && owner) {
          // A blank community is the grid's, which must lie in the street.
          const Street* s = areas_.StreetOfCommunity(owner->code);
          if (street && s != street)
            Error(kGrid, Tr("{0} is a grid of {1} in {2}, not in {3}", grid->code,
                            owner->short_name, s ? s->name : "?", street->name));
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
  const LedgerColumnMap& cols_;
  const Settings& settings_;
  const AreaRegistry& areas_;
  const OrgRegistry& orgs_;
  const LedgerImportOptions& options_;
  DiagnosticSink* sink_;
  std::size_t errors_ = 0;
};

}  // namespace

LedgerRow ReadLedgerRow(const CsvTable& table, const CsvRecord& row, const LedgerColumnMap& cols,
                        const Settings& settings, const AreaRegistry& areas,
                        const OrgRegistry& orgs, const LedgerImportOptions& options, int data_row,
                        DiagnosticSink* sink) {
  RowReader reader(table, row, cols, settings, areas, orgs, options, sink);
  LedgerRow out;
  out.record = reader.Read(data_row);
  out.errors = reader.errors();
  return out;
}

}  // namespace mediate
