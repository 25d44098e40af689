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
/// The last event of type `type` in c.events, -1 when none.
int LastEvent(const Case& c, const char* type);
/// The indexes in c.events of its sessions, in order.
std::vector<int> Sessions(const Case& c);

// The builders, one per kind (documents.hpp DocumentKinds).
void Application(const Input& in, Document* doc);
void Receipt(const Input& in, Document* doc);
void Notice(const Input& in, Document* doc);
void Refusal(const Input& in, Document* doc);
void SessionRecord(const Input& in, Document* doc);
void Agreement(const Input& in, Document* doc);
void Termination(const Input& in, Document* doc);
void Confirmation(const Input& in, Document* doc);
void Visit(const Input& in, Document* doc);
void Cover(const Input& in, Document* doc);
void BackCover(const Input& in, Document* doc);

}  // namespace mediate::doc
