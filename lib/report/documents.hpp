// The documents of a case file (卷宗; MoJ document formats, 2010 notice;
// Law Art. 27: one case, one file), filled from the case and its timeline,
// as Markdown or printable HTML. The kinds, in the order of a file, each
// with the article that requires its contents (docs/law.md):
//
//   cover         卷宗封面 with the table of contents (卷内目录)
//   application   人民调解申请书（受理登记表） (Law Art. 17)
//   receipt       人民调解受理通知书（回执） (Law Art. 17)
//   notice        人民调解权利义务告知书 (Law Arts. 23–24; 2002 Provisions Art. 30)
//   refusal       不予受理告知书 (2002 Provisions Art. 22: reason, where to go)
//   session       调解笔录, one per session (Law Arts. 22, 27)
//   agreement     人民调解协议书 (Law Art. 29; 2002 Provisions Art. 35), or the
//                 oral-agreement record 口头协议登记 (Law Arts. 28, 30)
//   termination   终止调解告知书 (Law Art. 26)
//   confirmation  司法确认申请书 (Law Art. 33; Civil Procedure Law 2023 Art. 205)
//   visit         回访记录 (Law Art. 31)
//   back          卷宗封底 (备考表)
//
// This header is the document model and the renderers (the file number:
// file_number.hpp);
// case_file.hpp says which documents a case needs and drafts them. A
// document lacking required content is still drafted, with a blank line
// where each missing item goes, and the missing items listed; BuildDocument
// refuses it instead. Signature lines are always blanks for the hand.
// Personal data (ID numbers, credit codes, phone numbers, addresses) is
// masked unless `reveal` (docs/law.md): the papers to print need --reveal.
// Pure functions; no I/O.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "mediator.hpp"
#include "office.hpp"
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
  /// A table shown after the list: the first row is the header.
  std::vector<std::vector<std::string>> table;
};

/// A filled document, ready to render.
struct Document {
  std::string kind;     ///< a code of DocumentKinds()
  std::string title;    ///< 人民调解协议书
  std::string file_no;  ///< （2026）万人调字第42号 (FileNumber, file_number.hpp)
  std::vector<DocumentSection> sections;
  std::vector<std::string> signatures;  ///< signature lines at the end
  std::string note;                     ///< e.g. that personal data is masked
  /// One line per required item that is missing ("missing the agreed
  /// terms (Law Art. 29; agree --terms)"); a blank stands in the document
  /// where it goes. Empty for a complete document.
  std::vector<std::string> missing;
};

/// One document of a case file, as its table of contents lists it.
struct CaseFileEntry {
  int order = 0;      ///< 1-based place in the file (卷内目录 序号)
  std::string kind;   ///< a code of DocumentKinds()
  int event = -1;     ///< for a session record: index in c.events of its session, else -1
  std::string title;  ///< the document's title, e.g. "调解笔录（第一次）"
  Date date;          ///< the date of what it records (no date when not yet)
};

/// What documents may consult. All pointers are required.
struct DocumentContext {
  const Settings* settings = nullptr;
  const AreaRegistry* areas = nullptr;
  const OrgRegistry* orgs = nullptr;
  const MediatorRegistry* mediators = nullptr;
  const OfficeRegistry* offices = nullptr;  ///< the file number's word (file_number.hpp)
  bool reveal = false;                      ///< unmasked personal data (for printing)
};

/// A local date as documents write it: "2026年3月5日" ("" for no date).
std::string ChineseDate(Date d);

/// Markdown: "# title", the file number, sections (## heading, "label：value"
/// lines, paragraphs, a numbered list, a table), signature lines, the note.
std::string RenderDocumentMarkdown(const Document& doc);

/// A complete, printable UTF-8 HTML page (A4, serif CJK fonts), every text
/// HTML-escaped.
std::string RenderDocumentHtml(const Document& doc);

}  // namespace mediate
