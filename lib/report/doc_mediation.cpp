// The documents of mediation and its end: the session record, the
// agreement or oral-agreement record, the termination notice and the joint
// application for judicial confirmation (doc_parts.hpp; requirements in
// docs/law.md).
#include <algorithm>

#include "chinese_count.hpp"
#include "doc_parts.hpp"
#include "i18n.hpp"
#include "money.hpp"
#include "step_context.hpp"
#include "text_input.hpp"

namespace mediate::doc {
namespace {

bool IsTrue(const Event& e, const char* key) { return e.Get(key) == "true"; }

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "、") + s;
  return out;
}

/// "人民币叁仟伍佰元整（¥3,500.00）" for yuan text ("" when it is not an amount).
std::string AmountText(const std::string& text) {
  auto fen = ParseYuanToFen(text);
  if (!fen) return text;
  Money m = Money::FromFen(*fen);
  return "人民币" + CapitalYuan(m) + "（¥" + m.GroupedYuan() + "）";
}

}  // namespace

void SessionRecord(const Input& in, Document* doc) {
  const Event* e = EventAt(in.c, in.event);
  Fill(doc, e ? "session" : "", _("a session record (mediate session)"));
  doc->title = "调解笔录";
  std::vector<int> sessions = Sessions(in.c);
  auto pos = std::find(sessions.begin(), sessions.end(), in.event);
  DocumentSection s;
  if (e)
    s.fields.emplace_back("次数",
                          "第" + ChineseCount(static_cast<int>(pos - sessions.begin()) + 1) + "次");
  s.fields.emplace_back("时间", Fill(doc, e ? ChineseDate(DateOf(in, in.event)) : "",
                                     e ? _("the date of the session (session --date)") : ""));
  if (e && !e->Get("mode").empty())
    s.fields.emplace_back("调解方式", StepCodeLabel("session_mode", e->Get("mode")));
  s.fields.emplace_back("调解组织",
                        in.d.state.org.empty() ? kBlank : OrgName(in.ctx, in.d.state.org));
  s.fields.emplace_back(
      "人民调解员", Fill(doc, Handlers(in.d, in.ctx), e ? _("the mediator (mediate assign)") : ""));
  std::vector<std::string> participants =
      e ? e->GetList("participants") : std::vector<std::string>{};
  s.fields.emplace_back("参加人", Fill(doc, Join(participants),
                                       e ? _("the participants (session --participant)") : ""));
  s.fields.emplace_back("记录人", kBlank);
  doc->sections.push_back(std::move(s));
  DocumentSection said;
  said.heading = "调解情况（各方陈述、调解意见及达成的意见）";
  said.paragraphs = {Fill(doc, e ? e->Get("note") : "",
                          e ? _("what was said and agreed at the session (session --note)") : ""),
                     "以上笔录经参加人核对无误。"};
  doc->sections.push_back(std::move(said));
  for (std::size_t i = 0; i < std::max<std::size_t>(participants.size(), 1); ++i)
    doc->signatures.push_back(SignLine("参加人"));
  doc->signatures.push_back(SignLine("人民调解员"));
  doc->signatures.push_back(SignLine("记录人"));
}

void Agreement(const Input& in, Document* doc) {
  const Case& c = in.c;
  const Event* e = EventAt(c, in.d.agreed_event);
  Fill(doc, e ? "agreed" : "", _("an agreement (mediate agree)"));
  const bool written = !e || e->Get("form") != "oral";
  auto get = [&](const char* key) { return e ? e->Get(key) : std::string(); };
  std::vector<std::string> terms = e ? e->GetList("terms") : std::vector<std::string>{};
  doc->title = written ? "人民调解协议书" : "人民调解口头协议登记表";
  if (terms.empty())
    doc->missing.push_back(_("missing the agreed terms (Law Art. 29; agree --terms)"));
  doc->sections.push_back(PartiesSection(in, doc, written));
  if (written || !get("facts").empty()) {
    DocumentSection facts;
    facts.heading = "纠纷的主要事实、争议事项以及各方当事人的责任";
    facts.paragraphs = {Fill(doc, get("facts"),
                             written ? _("the main facts, points in dispute and responsibilities "
                                         "(Law Art. 29; agree --facts)")
                                     : "")};
    doc->sections.push_back(std::move(facts));
  }
  DocumentSection content;
  content.heading = "经人民调解委员会调解，各方当事人自愿达成如下协议";
  content.items = terms.empty() ? std::vector<std::string>{kBlank} : terms;
  doc->sections.push_back(std::move(content));
  DocumentSection perf;
  perf.heading = "履行";
  if (!get("amount").empty()) perf.fields.emplace_back("金额", AmountText(get("amount")));
  auto need = [&](const char* label, std::string value, const char* what) {
    if (written || !value.empty())
      perf.fields.emplace_back(label, Fill(doc, value, written ? what : ""));
  };
  need("履行方式", get("manner"), _("the manner of performance (Law Art. 29; agree --manner)"));
  need("履行地点", get("place"),
       _("the place of performance (2002 Provisions Art. 35; agree --place)"));
  auto dl = Date::Parse(get("performance_deadline"));
  need("履行期限", dl ? ChineseDate(*dl) + "前" : "",
       _("the time limit of performance (Law Art. 29; agree --deadline)"));
  if (e && IsTrue(*e, "instalments")) perf.fields.emplace_back("分期履行", "是");
  if (!perf.fields.empty()) doc->sections.push_back(std::move(perf));
  DocumentSection effect;
  if (written) {
    if (e) {
      auto signed_by = e->GetList("signed_by");
      for (const Party& p : c.parties)
        if (std::find(signed_by.begin(), signed_by.end(), p.name) == signed_by.end())
          doc->missing.push_back(Tr("missing the signature of {0} (Law Art. 29)", p.name));
      if (!IsTrue(*e, "mediator_signed"))
        doc->missing.push_back(_("missing the mediator's signature (Law Art. 29)"));
      if (!IsTrue(*e, "sealed"))
        doc->missing.push_back(_("missing the committee's seal (Law Art. 29)"));
    }
    Fill(doc, Handlers(in.d, in.ctx), _("the mediator's name (mediate assign)"));
    const int copies = static_cast<int>(c.parties.size()) + 1;
    effect.paragraphs = {
        "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起"
        "生效（《人民调解法》第二十九条）。",
        "本协议一式" + ChineseCount(copies) + "份，当事人各执一份，人民调解委员会留存一份。",
        "当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《人民调解法》第三十三条）"
        "。"};
    for (std::size_t i = 0; i < c.parties.size(); ++i)
      doc->signatures.push_back(SignLine(RoleLabel(c, i, in.ctx), "签名、盖章或按指印"));
    doc->signatures.push_back(SignLine("人民调解员"));
    doc->signatures.push_back(SealLine(in));
  } else {
    effect.paragraphs = {"达成日期：" + ChineseDate(in.d.concluded) + "。",
                         "口头调解协议自各方当事人达成协议之日起生效（《人民调解法》第三十条）。"};
    for (std::size_t i = 0; i < c.parties.size(); ++i)
      doc->signatures.push_back(SignLine(RoleLabel(c, i, in.ctx) + "确认"));
    doc->signatures.push_back(SignLine("记录人（人民调解员）"));
  }
  doc->sections.push_back(std::move(effect));
}

void Termination(const Input& in, Document* doc) {
  const Case& c = in.c;
  const Event* e = EventAt(c, in.d.terminated_event);
  Fill(doc, e ? "terminated" : "", _("a termination (mediate terminate)"));
  doc->title = "终止人民调解告知书";
  std::string reason = Fill(doc, e ? e->Get("reason") : "",
                            e ? _("the reason for the termination (terminate --reason)") : "");
  std::string guidance = e ? e->Get("guidance") : "";
  DocumentSection body;
  body.paragraphs = {PartyNames(c) + "：",
                     "你们之间的" + Zh(in.ctx, "category", c.category) + "，经本委员会调解，因" +
                         reason + "，调解不成，本委员会决定终止调解（《人民调解法》第二十六条）。",
                     guidance.empty() ? "当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"
                                      : guidance + "。"};
  if (e && e->Get("materials") == "returned_to_court")
    body.paragraphs.push_back("本案系人民法院" +
                              std::string(c.source == "court_delegated" ? "委派" : "委托") +
                              "调解案件，相关材料已退回人民法院。");
  body.paragraphs.push_back(SealLine(in));
  doc->sections.push_back(std::move(body));
  for (std::size_t i = 0; i < c.parties.size(); ++i)
    doc->signatures.push_back(SignLine(RoleLabel(c, i, in.ctx) + "签收"));
}

void Confirmation(const Input& in, Document* doc) {
  const Case& c = in.c;
  const Event* agreed = EventAt(c, in.d.agreed_event);
  Fill(doc, agreed ? "agreed" : "", _("an agreement (mediate agree)"));
  if (agreed && agreed->Get("form") == "oral")
    doc->missing.push_back(
        _("missing a written agreement: the court confirms a written one "
          "(Law Art. 33)"));
  std::string court;
  for (const Event& e : c.events)
    if (e.type == "confirmation" && !e.Get("court").empty())
      court = OrgName(in.ctx, e.Get("court"));
  doc->title = "司法确认申请书";
  // A joint application: every party applies (申请人一, 申请人二, …).
  DocumentSection parties = PartiesSection(in, doc, true);
  parties.heading = "申请人";
  int n = 0;
  for (auto& field : parties.fields)
    if (field.first != "委托代理人") field.first = "申请人" + ChineseCount(++n);
  doc->sections.push_back(std::move(parties));
  std::string org = in.d.state.org.empty() ? kBlank : OrgName(in.ctx, in.d.state.org);
  std::string effective =
      Fill(doc, ChineseDate(in.d.agreement_effective),
           agreed ? _("the date the agreement took effect (Law Art. 29; agree --signed-by all "
                      "--mediator-signed --sealed)")
                  : "");
  DocumentSection request;
  request.heading = "请求事项";
  request.paragraphs = {"请求人民法院确认申请人于" + effective + "经" + org + "主持调解达成的" +
                        doc->file_no + "调解协议有效。"};
  doc->sections.push_back(std::move(request));
  DocumentSection reasons;
  reasons.heading = "事实和理由";
  reasons.paragraphs = {
      "申请人之间的" + Zh(in.ctx, "category", c.category) + "，经" + org + "调解，于" +
          (in.d.concluded.valid() ? ChineseDate(in.d.concluded) : kBlankDate) +
          "达成调解协议，该协议自" + effective +
          "起生效。依照《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》"
          "第二百零五条的规定，申请人自调解协议生效之日起三十日内，共同向调解组织所在地基层人民"
          "法院申请司法确认。",
      "申请人承诺：调解协议系自愿达成，内容不违反法律、行政法规的强制性规定，不损害国家利益、"
      "社会公共利益和他人合法权益；申请人对所提供材料的真实性负责。",
      "此致", Fill(doc, court, _("the court applied to (confirm --court)"))};
  doc->sections.push_back(std::move(reasons));
  DocumentSection att;
  att.heading = "附件";
  att.items = {"人民调解协议书", "申请人身份证明材料"};
  doc->sections.push_back(std::move(att));
  for (std::size_t i = 0; i < c.parties.size(); ++i)
    doc->signatures.push_back(
        SignLine("申请人" + ChineseCount(static_cast<int>(i) + 1), "签名、盖章或按指印"));
}

}  // namespace mediate::doc
