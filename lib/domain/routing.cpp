#include "routing.hpp"

#include <utility>

#include "i18n.hpp"
#include "lifecycle.hpp"
#include "routing_eval.hpp"
#include "routing_targets.hpp"
#include "step_dates.hpp"

namespace mediate {

RoutingDecision Route(const RoutingPolicy& policy, const Case& c, const AreaRegistry& areas,
                      const OrgRegistry& orgs) {
  return Route(policy, c, areas, orgs, RouteOptions{});
}

RoutingDecision Route(const RoutingPolicy& policy, const Case& c, const AreaRegistry& areas,
                      const OrgRegistry& orgs, const RouteOptions& options) {
  RoutingDecision d;
  const auto& rules = policy.rules();
  const std::string level = options.level.empty() ? c.state.level : options.level;
  const RoutingPlace place = CompletePlace(c, areas);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RoutingRule& rule = rules[i];
    RuleTrace t;
    t.rule = rule.name;
    ConditionCheck check = EvaluateConditions(rule.when, c, place, level);
    t.matched = check.holds;
    t.because = std::move(check.because);
    d.trace.push_back(std::move(t));
    if (!d.trace.back().matched) continue;
    d.rule = rule.name;
    RoutingTarget target = ResolveTarget(rule, c, place, options.level, areas, orgs);
    d.target_note = std::move(target.note);
    if (!target.org) {
      d.problem = std::move(target.problem);
    } else {
      d.routed = true;
      d.org = target.org->id;
      d.org_name = target.org->name;
      d.level = target.org->level;
      d.deadline_days = rule.deadline_days;
      d.mediator_grade = rule.mediator_grade;
      d.auto_assign = rule.auto_assign;
    }
    for (std::size_t j = i + 1; j < rules.size(); ++j) d.not_reached.push_back(rules[j].name);
    return d;
  }
  d.problem =
      Tr("no rule matches this case; end the rules with one without conditions (e.g. to: "
         "{{committee: \"community\"}})");
  return d;
}

Status ApplyRouting(const RoutingDecision& d, Timestamp at, const std::string& by,
                    const Settings& settings, Case* c, Date on) {
  if (!d.routed) return Status::Rejected(Tr("{0} cannot be routed: {1}", c->id, d.problem));
  MEDIATE_RETURN_IF_ERROR(CheckStep(*c, Replay(*c, settings), "routed"));
  MEDIATE_RETURN_IF_ERROR(CheckStepDate(*c, EventKind::kRouted, on, settings));
  Event e;
  e.at = at;
  e.type = "routed";
  e.by = by;
  e.payload.Set("org", Value::String(d.org));
  e.payload.Set("level", Value::String(d.level));
  e.payload.Set("rule", Value::String(d.rule));
  if (d.deadline_days > 0) e.payload.Set("deadline_days", Value::Int(d.deadline_days));
  if (d.mediator_grade > 0) e.payload.Set("mediator_grade", Value::Int(d.mediator_grade));
  if (on.valid()) e.payload.Set("date", Value::String(on.ToString()));
  c->events.push_back(std::move(e));
  c->state = Replay(*c, settings).state;
  return Status::Ok();
}

}  // namespace mediate
