#include "case_checks.hpp"

#include "court_procedure.hpp"
#include "file_number.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "personal_fields.hpp"
#include "pii.hpp"
#include "sensitive.hpp"

#include <algorithm>

namespace mediate {
namespace {

/// A party's sex code as messages show it: "male"/"female" in English, 男/女 in Chinese.
std::string SexWord(const std::string& code) {
  if (code == "male") return _("male");
  if (code == "female") return _("female");
  return code;
}

}  // namespace

const Value* FieldAt(const Value& root, const std::string& path) {
  const Value* cur = &root;
  std::size_t pos = 0;
  while (cur && pos < path.size()) {
    std::size_t end = path.find_first_of(".[", pos);
    std::string key = path.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!key.empty()) cur = cur->Find(key);
    if (!cur || end == std::string::npos) break;
    if (path[end] == '[') {
      std::size_t close = path.find(']', end);
      if (close == std::string::npos) break;
      std::size_t index = std::stoul(path.substr(end + 1, close - end - 1));
      if (!cur->is_sequence() || index >= cur->items().size()) {
        cur = nullptr;
        break;
      }
      cur = &cur->items()[index];
      pos = close + 1;
      if (pos < path.size() && path[pos] == '.') ++pos;
    } else {
      pos = end + 1;
    }
  }
  return cur;
}

Location LocateField(const Value& root, const std::string& file, const std::string& path) {
  const Value* cur = FieldAt(root, path);
  if (!cur || (cur->mark().line == 0)) return {file, 0, 0};
  return {file, cur->mark().line, cur->mark().column};
}

void CheckCase(const Case& c, const Value& root, const std::string& file, const CheckContext& ctx,
               DiagnosticSink* sink) {
  auto error = [&](const std::string& path, const std::string& message) {
    sink->Error(LocateField(root, file, path), path, message);
  };
  auto warning = [&](const std::string& path, const std::string& message) {
    sink->Warning(LocateField(root, file, path), path, message);
  };
  const AreaRegistry& areas = *ctx.areas;
  if (auto problem = CheckFileNumber(c.id, c.file_no)) {
    if (problem->error)
      error("file_no", problem->message);
    else
      warning("file_no", problem->message);
  }
  // Place.
  const Street* street = nullptr;
  const Community* community = nullptr;
  if (!c.place.street.empty()) {
    street = areas.FindStreet(c.place.street);
    if (!street) error("place.street", Tr("unknown street {0}", c.place.street));
  }
  if (!c.place.community.empty()) {
    community = areas.FindCommunity(c.place.community);
    if (!community) {
      error("place.community", Tr("unknown community {0}", c.place.community));
    } else if (street && areas.StreetOfCommunity(community->code) != street) {
      const Street* actual = areas.StreetOfCommunity(community->code);
      error("place.community",
            actual
                ? Tr("{0} is in {1}, not in {2}", community->short_name, actual->name, street->name)
                : Tr("{0} is in another street, not in {1}", community->short_name, street->name));
    }
  }
  if (!c.place.grid.empty()) {
    const Grid* grid = areas.FindGrid(c.place.grid);
    if (!grid) {
      error("place.grid", Tr("unknown grid {0}", c.place.grid));
    } else if (community && areas.CommunityOfGrid(grid->code) != community) {
      error("place.grid", Tr("grid {0} is not in {1}", grid->code, community->short_name));
    }
  }
  // Parties.
  bool applicant = false;
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    const Party& p = c.parties[i];
    std::string base = "parties[" + std::to_string(i) + "]";
    applicant = applicant || p.role == "applicant";
    // A value read sealed (no key in this process) was checked when it was
    // written: its masked form is not checked again.
    if (!p.id_number.empty() && !IsSealedIn(c, base + ".id_number")) {
      IdNumberCheck chk = CheckCitizenId(p.id_number);
      if (!chk.valid) {
        error(base + ".id_number", p.id_number + " " + chk.problem);
      } else {
        // GB 11643-1999: digits 7-14 are the birth date, the 17th is odd for men.
        if (p.born.valid() && chk.birth_date.valid() && p.born != chk.birth_date)
          error(base + ".born",
                Tr("{0} disagrees with the ID number, which gives {1} (GB 11643-1999)",
                   p.born.ToString(), chk.birth_date.ToString()));
        if (!p.sex.empty() && chk.male && (p.sex == "male") != *chk.male)
          error(base + ".sex",
                *chk.male ? Tr("{0} disagrees with the ID number, whose sequence digit is odd "
                               "(male) (GB 11643-1999)",
                               SexWord(p.sex))
                          : Tr("{0} disagrees with the ID number, whose sequence digit is even "
                               "(female) (GB 11643-1999)",
                               SexWord(p.sex)));
      }
    }
    if (p.born.valid() && ctx.today.valid() && p.born > ctx.today)
      error(base + ".born", Tr("{0} is in the future", p.born.ToString()));
    if (!p.credit_code.empty()) {
      CreditCodeCheck chk = CheckCreditCode(p.credit_code);
      if (!chk.well_formed || !chk.checksum_ok)
        warning(base + ".credit_code", p.credit_code + " " + chk.problem);
    }
    if (!p.phone.empty() && !IsSealedIn(c, base + ".phone") && !NormalizePhone(p.phone))
      error(base + ".phone", Tr("{0} is neither a mobile number (11 digits) nor a landline "
                                "with area code (0351-6012345)",
                                p.phone));
    if (!p.representative.empty() && p.kind != "organisation")
      warning(base + ".representative",
              _("a legal representative (法定代表人) is an organisation's; this party is a "
                "person"));
    for (std::size_t j = 0; j < p.agents.size(); ++j) {
      const Agent& a = p.agents[j];
      const std::string ab = base + ".agents[" + std::to_string(j) + "]";
      if (!a.id_number.empty() && !IsSealedIn(c, ab + ".id_number"))
        if (IdNumberCheck chk = CheckCitizenId(a.id_number); !chk.valid)
          error(ab + ".id_number", a.id_number + " " + chk.problem);
      if (!a.phone.empty() && !IsSealedIn(c, ab + ".phone") && !NormalizePhone(a.phone))
        error(ab + ".phone", Tr("{0} is neither a mobile number (11 digits) nor a landline "
                                "with area code (0351-6012345)",
                                a.phone));
    }
  }
  for (std::size_t i = 0; i < c.sensitive.size(); ++i) {
    const auto& codes = SensitiveCodes();
    if (std::find(codes.begin(), codes.end(), c.sensitive[i]) == codes.end())
      error("sensitive[" + std::to_string(i) + "]",
            Tr("unknown sensitive-data code \"{0}\"; known: health, minor, financial, "
               "biometric, religion, location, other (PIPL Art. 28)",
               c.sensitive[i]));
  }
  if (!c.parties.empty() && !applicant) error("parties", _("no party is the applicant"));
  if (c.amount && c.amount->fen() < 0) error("amount", _("an amount cannot be negative"));
  if (std::string problem = ProcedureProblem(c); !problem.empty()) error("procedure", problem);
  if (c.people_involved < 0)
    error("people_involved",
          Tr("{0} is not a number of people: give 0 or more", c.people_involved));
  if (ctx.today.valid() && c.received.valid() &&
      ctx.settings->time_zone.LocalDate(c.received) > ctx.today)
    error("received", Tr("{0} is in the future: give the date the dispute was received (today "
                         "or earlier)",
                         c.received.ToString()));
  // Local practice, as for ledgers: no mediation file predates 1980, and
  // earlier dates fall into the local-mean-time offsets of the tz database.
  static const Date kEarliest = *Date::FromYmd(1980, 1, 1);
  if (c.received.valid() && ctx.settings->time_zone.LocalDate(c.received) < kEarliest)
    error("received",
          Tr("{0} is before 1980-01-01: not a plausible date for a case; check the year",
             c.received.ToString()));
  // Timeline: the order of its steps against the event-kind table (timeline.hpp).
  CheckTimeline(c, *ctx.settings, file, sink,
                [&](const std::string& field) { return LocateField(root, file, field); });
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    std::string base = "events[" + std::to_string(i) + "]";
    if (i > 0 && e.at < c.events[i - 1].at)
      error(base + ".at", Tr("{0} is earlier than the event before it; the timeline is append-only",
                             e.at.ToString()));
    std::string org = e.Get("org");
    if (!org.empty() && ctx.orgs && !ctx.orgs->count(org))
      error(base + ".org", Tr("unknown organisation {0}", org));
    if (ctx.mediators)
      for (const auto& m : e.GetList("mediators"))
        if (!ctx.mediators->count(m)) error(base + ".mediators", Tr("unknown mediator {0}", m));
  }
  // Stored state against the replay.
  Derived d = Replay(c, *ctx.settings);
  auto differs = [&](const char* field, const std::string& stored, const std::string& replayed) {
    if (stored != replayed)
      error(field, Tr("is \"{0}\" but the events say \"{1}\"", stored, replayed));
  };
  differs("status", c.state.status, d.state.status);
  differs("level", c.state.level, d.state.level);
  differs("org", c.state.org, d.state.org);
  std::string sm, dm;
  for (const auto& m : c.state.mediators) sm += (sm.empty() ? "" : ",") + m;
  for (const auto& m : d.state.mediators) dm += (dm.empty() ? "" : ",") + m;
  differs("mediators", sm, dm);
  differs("deadline", c.state.deadline.ToString(), d.state.deadline.ToString());
}

}  // namespace mediate
