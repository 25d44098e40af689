// The documents of intake: the application or registration form, the
// acceptance receipt, the notice of rights and duties, and the refusal
// (doc_parts.hpp; requirements in docs/law.md).
#include "area.hpp"
#include "doc_parts.hpp"
#include "i18n.hpp"
#include "money.hpp"

namespace mediate::doc {
namespace {

std::string PlaceText(const Input& in) {
  std::string out;
  for (const auto* code : {&in.c.place.street, &in.c.place.community, &in.c.place.grid})
    if (!code->empty()) out += in.ctx.areas->NameOf(*code);
  if (!in.c.place.address.empty()) out += in.c.place.address;
  return out;
}

/// The names of the parties with `role`, joined by "、".
std::string NamesOf(const Case& c, const char* role) {
  std::string out;
  for (const Party& p : c.parties)
    if (p.role == role) out += (out.empty() ? "" : "、") + p.name;
  return out;
}

std::string Received(const Input& in) {
  return ChineseDate(in.ctx.settings->time_zone.LocalDate(in.c.received));
}

}  // namespace

void Application(const Input& in, Document* doc) {
  const Case& c = in.c;
  doc->title = "人民调解受理登记表";
  DocumentSection reg;
  reg.fields = {
      {"受理日期", Fill(doc, c.received.valid() ? Received(in) : "", _("the date received"))},
      {"案件来源", Zh(in.ctx, "source", c.source)},
      {"纠纷类型",
       Fill(doc, c.category.empty() ? "" : Zh(in.ctx, "category", c.category), _("the category"))}};
  if (!c.risk.empty()) reg.fields.emplace_back("风险等级", Zh(in.ctx, "risk", c.risk));
  doc->sections.push_back(std::move(reg));
  Fill(doc, NamesOf(c, "applicant"), _("an applicant"));
  doc->sections.push_back(PartiesSection(in, doc, false));
  DocumentSection dispute;
  dispute.heading = "纠纷情况";
  if (std::string place = PlaceText(in); !place.empty())
    dispute.fields.emplace_back("纠纷发生地", place);
  dispute.fields.emplace_back("纠纷简要情况",
                              Fill(doc, c.summary, _("the summary of the dispute")));
  if (c.amount)
    dispute.fields.emplace_back(
        "涉及金额", "人民币" + CapitalYuan(*c.amount) + "（¥" + c.amount->GroupedYuan() + "）");
  if (c.people_involved > 0)
    dispute.fields.emplace_back("涉及人数", std::to_string(c.people_involved) + "人");
  if (!in.d.state.org.empty())
    dispute.fields.emplace_back("承办组织", OrgName(in.ctx, in.d.state.org));
  doc->sections.push_back(std::move(dispute));
  doc->signatures = {SignLine("申请人"), SignLine("登记人")};
}

void Receipt(const Input& in, Document* doc) {
  const Case& c = in.c;
  doc->title = "人民调解受理通知书";
  std::string org = Fill(doc, in.d.state.org.empty() ? "" : OrgName(in.ctx, in.d.state.org),
                         _("the organisation that accepted the case (mediate route)"));
  std::string applicants = NamesOf(c, "applicant");
  std::string others = NamesOf(c, "respondent");
  DocumentSection body;
  body.paragraphs = {Fill(doc, applicants, _("an applicant")) + "：",
                     "你（单位）于" + Received(in) + "申请调解的" +
                         (others.empty() ? "" : "与" + others + "之间的") +
                         Zh(in.ctx, "category", c.category) + "，经审查，符合人民调解的受理条件，" +
                         org + "决定受理（《人民调解法》第十七条）。" +
                         (Handlers(in.d, in.ctx).empty()
                              ? ""
                              : "本案由人民调解员" + Handlers(in.d, in.ctx) + "主持调解。"),
                     "人民调解不收取任何费用（《人民调解法》第四条）。请按通知的时间、地点参加调解"
                     "，如实陈述纠纷事实。",
                     SealLine(in)};
  doc->sections.push_back(std::move(body));
  DocumentSection receipt;
  receipt.heading = "回执";
  receipt.paragraphs = {doc->file_no + "受理通知书已收到。"};
  doc->sections.push_back(std::move(receipt));
  doc->signatures = {SignLine("收件人")};
}

void Notice(const Input& in, Document* doc) {
  doc->title = "人民调解权利义务告知书";
  Fill(doc, in.d.state.org, _("the organisation handling the case (mediate route)"));
  DocumentSection intro;
  intro.paragraphs = {
      Fill(doc, PartyNames(in.c), _("the parties")) + "：",
      "根据《中华人民共和国人民调解法》的规定，人民调解委员会调解民间纠纷，不收取任何费用"
      "（第四条）。现将当事人在人民调解活动中享有的权利和承担的义务告知如下："};
  doc->sections.push_back(std::move(intro));
  DocumentSection rights;
  rights.heading = "当事人享有下列权利（第二十三条）";
  rights.items = {"选择或者接受人民调解员；", "接受调解、拒绝调解或者要求终止调解；",
                  "要求调解公开进行或者不公开进行；", "自主表达意愿、自愿达成调解协议。"};
  DocumentSection duties;
  duties.heading = "当事人承担下列义务（第二十四条）";
  duties.items = {"如实陈述纠纷事实；", "遵守调解现场秩序，尊重人民调解员；",
                  "尊重对方当事人行使权利。"};
  doc->sections.push_back(std::move(rights));
  doc->sections.push_back(std::move(duties));
  doc->signatures = {SealLine(in)};
  for (std::size_t i = 0; i < in.c.parties.size(); ++i)
    doc->signatures.push_back(SignLine(RoleLabel(in.c, i, in.ctx) + "签收"));
}

void Refusal(const Input& in, Document* doc) {
  const Case& c = in.c;
  doc->title = "不予受理告知书";
  int i = LastEvent(c, "refused");
  Fill(doc, i >= 0 ? "refused" : "", _("a refusal (mediate refuse)"));
  const Event* e = i >= 0 ? &c.events[static_cast<std::size_t>(i)] : nullptr;
  std::string reason =
      Fill(doc, e ? e->Get("reason") : "",
           _("the reason for not accepting (2002 Provisions Art. 22; refuse --reason)"));
  std::string go_to =
      Fill(doc, e ? e->Get("go_to") : "",
           _("where the parties should go instead (2002 Provisions Art. 22; refuse --go-to)"));
  std::string others = NamesOf(c, "respondent");
  DocumentSection body;
  body.paragraphs = {Fill(doc, NamesOf(c, "applicant"), _("an applicant")) + "：",
                     "你（单位）于" + Received(in) + "申请调解的" +
                         (others.empty() ? "" : "与" + others + "之间的") +
                         Zh(in.ctx, "category", c.category) + "，因" + reason +
                         "，依照司法部《人民调解工作若干规定》第二十二条的规定，本委员会不予受理。",
                     "请你（单位）向" + go_to + "申请解决。", SealLine(in)};
  doc->sections.push_back(std::move(body));
  doc->signatures = {SignLine("当事人签收")};
}

}  // namespace mediate::doc
