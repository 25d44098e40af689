// The standard documents of a case file (MoJ document formats,
// 2010 notice), filled from the case and its timeline, as Markdown or
// printable HTML:
//
//   application  人民调解受理登记表 (application / acceptance registration)
//   notice       人民调解权利义务告知书 (rights and duties, Law Arts. 23–24;
//                told first, MoJ 2002 Provisions Art. 30)
//   agreement    人民调解协议书 (Law Art. 29; 2002 Provisions Art. 35), or for
//                an oral agreement the oral-agreement record (Law Arts. 28, 30)
//   termination  终止人民调解告知书 (Law Art. 26; SPC 2016 for court cases)
//   visit        回访记录 (return-visit record)
//   cover        卷宗封面 (file number, mediator, start and end dates, filing
//                person and date, retention period)
//
// A document whose required content is missing is refused, listing every
// missing item. Personal data (ID numbers, credit codes, phone numbers) is
// masked unless `reveal` (docs/law.md): the papers to print need --reveal.
// Pure functions; no I/O.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "mediator.hpp"
#include "organisation.hpp"
#include "settings.hpp"
#include "status.hpp"

namespace mediate {

/// A part of a document: a heading, label–value lines, paragraphs and a
/// numbered list, each optional, shown in that order.
struct DocumentSection {
  std::string heading;
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<std::string> paragraphs;
  std::vector<std::string> items;
};

/// A filled document, ready to render.
struct Document {
  std::string kind;     ///< application, notice, agreement, termination, visit, cover
  std::string title;    ///< 人民调解协议书
  std::string file_no;  ///< (2026)万人调字第42号
  std::vector<DocumentSection> sections;
  std::vector<std::string> signatures;  ///< signature lines at the end
  std::string note;                     ///< e.g. that personal data is masked
};

/// What documents may consult. All pointers are required.
struct DocumentContext {
  const Settings* settings = nullptr;
  const AreaRegistry* areas = nullptr;
  const OrgRegistry* orgs = nullptr;
  const MediatorRegistry* mediators = nullptr;
  bool reveal = false;  ///< unmasked personal data (for printing)
};

/// The document kinds, in the order of a case file.
std::vector<std::string> DocumentKinds();

/// The case's file number: its `file_no` when set, else "(YYYY)<word>第N号"
/// from the id's year and sequence (WBL-2026-000042 → "(2026)万人调字第42号"),
/// with the store's file_no_word ("人调字" when the store sets none).
std::string FileNumber(const Case& c, const Settings& settings);

/// A local date as documents write it: "2026年3月5日" ("" for no date).
std::string ChineseDate(Date d);

/// Fills document `kind` from `c`. kUsage for an unknown kind (listing the
/// kinds); kRejected when required content is missing, with one Diagnostic
/// (location: the case id; field: the document kind) per missing item,
/// saying which command records it. Required content:
/// - application: received date, category, summary, an applicant;
/// - notice: the case routed to an organisation, the parties;
/// - agreement (written, Law Art. 29; 2002 Art. 35): an agreement; each
///   party's name and ID number or credit code; main facts, points in
///   dispute and responsibilities; terms; manner, place and time limit of
///   performance; every party's signature, the mediator's, the seal;
///   (oral, Law Art. 28/30): an agreement with its terms;
/// - termination: a termination with its reason;
/// - visit: a return visit with date, visitor, method, performance and
///   satisfaction;
/// - cover: the case closed, a mediator or grid worker, the date
///   concluded, the retention period.
Result<Document> BuildDocument(const Case& c, const std::string& kind, const DocumentContext& ctx);

/// Markdown: "# title", the file number, sections (## heading, "label：value"
/// lines, paragraphs, a numbered list), signature lines, the note.
std::string RenderDocumentMarkdown(const Document& doc);

/// A complete, printable UTF-8 HTML page (A4, serif CJK fonts), every text
/// HTML-escaped.
std::string RenderDocumentHtml(const Document& doc);

}  // namespace mediate
