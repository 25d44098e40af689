// Rendering a document of the case file as Markdown or printable HTML
// (documents.hpp).
#include "documents.hpp"
#include "render.hpp"

namespace mediate {
namespace {

/// Markdown text with the characters that would start markup escaped,
/// except runs of two or more underscores: they are the blanks to fill by
/// hand (doc::kBlank, "____年__月__日") and must print as lines; between
/// letters or punctuation such a run is plain text in CommonMark.
std::string EscapeMd(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '_') {
      std::size_t end = text.find_first_not_of('_', i);
      if (end == std::string::npos) end = text.size();
      if (end - i >= 2) {
        out.append(text, i, end - i);
        i = end - 1;
        continue;
      }
    }
    if (ch == '\\' || ch == '*' || ch == '_' || ch == '`' || ch == '#' || ch == '|' || ch == '<' ||
        ch == '[' || ch == ']')
      out += '\\';
    out += ch == '\n' ? ' ' : ch;
  }
  return out;
}

/// A Markdown table cell: escaped, "|" kept out, empty shown as a space.
std::string MdCell(const std::string& text) { return text.empty() ? " " : EscapeMd(text); }

}  // namespace

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
    for (std::size_t r = 0; r < s.table.size(); ++r) {
      out += "|";
      for (const auto& cell : s.table[r]) out += " " + MdCell(cell) + " |";
      out += "\n";
      if (r == 0) {
        out += "|";
        for (std::size_t k = 0; k < s.table[r].size(); ++k) out += "---|";
        out += "\n";
      }
    }
    if (!s.table.empty()) out += "\n";
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
      "table { border-collapse: collapse; width: 100%; }\n"
      "th, td { border: 1px solid #000; padding: 0.2em 0.5em; }\n"
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
    if (!s.table.empty()) {
      out += "<table>\n";
      for (std::size_t r = 0; r < s.table.size(); ++r) {
        const char* tag = r == 0 ? "th" : "td";
        out += "<tr>";
        for (const auto& cell : s.table[r])
          out += std::string("<") + tag + ">" + EscapeHtml(cell) + "</" + tag + ">";
        out += "</tr>\n";
      }
      out += "</table>\n";
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
