#include "step_context.hpp"

#include <map>

#include "i18n.hpp"
#include "lifecycle.hpp"
#include "step_dates.hpp"
#include "timeline.hpp"
#include "timeline_labels.hpp"
#include "vocab.hpp"

namespace mediate {
namespace {

struct Code {
  const char* code;
  const char* zh;
};

const std::map<std::string, std::vector<Code>>& StepVocabs() {
  static const std::map<std::string, std::vector<Code>> kLists = {
      {"session_mode",
       {{"on_site", "现场"}, {"phone", "电话"}, {"video", "视频"}, {"online", "网上"}}},
      {"visit_method",
       {{"on_site", "现场"}, {"phone", "电话"}, {"video", "视频"}, {"online", "网上"}}},
      {"satisfaction",
       {{"satisfied", "满意"}, {"basically_satisfied", "基本满意"}, {"dissatisfied", "不满意"}}},
      {"confirmation_result",
       {{"applied", "已申请"},
        {"confirmed", "已确认"},
        {"rejected", "驳回"},
        {"withdrawn", "撤回申请"}}},
      {"matter", {{"personal_status", "身份关系"}, {"ownership", "确权"}, {"other", "其他"}}},
      {"retention", {{"permanent", "永久"}, {"long", "长期"}, {"short", "短期"}}},
      {"performance", {{"full", "已履行"}, {"instalment", "分期履行"}, {"none", "未履行"}}},
      {"form", {{"written", "书面"}, {"oral", "口头"}}},
      {"mediator_status", {{"active", "在职"}, {"retired", "离任"}}},
  };
  return kLists;
}

}  // namespace

std::string ResolveStepCode(const std::string& list, const std::string& text) {
  auto it = StepVocabs().find(list);
  if (it == StepVocabs().end()) return {};
  for (const Code& c : it->second)
    if (text == c.code || text == c.zh) return c.code;
  return {};
}

std::string StepCodeLabel(const std::string& list, const std::string& code) {
  auto it = StepVocabs().find(list);
  if (it == StepVocabs().end()) return {};
  for (const Code& c : it->second)
    if (code == c.code) return c.zh;
  return {};
}

std::string StepCodeList(const std::string& list) {
  std::string out;
  auto it = StepVocabs().find(list);
  if (it == StepVocabs().end()) return out;
  for (const Code& c : it->second)
    out += (out.empty() ? "" : ", ") + std::string(c.code) + " " + c.zh;
  return out;
}

std::vector<std::pair<std::string, std::string>> StepCodes(const std::string& list) {
  std::vector<std::pair<std::string, std::string>> out;
  auto it = StepVocabs().find(list);
  if (it != StepVocabs().end())
    for (const Code& c : it->second) out.emplace_back(c.code, c.zh);
  return out;
}

std::string StepKnownValues(const std::string& list) {
  if (!TranslationOn()) return StepCodeList(list);
  std::string out;
  auto it = StepVocabs().find(list);
  if (it == StepVocabs().end()) return out;
  for (const Code& c : it->second) out += (out.empty() ? "" : "、") + std::string(c.zh);
  return out;
}

std::string ShownCode(const std::string& list, const std::string& code) {
  if (!TranslationOn()) return code;
  if (std::string zh = StepCodeLabel(list, code); !zh.empty()) return zh;
  if (std::string zh = Vocabulary::Builtin().Get(list).Zh(code); !zh.empty()) return zh;
  return code;
}

}  // namespace mediate

namespace mediate::step_options {

Location At(const Case& c) { return {c.id, 0, 0}; }

/// Parses an optional date option: `text` or, when empty, `fallback`. Refuses
/// dates after today and before `not_before` (when valid), naming `what`.
Date DateOption(const Case& c, const std::string& option, const std::string& text, Date fallback,
                Date today, Date not_before, const std::string& what, DiagnosticSink* sink) {
  if (text.empty()) return fallback;
  auto d = Date::Parse(text);
  if (!d) {
    sink->Error(At(c), option, Tr("{0} is not a date (YYYY-MM-DD)", text));
    return {};
  }
  if (today.valid() && *d > today) sink->Error(At(c), option, Tr("{0} is in the future", text));
  if (not_before.valid() && *d < not_before)
    sink->Error(At(c), option, Tr("{0} is before {1} ({2})", text, what, not_before.ToString()));
  return *d;
}

std::string ResolveOrError(const Case& c, const std::string& list, const std::string& option,
                           const std::string& text, bool required, DiagnosticSink* sink) {
  if (text.empty()) {
    if (required) sink->Error(At(c), option, Tr("is required: {0}", StepKnownValues(list)));
    return {};
  }
  std::string code = ResolveStepCode(list, text);
  if (code.empty())
    sink->Error(At(c), option,
                Tr("unknown value \"{0}\"; known: {1}", text, StepKnownValues(list)));
  return code;
}

Date ReceivedDate(const Case& c, const StepContext& ctx) {
  return ctx.settings->time_zone.LocalDate(c.received);
}

Date NotBefore(const Case& c, const StepContext& ctx, EventKind kind, std::string* what) {
  *what = _("the date received");
  Date received = ReceivedDate(c, ctx);
  const PriorStep prior = StepBefore(c, c.events.size(), kind, *ctx.settings);
  if (prior.index < 0 || !prior.date.valid() || !received.valid() || prior.date <= received)
    return received;
  *what = Tr("the {0} step it follows", ShownEvent(prior.type));
  return prior.date;
}

}  // namespace mediate::step_options
