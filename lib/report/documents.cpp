#include "documents.hpp"

#include <algorithm>

#include "case_record.hpp"
#include "lifecycle.hpp"
#include "lifecycle_steps.hpp"
#include "money.hpp"
#include "pii.hpp"
#include "render.hpp"
#include "text_input.hpp"

namespace mediate {
namespace {

/// Collects what a document lacks.
class Missing {
 public:
  Missing(const Case& c, const std::string& kind) : c_(c), kind_(kind) {}
  void Need(bool present, const std::string& what) {
    if (!present) sink_.Error({c_.id, 0, 0}, kind_, "missing " + what);
  }
  Status ToStatus() const {
    return sink_.ToStatus("cannot make the " + kind_ + " document of " + c_.id + ": " +
                          std::to_string(sink_.error_count()) +
                          " required item(s) missing; nothing written");
  }

 private:
  const Case& c_;
  std::string kind_;
  DiagnosticSink sink_;
};

std::string Zh(const DocumentContext& ctx, const char* list, const std::string& code) {
  std::string zh = ctx.settings->vocab.Get(list).Zh(code);
  return zh.empty() ? code : zh;
}

std::string OrgName(const DocumentContext& ctx, const std::string& id) {
  auto it = ctx.orgs->find(id);
  return it == ctx.orgs->end() ? id : it->second.name;
}

std::string PartyLine(const Party& p, const DocumentContext& ctx) {
  std::string line = p.name + "（" + Zh(ctx, "party_kind", p.kind) + "）";
  if (!p.id_number.empty())
    line += "，公民身份号码：" + (ctx.reveal ? p.id_number : MaskIdNumber(p.id_number));
  if (!p.credit_code.empty())
    line += "，统一社会信用代码：" + (ctx.reveal ? p.credit_code : MaskCreditCode(p.credit_code));
  if (!p.phone.empty()) line += "，联系电话：" + (ctx.reveal ? p.phone : MaskPhone(p.phone));
  return line;
}

DocumentSection PartiesSection(const Case& c, const DocumentContext& ctx) {
  DocumentSection s;
  s.heading = "当事人";
  for (const Party& p : c.parties)
    s.fields.emplace_back(Zh(ctx, "party_role", p.role), PartyLine(p, ctx));
  return s;
}

std::string Handlers(const Derived& d, const DocumentContext& ctx) {
  std::string out;
  for (const auto& id : d.state.mediators) {
    auto it = ctx.mediators->find(id);
    out += (out.empty() ? "" : "、") + (it == ctx.mediators->end() ? id : it->second.name);
  }
  if (!d.grid_worker.empty()) out += (out.empty() ? "" : "、") + d.grid_worker + "（网格员）";
  return out;
}

std::string PlaceText(const Case& c, const DocumentContext& ctx) {
  std::string out;
  for (const auto* code : {&c.place.street, &c.place.community, &c.place.grid})
    if (!code->empty()) out += ctx.areas->NameOf(*code);
  if (!c.place.address.empty()) out += c.place.address;
  return out;
}

std::string Yuan(const std::string& text) {
  auto fen = ParseYuanToFen(text);
  return fen ? Money::FromFen(*fen).Yuan() + "元" : text;
}

std::string ShortName(const std::string& by) {
  auto lt = by.find(" <");
  return lt == std::string::npos ? by : by.substr(0, lt);
}

bool IsTrue(const Event& e, const char* key) { return e.Get(key) == "true"; }

Status Application(const Case& c, const Derived& d, const DocumentContext& ctx, Document* doc) {
  Missing m(c, "application");
  m.Need(c.received.valid(), "the date received");
  m.Need(!c.category.empty(), "the category");
  m.Need(!c.summary.empty(), "the summary of the dispute");
  m.Need(std::any_of(c.parties.begin(), c.parties.end(),
                     [](const Party& p) { return p.role == "applicant"; }),
         "an applicant");
  MEDIATE_RETURN_IF_ERROR(m.ToStatus());
  doc->title = "人民调解受理登记表";
  const Settings& s = *ctx.settings;
  DocumentSection reg;
  reg.fields = {{"受理日期", ChineseDate(s.time_zone.LocalDate(c.received))},
                {"案件来源", Zh(ctx, "source", c.source)},
                {"纠纷类型", Zh(ctx, "category", c.category)}};
  if (!c.risk.empty()) reg.fields.emplace_back("风险等级", Zh(ctx, "risk", c.risk));
  doc->sections.push_back(std::move(reg));
  doc->sections.push_back(PartiesSection(c, ctx));
  DocumentSection dispute;
  dispute.heading = "纠纷情况";
  if (std::string place = PlaceText(c, ctx); !place.empty())
    dispute.fields.emplace_back("纠纷发生地", place);
  dispute.fields.emplace_back("纠纷简要情况", c.summary);
  if (c.amount) dispute.fields.emplace_back("涉及金额", c.amount->Yuan() + "元");
  if (c.people_involved > 0)
    dispute.fields.emplace_back("涉及人数", std::to_string(c.people_involved) + "人");
  if (!d.state.org.empty()) dispute.fields.emplace_back("承办组织", OrgName(ctx, d.state.org));
  doc->sections.push_back(std::move(dispute));
  doc->signatures = {"申请人（签名）：", "登记人（签名）：", "登记日期："};
  return Status::Ok();
}

Status Notice(const Case& c, const Derived& d, const DocumentContext& ctx, Document* doc) {
  Missing m(c, "notice");
  m.Need(!d.state.org.empty(), "the organisation handling the case (mediate route)");
  m.Need(!c.parties.empty(), "the parties");
  MEDIATE_RETURN_IF_ERROR(m.ToStatus());
  doc->title = "人民调解权利义务告知书";
  std::string to;
  for (const Party& p : c.parties) to += (to.empty() ? "" : "、") + p.name;
  DocumentSection intro;
  intro.paragraphs = {
      to + "：",
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
  doc->signatures = {OrgName(ctx, d.state.org) + "（印章）", "当事人签收：", "日期："};
  return Status::Ok();
}

Status Agreement(const Case& c, const Derived& d, const DocumentContext& ctx, Document* doc) {
  Missing m(c, "agreement");
  m.Need(d.agreed_event >= 0, "an agreement (mediate agree)");
  if (d.agreed_event < 0) return m.ToStatus();
  const Event& e = c.events[static_cast<std::size_t>(d.agreed_event)];
  const bool written = e.Get("form") != "oral";
  auto terms = e.GetList("terms");
  m.Need(!terms.empty(), "the agreed terms (Law Art. 29; agree --terms)");
  if (written) {
    // Law Art. 29: basic information of the parties; main facts, points in
    // dispute and responsibilities; terms; manner and time limit of
    // performance; signatures and seal. 2002 Provisions Art. 35: the place.
    for (const Party& p : c.parties)
      m.Need(!p.id_number.empty() || !p.credit_code.empty(),
             "the ID number or credit code of " + p.name +
                 " (the parties' basic information, "
                 "Law Art. 29)");
    m.Need(!e.Get("facts").empty(),
           "the main facts, points in dispute and responsibilities (Law Art. 29; agree --facts)");
    m.Need(!e.Get("manner").empty(), "the manner of performance (Law Art. 29; agree --manner)");
    m.Need(!e.Get("place").empty(),
           "the place of performance (2002 Provisions Art. 35; agree --place)");
    m.Need(!e.Get("performance_deadline").empty(),
           "the time limit of performance (Law Art. 29; agree --deadline)");
    auto signed_by = e.GetList("signed_by");
    for (const Party& p : c.parties)
      m.Need(std::find(signed_by.begin(), signed_by.end(), p.name) != signed_by.end(),
             "the signature of " + p.name + " (Law Art. 29)");
    m.Need(IsTrue(e, "mediator_signed"), "the mediator's signature (Law Art. 29)");
    m.Need(IsTrue(e, "sealed"), "the committee's seal (Law Art. 29)");
    m.Need(!Handlers(d, ctx).empty(), "the mediator's name (mediate assign)");
  }
  MEDIATE_RETURN_IF_ERROR(m.ToStatus());
  doc->title = written ? "人民调解协议书" : "口头调解协议记录";
  doc->sections.push_back(PartiesSection(c, ctx));
  if (!e.Get("facts").empty()) {
    DocumentSection facts;
    facts.heading = "纠纷的主要事实、争议事项以及各方当事人的责任";
    facts.paragraphs = {e.Get("facts")};
    doc->sections.push_back(std::move(facts));
  }
  DocumentSection content;
  content.heading = "经人民调解委员会调解，各方当事人自愿达成如下协议";
  content.items = terms;
  doc->sections.push_back(std::move(content));
  DocumentSection perf;
  perf.heading = "履行";
  if (!e.Get("amount").empty()) perf.fields.emplace_back("涉及金额", Yuan(e.Get("amount")));
  if (!e.Get("manner").empty()) perf.fields.emplace_back("履行方式", e.Get("manner"));
  if (!e.Get("place").empty()) perf.fields.emplace_back("履行地点", e.Get("place"));
  if (auto dl = Date::Parse(e.Get("performance_deadline")))
    perf.fields.emplace_back("履行期限", ChineseDate(*dl) + "前");
  if (IsTrue(e, "instalments")) perf.fields.emplace_back("分期履行", "是");
  if (!perf.fields.empty()) doc->sections.push_back(std::move(perf));
  DocumentSection effect;
  const std::size_t copies = c.parties.size() + 1;
  if (written) {
    effect.paragraphs = {
        "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起"
        "生效（《人民调解法》第二十九条）。生效日期：" +
            ChineseDate(d.agreement_effective) + "。",
        "本协议一式" + std::to_string(copies) + "份，当事人各执一份，人民调解委员会留存一份。",
        "当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《人民调解法》第三十三条）"
        "。"};
    for (const Party& p : c.parties)
      doc->signatures.push_back("当事人（签名、盖章或按指印）：" + p.name);
    doc->signatures.push_back("人民调解员（签名）：" + Handlers(d, ctx));
    doc->signatures.push_back(OrgName(ctx, d.state.org) + "（印章）");
  } else {
    effect.paragraphs = {
        "口头调解协议自各方当事人达成协议之日起生效（《人民调解法》第三十条）。"
        "生效日期：" +
        ChineseDate(d.agreement_effective) + "。"};
    doc->signatures.push_back("记录人（人民调解员）：" + Handlers(d, ctx));
  }
  doc->sections.push_back(std::move(effect));
  doc->signatures.push_back("日期：" + ChineseDate(d.concluded));
  return Status::Ok();
}

Status Termination(const Case& c, const Derived& d, const DocumentContext& ctx, Document* doc) {
  Missing m(c, "termination");
  m.Need(d.terminated_event >= 0, "a termination (mediate terminate)");
  if (d.terminated_event < 0) return m.ToStatus();
  const Event& e = c.events[static_cast<std::size_t>(d.terminated_event)];
  m.Need(!e.Get("reason").empty(), "the reason for the termination (terminate --reason)");
  MEDIATE_RETURN_IF_ERROR(m.ToStatus());
  doc->title = "终止人民调解告知书";
  std::string to;
  for (const Party& p : c.parties) to += (to.empty() ? "" : "、") + p.name;
  DocumentSection body;
  body.paragraphs = {
      to + "：",
      "你们之间的" + Zh(ctx, "category", c.category) + "，经本委员会调解，因" + e.Get("reason") +
          "，调解不成，本委员会决定终止调解（《人民调解法》第二十六条）。",
      e.Get("guidance").empty() ? "当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"
                                : e.Get("guidance") + "。"};
  if (e.Get("materials") == "returned_to_court")
    body.paragraphs.push_back("本案系人民法院" +
                              std::string(c.source == "court_delegated" ? "委派" : "委托") +
                              "调解案件，相关材料已退回人民法院。");
  doc->sections.push_back(std::move(body));
  doc->signatures = {OrgName(ctx, d.state.org) + "（印章）", "日期：" + ChineseDate(d.concluded)};
  return Status::Ok();
}

Status Visit(const Case& c, const Derived& d, const DocumentContext& ctx, Document* doc) {
  Missing m(c, "visit");
  m.Need(d.visit_event >= 0, "a return visit (mediate visit)");
  if (d.visit_event < 0) return m.ToStatus();
  const Event& e = c.events[static_cast<std::size_t>(d.visit_event)];
  m.Need(!e.Get("visitor").empty(), "the visitor (visit --visitor)");
  m.Need(!e.Get("method").empty(), "the method of the visit (visit --method)");
  m.Need(!e.Get("performance").empty(), "the performance found (visit --performance)");
  m.Need(!e.Get("satisfaction").empty(), "the parties' satisfaction (visit --satisfaction)");
  MEDIATE_RETURN_IF_ERROR(m.ToStatus());
  doc->title = "人民调解回访记录";
  DocumentSection s;
  std::string names;
  for (const Party& p : c.parties) names += (names.empty() ? "" : "、") + p.name;
  s.fields = {{"协议编号", FileNumber(c, *ctx.settings)},
              {"当事人", names},
              {"回访日期", ChineseDate(EventDate(e, *ctx.settings))},
              {"回访方式", StepCodeLabel("visit_method", e.Get("method"))},
              {"回访人", e.Get("visitor")},
              {"协议履行情况", Zh(ctx, "performance", e.Get("performance"))},
              {"当事人满意度", StepCodeLabel("satisfaction", e.Get("satisfaction"))},
              {"是否起诉", IsTrue(e, "lawsuit") ? "是" : "否"},
              {"有无再次激化风险", IsTrue(e, "renewed_risk") ? "有：" + e.Get("risk_note") : "无"}};
  if (!e.Get("note").empty()) s.fields.emplace_back("备注", e.Get("note"));
  doc->sections.push_back(std::move(s));
  doc->signatures = {"回访人（签名）：" + e.Get("visitor"), "被回访人（签名）："};
  return Status::Ok();
}

Status Cover(const Case& c, const Derived& d, const DocumentContext& ctx, Document* doc) {
  Missing m(c, "cover");
  m.Need(d.closed_event >= 0, "the closing of the case file (mediate close)");
  m.Need(!Handlers(d, ctx).empty() || c.migrated, "the mediator (mediate assign)");
  m.Need(d.concluded.valid(), "the date concluded");
  std::string retention;
  if (d.closed_event >= 0)
    retention = c.events[static_cast<std::size_t>(d.closed_event)].Get("retention");
  m.Need(!retention.empty(), "the retention period (close --retention)");
  MEDIATE_RETURN_IF_ERROR(m.ToStatus());
  const Event& closed = c.events[static_cast<std::size_t>(d.closed_event)];
  doc->title = "人民调解卷宗";
  std::string names;
  for (const Party& p : c.parties) names += (names.empty() ? "" : "、") + p.name;
  DocumentSection s;
  s.fields = {{"卷号", FileNumber(c, *ctx.settings)},
              {"案由", Zh(ctx, "category", c.category)},
              {"当事人", names},
              {"调解组织", OrgName(ctx, d.state.org)},
              {"人民调解员", Handlers(d, ctx).empty() ? "（台账未记载）" : Handlers(d, ctx)},
              {"调解结果", Zh(ctx, "outcome", d.outcome)},
              {"受理日期", ChineseDate(ctx.settings->time_zone.LocalDate(c.received))},
              {"结案日期", ChineseDate(d.concluded)},
              {"立卷人", ShortName(closed.by)},
              {"立卷日期", ChineseDate(d.closed)},
              {"保管期限", StepCodeLabel("retention", retention)}};
  doc->sections.push_back(std::move(s));
  return Status::Ok();
}

/// Markdown text with the characters that would start markup escaped.
std::string EscapeMd(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\\' || ch == '*' || ch == '_' || ch == '`' || ch == '#' || ch == '|' || ch == '<' ||
        ch == '[' || ch == ']')
      out += '\\';
    out += ch == '\n' ? ' ' : ch;
  }
  return out;
}

}  // namespace

std::vector<std::string> DocumentKinds() {
  return {"application", "notice", "agreement", "termination", "visit", "cover"};
}

std::string FileNumber(const Case& c, const Settings& settings) {
  if (!c.file_no.empty()) return c.file_no;
  std::string office;
  int year = 0, seq = 0;
  if (!ParseCaseId(c.id, &office, &year, &seq)) return "";
  std::string word = settings.file_no_word.empty() ? "人调字" : settings.file_no_word;
  return "(" + std::to_string(year) + ")" + word + "第" + std::to_string(seq) + "号";
}

std::string ChineseDate(Date d) {
  if (!d.valid()) return "";
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}

Result<Document> BuildDocument(const Case& c, const std::string& kind, const DocumentContext& ctx) {
  Derived d = Replay(c, *ctx.settings);
  Document doc;
  doc.kind = kind;
  doc.file_no = FileNumber(c, *ctx.settings);
  Status st;
  if (kind == "application") {
    st = Application(c, d, ctx, &doc);
  } else if (kind == "notice") {
    st = Notice(c, d, ctx, &doc);
  } else if (kind == "agreement") {
    st = Agreement(c, d, ctx, &doc);
  } else if (kind == "termination") {
    st = Termination(c, d, ctx, &doc);
  } else if (kind == "visit") {
    st = Visit(c, d, ctx, &doc);
  } else if (kind == "cover") {
    st = Cover(c, d, ctx, &doc);
  } else {
    std::string kinds;
    for (const auto& k : DocumentKinds()) kinds += (kinds.empty() ? "" : ", ") + k;
    return Status::Usage("unknown document kind \"" + kind + "\"; kinds: " + kinds);
  }
  MEDIATE_RETURN_IF_ERROR(st);
  if (!ctx.reveal) doc.note = "个人信息已遮蔽（personal data masked）；打印正式文书请加 --reveal。";
  return doc;
}

std::string RenderDocumentMarkdown(const Document& doc) {
  std::string out = "# " + EscapeMd(doc.title) + "\n\n";
  if (!doc.file_no.empty()) out += EscapeMd(doc.file_no) + "\n\n";
  for (const auto& s : doc.sections) {
    if (!s.heading.empty()) out += "## " + EscapeMd(s.heading) + "\n\n";
    for (const auto& [label, value] : s.fields)
      out += "- **" + EscapeMd(label) + "**：" + EscapeMd(value) + "\n";
    if (!s.fields.empty()) out += "\n";
    for (const auto& p : s.paragraphs) out += EscapeMd(p) + "\n\n";
    for (std::size_t i = 0; i < s.items.size(); ++i)
      out += std::to_string(i + 1) + ". " + EscapeMd(s.items[i]) + "\n";
    if (!s.items.empty()) out += "\n";
  }
  for (const auto& line : doc.signatures) out += EscapeMd(line) + "\n\n";
  if (!doc.note.empty()) out += "> " + EscapeMd(doc.note) + "\n";
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

std::string RenderDocumentHtml(const Document& doc) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      EscapeHtml(doc.title) +
      "</title>\n<style>\n"
      "@page { size: A4; margin: 25mm 20mm; }\n"
      "body { font-family: \"Noto Serif CJK SC\", \"Songti SC\", SimSun, serif; font-size: 14pt;"
      " line-height: 1.8; max-width: 170mm; margin: auto; }\n"
      "h1 { text-align: center; font-size: 20pt; letter-spacing: 0.2em; }\n"
      ".file-no { text-align: right; }\n"
      "h2 { font-size: 14pt; margin-top: 1.2em; }\n"
      "dl { display: grid; grid-template-columns: max-content 1fr; column-gap: 1em; }\n"
      "dt { font-weight: bold; }\n"
      ".signatures p { margin: 1.6em 0; }\n"
      ".note { color: #a00; font-size: 10pt; }\n"
      "</style>\n</head>\n<body>\n<h1>" +
      EscapeHtml(doc.title) + "</h1>\n";
  if (!doc.file_no.empty()) out += "<p class=\"file-no\">" + EscapeHtml(doc.file_no) + "</p>\n";
  for (const auto& s : doc.sections) {
    if (!s.heading.empty()) out += "<h2>" + EscapeHtml(s.heading) + "</h2>\n";
    if (!s.fields.empty()) {
      out += "<dl>\n";
      for (const auto& [label, value] : s.fields)
        out += "<dt>" + EscapeHtml(label) + "</dt><dd>" + EscapeHtml(value) + "</dd>\n";
      out += "</dl>\n";
    }
    for (const auto& p : s.paragraphs) out += "<p>" + EscapeHtml(p) + "</p>\n";
    if (!s.items.empty()) {
      out += "<ol>\n";
      for (const auto& i : s.items) out += "<li>" + EscapeHtml(i) + "</li>\n";
      out += "</ol>\n";
    }
  }
  if (!doc.signatures.empty()) {
    out += "<div class=\"signatures\">\n";
    for (const auto& line : doc.signatures) out += "<p>" + EscapeHtml(line) + "</p>\n";
    out += "</div>\n";
  }
  if (!doc.note.empty()) out += "<p class=\"note\">" + EscapeHtml(doc.note) + "</p>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace mediate
