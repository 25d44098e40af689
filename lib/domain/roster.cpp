#include "roster.hpp"

#include <algorithm>

#include "csv_table.hpp"
#include "i18n.hpp"
#include "pii.hpp"
#include "text_input.hpp"
#include "vocab.hpp"

namespace mediate {

namespace {

/// Resolves a code or label in `list`; "" with an error when unknown.
std::string Resolve(const VocabList& list, const std::string& text, const std::string& field,
                    DiagnosticSink* sink) {
  if (text.empty()) return {};
  if (const Term* t = list.Resolve(text)) return t->code;
  sink->Error({"", 0, 0}, field,
              Tr("unknown {0} \"{1}\"; known: {2}", VocabNoun(list), text, list.KnownValues()));
  return {};
}

bool IsAdultOn(Date born, Date today) {
  if (!born.valid() || !today.valid()) return true;
  auto eighteenth = Date::FromYmd(born.year() + 18, born.month(), born.day());
  if (!eighteenth) eighteenth = Date::FromYmd(born.year() + 18, 3, 1);  // born 29 February
  return *eighteenth <= today;
}

}  // namespace

const std::vector<std::string>& MediatorEditableFields() {
  static const std::vector<std::string> kFields = {
      "name",  "sex",       "born",        "org",      "role",        "employment",
      "grade", "graded",    "specialties", "lecturer", "honours",     "filed",
      "phone", "education", "sanctions",   "term_end", "court_roster"};
  return kFields;
}

void CheckMediator(const Mediator& m, const Vocabulary& vocab, const OrgRegistry& orgs, Date today,
                   const Location& where, DiagnosticSink* sink) {
  if (m.id.empty()) sink->Error(where, "id", _("a mediator needs an id"));
  if (m.name.empty()) sink->Error(where, "name", _("a mediator needs a name"));
  if (m.sex != "male" && m.sex != "female")
    sink->Error(where, "sex", Tr("sex is male or female, not \"{0}\"", m.sex));
  if (m.born.valid() && !IsAdultOn(m.born, today))
    sink->Error(where, "born",
                Tr("born {0}: a mediator must be an adult citizen (People's Mediation Law Art. 14)",
                   m.born.ToString()));
  auto org = orgs.find(m.org);
  if (m.org.empty()) {
    sink->Error(where, "org", _("a mediator belongs to an organisation (--org ID)"));
  } else if (org == orgs.end()) {
    sink->Error(where, "org", Tr("unknown organisation \"{0}\" (see 'mediate org list')", m.org));
  } else if (m.status == "active" && org->second.status == "retired") {
    sink->Error(where, "org", Tr("organisation {0} is retired", m.org));
  }
  if (!m.role.empty() && !vocab.Get("mediator_role").Has(m.role))
    sink->Error(where, "role",
                Tr("role is {0}, not \"{1}\"", vocab.Get("mediator_role").KnownValues(), m.role));
  if (!m.employment.empty() && !vocab.Get("employment").Has(m.employment))
    sink->Error(
        where, "employment",
        Tr("employment is {0}, not \"{1}\"", vocab.Get("employment").KnownValues(), m.employment));
  if (m.grade < 0 || m.grade > 4) sink->Error(where, "grade", _("grade is 1 (highest) to 4"));
  if (m.graded.valid() && m.grade == 0)
    sink->Error(where, "graded", _("a grade date without a grade"));
  for (const auto& c : m.specialties)
    if (!vocab.category().Has(c))
      sink->Error(where, "specialties", Tr("unknown category \"{0}\"", c));
  if (m.status != "active" && m.status != "retired")
    sink->Error(where, "status", Tr("status is active or retired, not \"{0}\"", m.status));
  if (!m.phone.empty() && !NormalizePhone(m.phone))
    sink->Warning(where, "phone", Tr("{0} is neither a mobile nor a landline number", m.phone));
}

Status ApplyMediatorFields(Mediator* m, const std::map<std::string, std::string>& fields,
                           const Vocabulary& vocab) {
  const auto& known = MediatorEditableFields();
  DiagnosticSink sink;
  auto date = [&](const std::string& field, const std::string& text) -> Date {
    if (text.empty()) return Date();
    if (auto d = Date::Parse(text)) return *d;
    sink.Error({"", 0, 0}, field, Tr("\"{0}\" is not a date (YYYY-MM-DD)", text));
    return Date();
  };
  auto boolean = [&](const std::string& field, const std::string& text) {
    if (text == "true" || text == "yes" || text == "是") return true;
    if (text == "false" || text == "no" || text == "否" || text.empty()) return false;
    sink.Error({"", 0, 0}, field, Tr("\"{0}\" is not true or false", text));
    return false;
  };
  for (const auto& [field, value] : fields) {
    if (std::find(known.begin(), known.end(), field) == known.end())
      return Status::Usage(
          Tr("no mediator field \"{0}\"; fields: {1}", field, Joined(known, ", ")));
    if (field == "name") {
      m->name = value;
    } else if (field == "sex") {
      m->sex = value == "男" ? "male" : value == "女" ? "female" : value;
    } else if (field == "born") {
      m->born = date(field, value);
    } else if (field == "org") {
      m->org = value;
    } else if (field == "role") {
      m->role = Resolve(vocab.Get("mediator_role"), value, field, &sink);
    } else if (field == "employment") {
      m->employment = Resolve(vocab.Get("employment"), value, field, &sink);
    } else if (field == "grade") {
      if (value.empty() || value == "0") {
        m->grade = 0;
      } else if (value.size() == 1 && value[0] >= '1' && value[0] <= '4') {
        m->grade = value[0] - '0';
      } else {
        sink.Error({"", 0, 0}, field, Tr("grade is 1 (highest) to 4, not \"{0}\"", value));
      }
    } else if (field == "graded") {
      m->graded = date(field, value);
    } else if (field == "specialties") {
      m->specialties.clear();
      for (const auto& item : SplitTypedList(value)) {
        std::string code = Resolve(vocab.category(), item, field, &sink);
        if (!code.empty()) m->specialties.push_back(code);
      }
    } else if (field == "lecturer") {
      m->lecturer = boolean(field, value);
    } else if (field == "honours") {
      m->honours = SplitTypedList(value);
    } else if (field == "filed") {
      m->filed = date(field, value);
    } else if (field == "phone") {
      m->phone = value.empty() ? std::string() : NormalizePhone(value).value_or(value);
    } else if (field == "education") {
      m->education = value;
    } else if (field == "sanctions") {
      m->sanctions = SplitTypedList(value);
    } else if (field == "term_end") {
      m->term_end = date(field, value);
    } else if (field == "court_roster") {
      m->court_roster = boolean(field, value);
    }
  }
  for (auto& d : sink.items()) d.where.file = m->id.empty() ? "mediator" : m->id;
  const std::size_t n = sink.error_count();
  return sink.ToStatus(
      TrN("{0} error; nothing was written", "{0} errors; nothing was written", n, n));
}

Status ApplyRating(Mediator* m, int grade, Date date, const std::string& by,
                   const std::string& basis) {
  if (grade < 1 || grade > 4)
    return Status::Rejected(Tr("grade is 1 (highest) to 4, not {0}", grade));
  if (basis.empty())
    return Status::Rejected(
        _("a rating needs its basis (--basis \"…评定决定\"): who rated and on "
          "what record"));
  if (!date.valid()) return Status::Rejected(_("a rating needs a date"));
  if (m->status != "active")
    return Status::Rejected(Tr("{0} is retired; only active mediators are rated", m->id));
  m->grade = grade;
  m->graded = date;
  m->ratings.push_back({grade, date, by, basis});
  return Status::Ok();
}

MediatorImportPlan PlanMediatorImport(const MediatorRegistry& existing,
                                      const std::vector<Mediator>& incoming) {
  MediatorImportPlan plan;
  for (const auto& in : incoming) {
    auto it = existing.find(in.id);
    if (it == existing.end()) {
      plan.added.push_back(in);
      continue;
    }
    Mediator merged = it->second;
    merged.name = in.name;
    merged.sex = in.sex;
    merged.born = in.born;
    merged.org = in.org;
    merged.role = in.role;
    merged.employment = in.employment;
    merged.specialties = in.specialties;
    merged.grade = in.grade;
    merged.graded = in.graded;
    merged.lecturer = in.lecturer;
    merged.honours = in.honours;
    merged.filed = in.filed;
    merged.status = in.status;
    merged.phone = in.phone;
    Value before = it->second.ToValue(), after = merged.ToValue();
    if (before.SameAs(after)) {
      ++plan.unchanged;
      continue;
    }
    std::vector<std::string> changed;
    for (const auto& [key, v] : after.entries()) {
      const Value* old = before.Find(key);
      if (!old || !old->SameAs(v)) changed.push_back(key);
    }
    for (const auto& [key, v] : before.entries())
      if (!after.Find(key)) changed.push_back(key);
    plan.updated.push_back(std::move(merged));
    plan.changed_fields.push_back(std::move(changed));
  }
  return plan;
}

RosterCounts CountRoster(const MediatorRegistry& mediators) {
  RosterCounts c;
  for (const auto& [id, m] : mediators) {
    if (m.status != "active") continue;
    ++c.active;
    ++c.by_grade[m.grade];
    ++c.by_employment[m.employment];
    ++c.by_role[m.role];
    ++c.by_sex[m.sex];
    if (m.lecturer) ++c.lecturers;
    if (!m.honours.empty()) ++c.honoured;
    for (const auto& h : m.honours) ++c.by_honour[h];
  }
  return c;
}

}  // namespace mediate
