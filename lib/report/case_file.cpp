#include "case_file.hpp"

#include "chinese_count.hpp"
#include "doc_parts.hpp"
#include "file_number.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "text_input.hpp"

namespace mediate {
namespace {

constexpr const char* kMaskedNote =
    "个人信息已遮蔽（personal data masked）；打印正式文书请加 --reveal。";
/// The same note for a reader of the Chinese interface, without the English.
constexpr const char* kMaskedNoteZh = "个人信息已遮蔽；打印正式文书请加 --reveal。";

using Builder = void (*)(const doc::Input&, Document*);

struct KindRow {
  DocumentKindInfo info;
  Builder build;
};

const std::vector<KindRow>& Kinds() {
  static const std::vector<KindRow> kKinds = {
      {{"cover", "卷宗封面", {"cover", "卷宗封面", "封面", "卷内目录", "目录", "卷宗"}},
       doc::Cover},
      {{"application",
        "人民调解受理登记表",
        {"application", "人民调解受理登记表", "受理登记表", "登记表", "申请书", "人民调解申请书"}},
       doc::Application},
      {{"receipt",
        "人民调解受理通知书",
        {"receipt", "人民调解受理通知书", "受理通知书", "受理通知", "回执"}},
       doc::Receipt},
      {{"notice",
        "人民调解权利义务告知书",
        {"notice", "人民调解权利义务告知书", "权利义务告知书", "告知书"}},
       doc::Notice},
      {{"refusal", "不予受理告知书", {"refusal", "不予受理告知书", "不予受理"}}, doc::Refusal},
      {{"session", "调解笔录", {"session", "调解笔录", "笔录", "调解记录"}}, doc::SessionRecord},
      {{"agreement",
        "人民调解协议书",
        {"agreement", "人民调解协议书", "调解协议书", "协议书", "口头协议登记", "口头协议"}},
       doc::Agreement},
      {{"termination",
        "终止人民调解告知书",
        {"termination", "终止人民调解告知书", "终止调解告知书", "终止调解通知书", "终止调解"}},
       doc::Termination},
      {{"confirmation", "司法确认申请书", {"confirmation", "司法确认申请书", "司法确认"}},
       doc::Confirmation},
      {{"visit", "人民调解回访记录", {"visit", "人民调解回访记录", "回访记录", "回访"}},
       doc::Visit},
      {{"back", "卷宗封底", {"back", "卷宗封底", "封底", "备考表"}}, doc::BackCover},
  };
  return kKinds;
}

const KindRow* FindKind(const std::string& name) {
  for (const KindRow& row : Kinds())
    for (const auto& n : row.info.names)
      if (n == name) return &row;
  return nullptr;
}

std::string TitleOf(const std::string& kind) { return FindKind(kind)->info.title; }

}  // namespace

std::vector<std::string> DocumentKinds() {
  std::vector<std::string> out;
  for (const KindRow& row : Kinds()) out.push_back(row.info.code);
  return out;
}

const std::vector<DocumentKindInfo>& DocumentKindTable() {
  static const std::vector<DocumentKindInfo> kTable = [] {
    std::vector<DocumentKindInfo> out;
    for (const KindRow& row : Kinds()) out.push_back(row.info);
    return out;
  }();
  return kTable;
}

std::string ResolveDocumentKind(const std::string& name) {
  const KindRow* row = FindKind(name);
  return row ? row->info.code : "";
}

std::vector<CaseFileEntry> CaseFileContents(const Case& c, const Settings& settings) {
  Derived d = Replay(c, settings);
  std::vector<CaseFileEntry> out;
  auto add = [&](const std::string& kind, Date date, int event = -1, std::string title = "") {
    CaseFileEntry e;
    e.order = static_cast<int>(out.size()) + 1;
    e.kind = kind;
    e.event = event;
    e.title = title.empty() ? TitleOf(kind) : title;
    e.date = date;
    out.push_back(std::move(e));
  };
  auto date_of = [&](int i) {
    return i >= 0 ? EventDate(c.events[static_cast<std::size_t>(i)], settings) : Date{};
  };
  add("cover", d.closed);
  add("application", settings.time_zone.LocalDate(c.received));
  if (d.outcome == "refused") {
    add("refusal", date_of(doc::LastEvent(c, "refused")));
  } else {
    int routed = -1;
    for (std::size_t i = 0; i < c.events.size() && routed < 0; ++i)
      if (c.events[i].type == "routed") routed = static_cast<int>(i);
    add("receipt", date_of(routed));
    add("notice", date_of(routed));
    std::vector<int> sessions = doc::Sessions(c);
    for (std::size_t n = 0; n < sessions.size(); ++n)
      add("session", date_of(sessions[n]), sessions[n],
          "调解笔录（第" + ChineseCount(static_cast<int>(n) + 1) + "次）");
    if (sessions.empty() && (d.outcome == "agreed" || d.outcome == "terminated"))
      add("session", {});
    if (d.outcome == "agreed") {
      const bool oral = d.agreement_form == "oral";
      add("agreement", d.concluded, -1, oral ? "人民调解口头协议登记表" : "");
      if (doc::LastEvent(c, "confirmation") >= 0) add("confirmation", d.confirmation_applied);
      if (d.visit_event >= 0 || !d.visit_waived) add("visit", d.visited);
    } else if (d.outcome == "terminated") {
      add("termination", d.concluded);
    }
  }
  add("back", d.closed);
  return out;
}

std::string CaseFileName(const CaseFileEntry& entry, const std::string& ext) {
  std::string nn = std::to_string(entry.order);
  if (nn.size() < 2) nn = "0" + nn;
  return nn + "-" + entry.kind + "." + ext;
}

Result<Document> DraftDocument(const Case& c, const std::string& kind, const DocumentContext& ctx,
                               int session) {
  const KindRow* row = FindKind(kind);
  if (!row) {
    std::string kinds;
    for (const auto& k : DocumentKindTable())
      kinds += (kinds.empty() ? "" : ", ") + k.code + " " + k.title;
    return Status::Usage(Tr("unknown document kind \"{0}\"; kinds: {1}", kind, kinds));
  }
  Derived d = Replay(c, *ctx.settings);
  std::vector<CaseFileEntry> contents = CaseFileContents(c, *ctx.settings);
  doc::Input in{c, d, ctx, -1, &contents};
  if (row->info.code == "session") {
    std::vector<int> sessions = doc::Sessions(c);
    if (session == 0 && !sessions.empty()) in.event = sessions.back();
    if (session > 0 && static_cast<std::size_t>(session) <= sessions.size())
      in.event = sessions[static_cast<std::size_t>(session) - 1];
    if (session < 0 || static_cast<std::size_t>(session) > sessions.size())
      return Status::Usage(
          Tr("--session {0}: {1} has {2} session(s)", session, c.id, sessions.size()));
  }
  Document out;
  out.kind = row->info.code;
  out.file_no = FileNumber(c, *ctx.offices, *ctx.settings);
  row->build(in, &out);
  if (!ctx.reveal) out.note = TranslationOn() ? kMaskedNoteZh : kMaskedNote;
  return out;
}

Result<Document> BuildDocument(const Case& c, const std::string& kind, const DocumentContext& ctx,
                               int session) {
  auto doc = DraftDocument(c, kind, ctx, session);
  if (!doc.ok() || doc->missing.empty()) return doc;
  DiagnosticSink sink;
  // In Chinese the document goes by its title (人民调解协议书), in English by its code.
  const std::string what = TranslationOn() ? doc->title : doc->kind;
  for (const auto& m : doc->missing) sink.Error({c.id, 0, 0}, what, m);
  return sink.ToStatus(
      Tr("cannot make the {0} document of {1}: {2} required item(s) missing; nothing "
         "written",
         what, c.id, doc->missing.size()));
}

}  // namespace mediate
