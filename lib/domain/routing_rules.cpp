#include "routing_rules.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "i18n.hpp"
#include "record_reader.hpp"
#include "schema.hpp"
#include "schema_version.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {

constexpr std::initializer_list<const char*> kTopFields = {"schema", "note", "rules"};
constexpr std::initializer_list<const char*> kRuleFields = {
    "name", "note", "when", "to", "min_level", "deadline_days", "assign"};
constexpr std::initializer_list<const char*> kToFields = {"org", "committee", "district_centre",
                                                          "specialist"};
constexpr std::initializer_list<const char*> kAssignFields = {"grade", "auto"};

/// Organisation kinds that refer or confirm cases but do not mediate them.
constexpr std::initializer_list<const char*> kNonMediatingKinds = {"court", "police",
                                                                   "petition_office"};

void ReadTarget(RecordReader& r, const Value& rule_map, const std::string& path,
                const OrgRegistry& orgs, const Vocabulary& vocab, RoutingRule* rule) {
  const Value* to = rule_map.Find("to");
  std::string p = JoinPath(path, "to");
  if (!to || to->is_null()) {
    r.Error(to && to->mark().line ? *to : rule_map, p,
            Tr("rule \"{0}\" has no target; give to: {{org: \"<org id>\"}} or to: {{committee: "
               "\"community\"}}",
               rule->name));
    return;
  }
  if (!r.ExpectMap(*to, p)) return;
  RejectUnknownFields(r, *to, p, "to", kToFields);
  const Value* org = to->Find("org");
  const Value* committee = to->Find("committee");
  const Value* centre = to->Find("district_centre");
  const Value* specialist = to->Find("specialist");
  int given = (org ? 1 : 0) + (committee ? 1 : 0) + (centre ? 1 : 0) + (specialist ? 1 : 0);
  if (given > 1) {
    std::vector<std::string> keys;
    const Value* last = nullptr;
    for (const auto& [k, v] : to->entries())
      if (IsOneOf(k, kToFields)) {
        keys.push_back(k);
        last = &v;
      }
    std::string head;
    for (std::size_t i = 0; i + 1 < keys.size(); ++i) head += (i ? _(", ") : "") + keys[i];
    r.Error(*last, p,
            Tr("give exactly one target (org, committee, district_centre or specialist), not {0} "
               "and {1}",
               head, keys.back()));
    return;
  }
  if (given == 0) {
    if (to->entries().empty())
      r.Error(*to, p,
              _("give org: \"<org id>\", committee: \"community\" / \"street\", "
                "district_centre: true or specialist: true"));
    return;
  }
  for (const Value* flag : {centre, specialist}) {
    if (!flag) continue;
    const char* key = flag == centre ? "district_centre" : "specialist";
    if (!flag->is_scalar() || flag->quoted() || flag->text() != "true") {
      r.Error(*flag, JoinPath(p, key), Tr("{0} takes the value true", key));
      return;
    }
    rule->target =
        flag == centre ? RoutingTargetKind::kDistrictCentre : RoutingTargetKind::kSpecialist;
    if (flag == centre) {
      bool found = false;
      for (const auto& [id, o] : orgs)
        found = found || (o.kind == "district_centre" && o.status == "active");
      if (!found)
        r.Error(*flag, JoinPath(p, key),
                _("orgs/ has no active organisation of kind district_centre"));
    }
    return;
  }
  if (org) {
    rule->target = RoutingTargetKind::kOrg;
    rule->org = r.String(*to, "org", p, true);
    if (rule->org.empty()) return;
    auto it = orgs.find(rule->org);
    if (it == orgs.end()) {
      r.Error(*org, JoinPath(p, "org"),
              Tr("unknown organisation \"{0}\"; it must be an id of orgs/ (mediate org list)",
                 rule->org));
    } else if (it->second.status != "active") {
      r.Error(*org, JoinPath(p, "org"),
              Tr("organisation {0} {1} is retired; route to the organisation that took over its "
                 "work",
                 rule->org, it->second.name));
    } else if (IsOneOf(it->second.kind, kNonMediatingKinds)) {
      std::string kind = vocab.Get("org_kind").Zh(it->second.kind);
      r.Error(*org, JoinPath(p, "org"),
              kind.empty() ? Tr("organisation {0} {1} is a {2}, which refers or confirms cases but "
                                "does not mediate them",
                                rule->org, it->second.name, it->second.kind)
                           : Tr("organisation {0} {1} is a {2} ({3}), which refers or confirms "
                                "cases but does not mediate them",
                                rule->org, it->second.name, it->second.kind, kind));
    }
    return;
  }
  std::string level = r.String(*to, "committee", p, true);
  if (level == "community") {
    rule->target = RoutingTargetKind::kCommunityCommittee;
  } else if (level == "street") {
    rule->target = RoutingTargetKind::kStreetCommittee;
  } else if (!level.empty()) {
    r.Error(*committee, JoinPath(p, "committee"),
            Tr("committee is \"community\" or \"street\" (the committee of the case's own "
               "place), not \"{0}\"",
               level));
  }
}

/// min_level, deadline_days and assign of a rule.
void ReadOptions(RecordReader& r, const Value& item, const std::string& path,
                 const Vocabulary& vocab, RoutingRule* rule) {
  if (const Value* ml = item.Find("min_level")) {
    std::string p = JoinPath(path, "min_level");
    if (!ml->is_scalar() ||
        (ml->text() != "community" && ml->text() != "street" && ml->text() != "district")) {
      r.Error(*ml, p,
              ml->is_scalar()
                  ? Tr("min_level is community, street or district (the place's committee at "
                       "that level, or the district centre), not \"{0}\"",
                       ml->text())
                  : std::string(_("min_level is community, street or district (the place's "
                                  "committee at that level, or the district centre)")));
    } else {
      rule->min_level = ml->text();
    }
  }
  (void)vocab;
  if (const Value* dd = item.Find("deadline_days")) {
    std::size_t errors = r.sink().error_count();
    std::int64_t days = r.Int(item, "deadline_days", path, 0);
    if (r.sink().error_count() != errors) {
      // reported by the reader
    } else if (days < 1)
      r.Error(*dd, JoinPath(path, "deadline_days"), _("deadline_days must be at least 1"));
    else if (days > 366)
      r.Error(*dd, JoinPath(path, "deadline_days"),
              Tr("{0} days is over a year; the limit is counted in days from acceptance (2002 "
                 "Provisions Art. 33: one month)",
                 days));
    else
      rule->deadline_days = static_cast<int>(days);
  }
  if (const Value* as = item.Find("assign")) {
    std::string p = JoinPath(path, "assign");
    if (!r.ExpectMap(*as, p)) return;
    RejectUnknownFields(r, *as, p, "assign", kAssignFields);
    if (const Value* g = as->Find("grade")) {
      std::int64_t grade = r.Int(*as, "grade", p, 0);
      if (grade < 1 || grade > 4)
        r.Error(*g, JoinPath(p, "grade"),
                _("grade is 1 (highest) to 4: \"grade 2\" means grade 2 or higher"));
      else
        rule->mediator_grade = static_cast<int>(grade);
    }
    rule->auto_assign = r.Bool(*as, "auto", p, false);
  }
}

}  // namespace

struct RoutingPolicy::Impl {
  std::string file;
  std::vector<RoutingRule> rules;
};

RoutingPolicy::RoutingPolicy() : impl(std::make_unique<Impl>()) {}
RoutingPolicy::~RoutingPolicy() = default;
RoutingPolicy::RoutingPolicy(RoutingPolicy&&) noexcept = default;
RoutingPolicy& RoutingPolicy::operator=(RoutingPolicy&&) noexcept = default;

std::vector<std::string> RoutingPolicy::RuleNames() const {
  std::vector<std::string> names;
  if (!impl) return names;
  for (const auto& r : impl->rules) names.push_back(r.name);
  return names;
}

std::size_t RoutingPolicy::size() const { return impl ? impl->rules.size() : 0; }

const std::vector<RoutingRule>& RoutingPolicy::rules() const {
  static const std::vector<RoutingRule> kNone;
  return impl ? impl->rules : kNone;
}

bool IsNonMediatingKind(const std::string& org_kind) {
  return IsOneOf(org_kind, kNonMediatingKinds);
}

Result<RoutingPolicy> LoadRoutingRules(const std::string& text, const std::string& file,
                                       const Vocabulary& vocab, const OrgRegistry& orgs,
                                       const AreaRegistry* areas) {
  auto parsed = ParseYaml(text, file);
  if (!parsed.ok()) return parsed.status();
  const Value& root = *parsed;
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  auto done = [&]() -> Status {
    std::size_t n = sink.error_count();
    return sink.ToStatus(TrN("{0} error in {1} (the routing rules)",
                             "{0} errors in {1} (the routing rules)", n, n, file));
  };
  if (root.is_null()) {
    sink.Error(
        {file, 1, 1}, "",
        Tr("the file is empty; it needs schema: \"{0}\" and a list of rules", kRoutingSchema));
    return done();
  }
  if (!r.ExpectMap(root, "")) return done();
  RejectUnknownFields(r, root, "", _("the routing rules file"), kTopFields);
  std::string schema = r.String(root, "schema", "", true);
  if (!schema.empty() && schema != kRoutingSchema)
    r.Error(*root.Find("schema"), "schema", SchemaMismatchMessage(schema, kRoutingSchema));
  r.String(root, "note", "");

  RoutingPolicy policy;
  policy.impl->file = file;
  const Value* rules = root.Find("rules");
  if (!rules || rules->is_null() || (rules->is_sequence() && rules->items().empty())) {
    r.Error(rules && rules->mark().line ? *rules : root, "rules",
            Tr("there are no rules; list at least one, and end with a rule without conditions "
               "(e.g. to: {{committee: \"community\"}})"));
    return done();
  }
  if (!rules->is_sequence()) {
    r.Error(*rules, "rules",
            _("a list of rules is expected (each item starting with \"- name:\")"));
    return done();
  }
  std::map<std::string, int> first_line;
  std::optional<std::size_t> catch_all;  // index of the first rule without conditions
  for (std::size_t i = 0; i < rules->items().size(); ++i) {
    const Value& item = rules->items()[i];
    std::string path = "rules[" + std::to_string(i) + "]";
    if (!r.ExpectMap(item, path)) continue;
    RoutingRule rule;
    rule.where = r.At(item);
    const std::size_t errors_before = sink.error_count();
    RejectUnknownFields(r, item, path, _("a rule"), kRuleFields);
    const Value* name = item.Find("name");
    if (!name || name->is_null()) {
      r.Error(name && name->mark().line ? *name : item, JoinPath(path, "name"),
              Tr("rule {0} has no name; give it one (name: \"medical\")", i + 1));
    } else {
      rule.name = r.String(item, "name", path, true);
      if (!rule.name.empty()) {
        auto [it, fresh] = first_line.emplace(rule.name, name->mark().line);
        if (!fresh)
          r.Error(*name, JoinPath(path, "name"),
                  Tr("duplicate rule name \"{0}\" (first at line {1}); each rule needs its own "
                     "name",
                     rule.name, it->second));
      }
    }
    rule.note = r.String(item, "note", path);
    if (const Value* when = item.Find("when"))
      ReadRoutingConditions(r, *when, JoinPath(path, "when"), vocab, areas, &rule.when);
    ReadTarget(r, item, path, orgs, vocab, &rule);
    ReadOptions(r, item, path, vocab, &rule);
    if (catch_all) {
      const RoutingRule& first = policy.impl->rules[*catch_all];
      r.Error(name && name->mark().line ? *name : item, path,
              first.when.empty()
                  ? Tr("rule \"{0}\" is never reached: rule \"{1}\" (line {2}) has no "
                       "conditions and takes every case; move it to the end",
                       rule.name, first.name, first.where.line)
                  : Tr("rule \"{0}\" is never reached: rule \"{1}\" (line {2}) has conditions "
                       "that hold for every case; move it to the end",
                       rule.name, first.name, first.where.line));
    }
    bool has_when = false;
    if (const Value* when = item.Find("when"); when && !when->is_null())
      has_when = !when->is_map() || !when->entries().empty();
    bool always = !has_when || (r.sink().error_count() == errors_before &&
                                RoutingConditionsAlwaysHold(rule.when));
    if (always && !catch_all) catch_all = policy.impl->rules.size();
    policy.impl->rules.push_back(std::move(rule));
  }
  // The shape for every other tool: schemas/routing.schema.yaml. The
  // reader above gives the friendlier message, so the schema speaks only
  // when the reader found nothing.
  if (sink.error_count() == 0) CheckSchema(root, "routing.schema.yaml", file, &sink);
  MEDIATE_RETURN_IF_ERROR(done());
  return policy;
}

}  // namespace mediate
