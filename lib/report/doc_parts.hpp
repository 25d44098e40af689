// Internal to lib/report: what the builders of the case-file documents
// share — the input they read, the blanks they leave, the parties' lines
// and the signature lines. Each builder fills a Document and adds to
// `missing` one line per required item it could not fill, leaving a blank
// line (kBlank) where the item goes. Pure functions; no I/O.
#pragma once

#include <string>
#include <vector>

#include "documents.hpp"
#include "lifecycle.hpp"

namespace mediate::doc {

/// A blank to fill by hand, where a required item is missing or a person
/// writes on the paper.
inline constexpr const char* kBlank = "________";
/// A blank date line: "____年__月__日".
inline constexpr const char* kBlankDate = "____年__月__日";

/// What a builder reads: the case, its replay, the registries, and for a
/// session record the index in c.events of its session (-1 otherwise).
struct Input {
  const Case& c;
  const Derived& d;
  const DocumentContext& ctx;
  int event = -1;
  /// The documents of the file, in order (the cover lists them, the back
  /// cover counts them).
  const std::vector<CaseFileEntry>* contents = nullptr;
};

/// `value`, or kBlank when it is empty; when empty and `what` is not,
/// adds "missing <what>" to doc->missing (an item not required passes "").
std::string Fill(Document* doc, const std::string& value, const std::string& what);

/// The Chinese label of `code` in vocabulary `list` (the code itself when
/// the list has no label).
std::string Zh(const DocumentContext& ctx, const char* list, const std::string& code);
/// The name of organisation `id` (the id when unknown).
std::string OrgName(const DocumentContext& ctx, const std::string& id);
/// The mediators' names and the grid worker's, joined by "、"; "" for none.
std::string Handlers(const Derived& d, const DocumentContext& ctx);
/// The parties' names joined by "、".
std::string PartyNames(const Case& c);
/// "申请人", "被申请人", "第三人"; numbered when a role has several
/// parties ("申请人一", "申请人二").
std::string RoleLabel(const Case& c, std::size_t index, const DocumentContext& ctx);

/// The parties' basic information (Law Art. 29): per party a line with the
/// name, kind, ID number or credit code, phone, address (住所), and for an
/// organisation its representative (法定代表人/负责人) and title, then its
/// agents (委托代理人) with their relation and authority. Numbers are
/// masked and the address shown down to the community unless ctx.reveal.
/// With `require_basic`, adds to doc->missing each party's missing ID
/// number or credit code, address, and an organisation's representative.
DocumentSection PartiesSection(const Input& in, Document* doc, bool require_basic);

/// A signature line left blank for the hand: "<who>（签名）：________
/// 日期：____年__月__日". `how` is e.g. "签名、盖章或按指印".
std::string SignLine(const std::string& who, const std::string& how = "签名");
/// The committee's seal line: "<org>（印章）　日期：____年__月__日".
std::string SealLine(const Input& in);

/// The local date of event `i` of the case (no date for -1).
Date DateOf(const Input& in, int i);
/// Event `i` of the case, or nullptr for -1 (an index Derived holds, such as
/// agreed_event, when the step never happened).
const Event* EventAt(const Case& c, int i);
/// The last event of type `type` in c.events, -1 when none.
int LastEvent(const Case& c, const char* type);
/// The indexes in c.events of its sessions, in order.
std::vector<int> Sessions(const Case& c);

// The builders, one per kind (case_file.hpp DocumentKinds); what each
// requires is listed in case_file.hpp DraftDocument and docs/law.md.

/// 人民调解受理登记表: the registration of an application (Law Art. 17).
void Application(const Input& in, Document* doc);
/// 受理通知书 with its 回执: acceptance, free of charge (Law Arts. 4, 17).
void Receipt(const Input& in, Document* doc);
/// 权利义务告知书 (Law Arts. 23–24; 2002 Provisions Art. 30).
void Notice(const Input& in, Document* doc);
/// 不予受理告知书: the reason and where to go instead (2002 Provisions Art. 22).
void Refusal(const Input& in, Document* doc);
/// 调解笔录 of the session at in.event (Law Arts. 22, 27).
void SessionRecord(const Input& in, Document* doc);
/// 调解协议书 (Law Art. 29; 2002 Provisions Art. 35) or the oral-agreement
/// record (Law Arts. 28, 30).
void Agreement(const Input& in, Document* doc);
/// 终止人民调解告知书: the reason and the other routes (Law Art. 26).
void Termination(const Input& in, Document* doc);
/// 司法确认申请书, the parties' joint application (Law Art. 33; Civil
/// Procedure Law 2023 Art. 205).
void Confirmation(const Input& in, Document* doc);
/// 回访记录: performance after the agreement (Law Art. 31).
void Visit(const Input& in, Document* doc);
/// 卷宗封面 with 卷内目录 (MoJ document formats, 2010 notice; Law Art. 27).
void Cover(const Input& in, Document* doc);
/// 卷宗封底（备考表） (MoJ document formats, 2010 notice).
void BackCover(const Input& in, Document* doc);

}  // namespace mediate::doc
