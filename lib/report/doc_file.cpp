// The documents that frame a case file: the cover with its table of
// contents, the return-visit record and the back cover (doc_parts.hpp;
// requirements in docs/law.md).
#include "chinese_count.hpp"
#include "doc_parts.hpp"
#include "i18n.hpp"
#include "step_context.hpp"

namespace mediate::doc {
namespace {

std::string ShortName(const std::string& by) {
  auto lt = by.find(" <");
  return lt == std::string::npos ? by : by.substr(0, lt);
}

}  // namespace

void Visit(const Input& in, Document* doc) {
  const Event* e = EventAt(in.c, in.d.visit_event);
  Fill(doc, e ? "visited" : "", _("a return visit (mediate visit)"));
  auto get = [&](const char* key) { return e ? e->Get(key) : std::string(); };
  auto what = [&](const char* w) { return e ? std::string(w) : std::string(); };
  doc->title = "人民调解回访记录";
  DocumentSection s;
  s.fields = {
      {"协议编号", doc->file_no},
      {"当事人", PartyNames(in.c)},
      {"回访日期", Fill(doc, ChineseDate(DateOf(in, in.d.visit_event)), "")},
      {"回访方式", Fill(doc, StepCodeLabel("visit_method", get("method")),
                        what(_("the method of the visit (visit --method)")))},
      {"回访人", Fill(doc, get("visitor"), what(_("the visitor (visit --visitor)")))},
      {"协议履行情况",
       Fill(doc, get("performance").empty() ? "" : Zh(in.ctx, "performance", get("performance")),
            what(_("the performance found (visit --performance)")))},
      {"当事人满意度", Fill(doc, StepCodeLabel("satisfaction", get("satisfaction")),
                            what(_("the parties' satisfaction (visit --satisfaction)")))},
      {"是否起诉", e ? (get("lawsuit") == "true" ? "是" : "否") : kBlank},
      {"有无再次激化风险",
       e ? (get("renewed_risk") == "true" ? "有：" + get("risk_note") : "无") : kBlank}};
  if (!get("note").empty()) s.fields.emplace_back("备注", get("note"));
  doc->sections.push_back(std::move(s));
  doc->signatures = {SignLine("回访人"), SignLine("被回访人")};
}

void Cover(const Input& in, Document* doc) {
  const Case& c = in.c;
  const Event* closed = EventAt(c, in.d.closed_event);
  const std::string closing = _("the closing of the case file (mediate close)");
  Fill(doc, closed ? "closed" : "", closing);
  std::string retention = closed ? closed->Get("retention") : "";
  // A refused or withdrawn case ends without a conclusion (agreement or
  // termination): no date concluded is due, nor a mediator (a refused matter
  // is never assigned; a withdrawn one may end before it is).
  const bool ends_unconcluded = in.d.outcome == "refused" || in.d.outcome == "withdrawn";
  doc->title = "人民调解卷宗";
  std::string handlers = Handlers(in.d, in.ctx);
  if (handlers.empty() && c.migrated) handlers = "（台账未记载）";
  DocumentSection s;
  s.fields = {{"卷号", doc->file_no},
              {"案由", Zh(in.ctx, "category", c.category)},
              {"当事人", PartyNames(c)},
              {"调解组织", in.d.state.org.empty() ? kBlank : OrgName(in.ctx, in.d.state.org)},
              {"人民调解员",
               Fill(doc, handlers, ends_unconcluded ? "" : _("the mediator (mediate assign)"))},
              {"调解结果", in.d.outcome.empty() ? kBlank : Zh(in.ctx, "outcome", in.d.outcome)},
              {"受理日期", ChineseDate(in.ctx.settings->time_zone.LocalDate(c.received))},
              {"结案日期", Fill(doc, ChineseDate(in.d.concluded),
                                ends_unconcluded ? "" : _("the date concluded"))},
              {"立卷人", closed ? ShortName(closed->by) : kBlank},
              {"立卷日期", closed ? ChineseDate(in.d.closed) : kBlank},
              {"保管期限", Fill(doc, StepCodeLabel("retention", retention),
                                closed ? _("the retention period (close --retention)") : "")}};
  doc->sections.push_back(std::move(s));
  DocumentSection toc;
  toc.heading = "卷内目录";
  toc.table.push_back({"序号", "文件名称", "日期", "备注"});
  for (const CaseFileEntry& e : *in.contents)
    toc.table.push_back(
        {std::to_string(e.order), e.title, e.date.valid() ? ChineseDate(e.date) : "", ""});
  doc->sections.push_back(std::move(toc));
}

void BackCover(const Input& in, Document* doc) {
  const Event* closed = EventAt(in.c, in.d.closed_event);
  Fill(doc, closed ? "closed" : "", _("the closing of the case file (mediate close)"));
  doc->title = "卷宗封底（备考表）";
  DocumentSection s;
  s.fields = {{"卷号", doc->file_no},
              {"立卷人", closed ? ShortName(closed->by) : kBlank},
              {"立卷日期", closed ? ChineseDate(in.d.closed) : kBlank}};
  s.paragraphs = {"本卷共有文件" + ChineseCount(static_cast<int>(in.contents->size())) + "件。",
                  "本卷情况说明：" + std::string(kBlank)};
  doc->sections.push_back(std::move(s));
  doc->signatures = {SignLine("立卷人"), SignLine("检查人")};
}

}  // namespace mediate::doc
