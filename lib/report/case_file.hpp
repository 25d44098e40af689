// The case file (卷宗): which documents a case's outcome calls for, in
// the order of the file, and drafting each of them from the case (the
// builders are in doc_intake.cpp, doc_mediation.cpp and doc_file.cpp; the
// requirements with their articles in docs/law.md, "The case file").
// Pure functions; no I/O.
#pragma once

#include <string>
#include <vector>

#include "documents.hpp"

namespace mediate {

/// A kind of document: its code, its Chinese title, and every name
/// `--kind` accepts for it (the code, the title and common short names).
struct DocumentKindInfo {
  std::string code;                ///< "agreement"
  std::string title;               ///< "调解协议书"
  std::vector<std::string> names;  ///< {"agreement", "调解协议书", "协议书", …}
};

/// The document kinds, in the order of a case file (the codes above).
std::vector<std::string> DocumentKinds();

/// The kinds with their Chinese titles and accepted names, in file order.
const std::vector<DocumentKindInfo>& DocumentKindTable();

/// The code of the kind named `name` (a code, a Chinese title or short
/// name: "协议书", "调解协议书", "调解笔录", "封面" …); "" when none.
std::string ResolveDocumentKind(const std::string& name);

/// The documents the case's outcome calls for, in file order: cover,
/// application; for a refused case the refusal; otherwise the receipt,
/// the notice and a session record per session (one with no session
/// behind it when an agreed or terminated case records none: the file
/// needs a mediation record, MoJ 2010 formats); for an agreed case the
/// agreement, the confirmation application when a confirmation is
/// recorded, the return-visit record unless a visit was waived and none
/// made; for a terminated case the termination notice; last the back cover.
std::vector<CaseFileEntry> CaseFileContents(const Case& c, const Settings& settings);

/// Drafts document `kind` (a code or a name ResolveDocumentKind knows)
/// from `c`, leaving a blank where a required item is missing and listing
/// it in Document::missing (saying which command records it). `session`
/// picks the session of a session record (1-based; 0: the latest). kUsage
/// for an unknown kind (listing the kinds). Required content:
/// - cover: the file number, the mediator or grid worker, the dates
///   received and concluded, who closed the file, when, the retention;
/// - application: received date, category, summary, an applicant;
/// - receipt: the organisation that accepted the case (mediate route);
/// - notice: the organisation handling the case, the parties;
/// - refusal (2002 Provisions Art. 22): a refusal with its reason and where
///   to go instead;
/// - session: a session with its date, participants and what was said
///   and agreed (its note);
/// - agreement (written, Law Art. 29; 2002 Art. 35): an agreement; each
///   party's ID number or credit code and address, an organisation's
///   representative; main facts, points in dispute and responsibilities;
///   terms; manner, place and time limit of performance; the record that
///   every party, the mediator and the seal signed; (oral, Law Arts. 28,
///   30): an agreement with its terms;
/// - termination (Law Art. 26): a termination with its reason;
/// - confirmation (Law Art. 33): a written agreement that took effect, the
///   court applied to;
/// - visit (Law Art. 31): a return visit with visitor, method, performance
///   and satisfaction;
/// - back: the case file closed.
Result<Document> DraftDocument(const Case& c, const std::string& kind, const DocumentContext& ctx,
                               int session = 0);

/// DraftDocument, refused when anything is missing: kRejected with one
/// Diagnostic (location: the case id; field: the kind) per missing item.
Result<Document> BuildDocument(const Case& c, const std::string& kind, const DocumentContext& ctx,
                               int session = 0);

/// A usable file name for an entry: "06-agreement.md" (`ext` "md" or
/// "html"; the order two digits, the kind's code).
std::string CaseFileName(const CaseFileEntry& entry, const std::string& ext);

}  // namespace mediate
