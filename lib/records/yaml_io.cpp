#include "yaml_io.hpp"

#include <utf8proc.h>
#include <yaml.h>
#include "i18n.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "yaml_mistake.hpp"
#include "yaml_text.hpp"

namespace mediate {
namespace {

using namespace yaml_text;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Code points that YAML forbids in a stream (C0 except TAB/LF/CR, DEL, C1
// except NEL). libyaml refuses them too, but only at a byte offset.
bool IsForbiddenControl(std::int32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp == 0x7F) return true;
  return cp >= 0x80 && cp <= 0x9F && cp != 0x85;
}

// ---------------------------------------------------------------------------
// Pre-scan: byte-level checks done before parsing, so that a broken file is
// reported at a line and column where a person can see the problem (libyaml
// gives only a byte offset for bad UTF-8 and knows nothing of merge markers).

struct ScanProblem {
  int line = 0;
  int column = 0;
  std::string message;
};

struct ScanInfo {
  std::size_t skip = 0;  // bytes of a leading BOM
};

// A git conflict marker: seven marker characters then a space or the end of
// the line ("=======" must stand alone).
bool IsConflictMarker(std::string_view text, std::size_t at) {
  static constexpr std::string_view kMarkers[] = {"<<<<<<<", ">>>>>>>", "|||||||", "======="};
  for (std::string_view m : kMarkers) {
    if (!StartsWith(text, at, m)) continue;
    std::size_t next = at + m.size();
    if (next == text.size() || text[next] == '\n' || StartsWith(text, next, "\r\n") ||
        (text[next] == '\r' && next + 1 == text.size()))
      return true;
    if (m[0] != '=' && text[next] == ' ') return true;
  }
  return false;
}

std::optional<ScanProblem> PreScan(std::string_view text, ScanInfo* info) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  if (StartsWith(text, 0, kBom)) {
    info->skip = kBom.size();
    i = kBom.size();
  }
  int line = 1;
  std::size_t line_start = i;  // a leading BOM is not a column anyone sees
  bool at_line_start = true;
  auto problem = [&](std::size_t at, std::string message) {
    return ScanProblem{line, CountChars(text, line_start, at) + 1, std::move(message)};
  };
  while (i < n) {
    if (at_line_start) {
      at_line_start = false;
      if (IsConflictMarker(text, i))
        return problem(i, _("merge-conflict marker; resolve the conflict first"));
      for (std::size_t j = i; j < n && (text[j] == ' ' || text[j] == '\t'); ++j) {
        if (text[j] == '\t')
          return problem(j, _("tab character in indentation; indent with spaces"));
      }
    }
    unsigned char c = bytes[i];
    if (c < 0x80) {
      if (c == '\n') {
        ++i;
        ++line;
        line_start = i;
        at_line_start = true;
        continue;
      }
      if (IsForbiddenControl(c))
        return problem(i, Tr("control character {0} is not allowed in YAML; write it as an "
                             "escape in a double-quoted string",
                             CodePointName(c)));
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len < 0)
      return problem(i, Tr("invalid UTF-8 (byte 0x{0}); save the file as UTF-8", Hex2(c)));
    if (cp == 0xFEFF)
      return problem(i, _("byte-order mark (U+FEFF) inside the file; only the very start may carry "
                          "one"));
    if (IsForbiddenControl(cp))
      return problem(i, Tr("control character {0} is not allowed in YAML", CodePointName(cp)));
    // YAML 1.1 readers (libyaml, PyYAML) break the line there, editors do
    // not: the text would change silently and positions would drift.
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
      return problem(i, Tr("line break character {0} inside a line; write it as an escape in a "
                           "double-quoted string",
                           CodePointName(cp)));
    i += static_cast<std::size_t>(len);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Event consumer: builds the Value tree from libyaml's events and enforces
// the record rules.

struct ParseAbort {};  // unwinds to ParseYaml after a refusal is recorded

std::string ShortTag(std::string_view tag) {
  static constexpr std::string_view kCore = "tag:yaml.org,2002:";
  if (StartsWith(tag, 0, kCore)) return "!!" + std::string(tag.substr(kCore.size()));
  return std::string(tag);
}

const char* OrEmpty(const yaml_char_t* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

// YAML's plain spellings of null (the core schema's, as PyYAML and yaml-cpp
// read them; `nULL` is a string).
bool IsPlainNull(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// libyaml marks are 0-based with the column (and index) counted in
// characters, as editors count; the input starts after any BOM.
Mark ToMark(const yaml_mark_t& m) {
  return {static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
}

class Builder {
 public:
  explicit Builder(const YamlLimits& limits) : limits_(limits) {}

  Value TakeRoot() { return std::move(root_); }
  const std::optional<ScanProblem>& problem() const { return problem_; }
  const std::string& problem_field() const { return problem_field_; }

  // Takes one event; throws ParseAbort after recording a refusal.
  void Handle(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        OnDocumentStart(ToMark(e.start_mark));
        return;
      case YAML_ALIAS_EVENT:
        Fail(ToMark(e.start_mark), Path(),
             Tr("aliases (*{0}) are not allowed in records; write the value out",
                OrEmpty(e.data.alias.anchor)));
      case YAML_SCALAR_EVENT:
        OnScalar(e);
        return;
      case YAML_SEQUENCE_START_EVENT:
        Open(Value::Sequence(ToMark(e.start_mark)), e.data.sequence_start.anchor,
             e.data.sequence_start.tag, e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
        return;
      case YAML_MAPPING_START_EVENT:
        Open(Value::Map(ToMark(e.start_mark)), e.data.mapping_start.anchor,
             e.data.mapping_start.tag, e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
        return;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        Close();
        return;
      default:  // stream start/end, document end
        return;
    }
  }

  // The field path of the node about to be added: `parties[0].name`.
  std::string Path() const {
    std::string path;
    for (std::size_t i = 0; i < depth_; ++i) {
      const Frame& f = frames_[i];
      if (f.value.is_sequence()) {
        path += '[';
        path += std::to_string(f.value.items().size());
        path += ']';
      } else if (f.have_key) {
        if (!path.empty()) path += '.';
        path += f.key;
      } else {
        break;  // at a key: the path is the map's own
      }
    }
    return path;
  }

 private:
  struct Frame {
    Value value;
    std::string key;  // pending key of a map, until its value arrives
    Mark key_mark;
    bool have_key = false;
    std::vector<int> key_lines;  // line of each entry's key, for "first at line N"
    // Built only for large maps, so hostile files stay linear.
    std::unique_ptr<std::unordered_map<std::string, std::size_t>> index;
  };
  static constexpr std::size_t kIndexFrom = 16;

  void OnDocumentStart(Mark m) {
    if (++documents_ > 1) {
      Fail(m, "", _("more than one document (a second \"---\"); a record file holds one"));
    }
    doc_mark_ = m;
  }

  void OnScalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    Mark m = ToMark(e.start_mark);
    CheckNode(m, s.anchor);
    // No tag, or the non-specific "!" (`! 007`: YAML says it is a string).
    const bool bang = s.tag && std::string_view(OrEmpty(s.tag)) == "!";
    if (s.tag && !bang) CheckTag(m, s.tag);
    std::string_view text(reinterpret_cast<const char*>(s.value), s.length);
    const bool quoted = s.style != YAML_PLAIN_SCALAR_STYLE || bang;
    if (!quoted && IsPlainNull(text)) {
      if (InKeyPosition()) Fail(m, Path(), _("a map key must not be empty or null"));
      // libyaml marks an empty value (`a:`) just after the colon, or at the
      // next token; the key's position is where a person looks for it.
      if (text.empty()) {
        if (depth_ == 0) {
          m = doc_mark_;
        } else if (Top().value.is_map()) {
          m = Top().key_mark;
        }
      }
      Add(Value::Null(m));
      return;
    }
    if (InKeyPosition()) {
      AddKey(std::string(text), m);
      return;
    }
    Add(Value::Scalar(std::string(text), quoted, m));
  }

  Frame& Top() { return frames_[depth_ - 1]; }
  bool InKeyPosition() const {
    return depth_ > 0 && frames_[depth_ - 1].value.is_map() && !frames_[depth_ - 1].have_key;
  }

  [[noreturn]] void Fail(Mark at, std::string field, std::string message) {
    problem_ = ScanProblem{at.line, at.column, std::move(message)};
    problem_field_ = std::move(field);
    throw ParseAbort{};
  }

  void CheckNode(Mark m, const yaml_char_t* anchor) {
    if (anchor)
      Fail(m, Path(),
           Tr("anchors (&{0}) are not allowed in records; write the value out", OrEmpty(anchor)));
    if (++nodes_ > limits_.max_nodes)
      Fail(m, Path(), Tr("more than {0} values in one file", limits_.max_nodes));
  }

  void CheckTag(Mark m, const yaml_char_t* tag) {
    Fail(m, Path(), Tr("tag {0} is not allowed in records; remove it", ShortTag(OrEmpty(tag))));
  }

  void AddKey(std::string key, Mark m) {
    Frame& f = Top();
    const auto& entries = f.value.entries();
    std::optional<std::size_t> first;
    if (f.index) {
      auto it = f.index->find(key);
      if (it != f.index->end()) first = it->second;
    } else {
      for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].first == key) {
          first = i;
          break;
        }
      }
    }
    if (first) {
      Fail(m, Path(), Tr("duplicate key \"{0}\" (first at line {1})", key, f.key_lines[*first]));
    }
    f.key_lines.push_back(m.line);
    if (f.index) {
      f.index->emplace(key, entries.size());
    } else if (entries.size() + 1 >= kIndexFrom) {
      f.index = std::make_unique<std::unordered_map<std::string, std::size_t>>();
      for (std::size_t i = 0; i < entries.size(); ++i) f.index->emplace(entries[i].first, i);
      f.index->emplace(key, entries.size());
    }
    f.key = std::move(key);
    f.key_mark = m;
    f.have_key = true;
  }

  void Add(Value v) {
    if (depth_ == 0) {
      root_ = std::move(v);
      return;
    }
    Frame& f = Top();
    if (f.value.is_sequence()) {
      f.value.items().push_back(std::move(v));
    } else {
      f.value.entries().emplace_back(std::move(f.key), std::move(v));
      f.have_key = false;
    }
  }

  // A "!" tag on a collection changes nothing; any other tag is refused.
  void Open(Value v, const yaml_char_t* anchor, const yaml_char_t* tag, bool flow) {
    Mark m = v.mark();
    CheckNode(m, anchor);
    if (tag && std::string_view(OrEmpty(tag)) != "!") CheckTag(m, tag);
    if (InKeyPosition())
      Fail(m, Path(), _("a map key must be a single word or quoted text, not a list or map"));
    if (static_cast<int>(depth_) >= limits_.max_depth)
      Fail(m, Path(), Tr("nested more than {0} lists/maps deep", limits_.max_depth));
    if (flow) v.set_flow();
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& f = frames_[depth_++];
    f.value = std::move(v);
    f.have_key = false;
    f.key_lines.clear();
    f.index.reset();
  }

  void Close() {
    Value v = std::move(Top().value);
    --depth_;
    Add(std::move(v));
  }

  const YamlLimits& limits_;
  std::vector<Frame> frames_;  // frames_[0, depth_) are open; the rest keep their buffers
  std::size_t depth_ = 0;
  Value root_;
  Mark doc_mark_;
  int documents_ = 0;
  std::size_t nodes_ = 0;
  std::optional<ScanProblem> problem_;
  std::string problem_field_;
};

Status Refuse(const std::string& file, int line, int column, std::string field,
              std::string message) {
  return Status::Rejected(Tr("invalid YAML in {0}", file),
                          {Diagnostic{Severity::kError, Location{file, line, column},
                                      std::move(field), std::move(message)}});
}

// The byte offset of the `chars`-th character of valid UTF-8 `text`
// (libyaml's mark index counts characters).
std::size_t ByteOffset(std::string_view text, std::size_t chars) {
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if (IsContinuationByte(static_cast<unsigned char>(text[i]))) continue;
    if (chars-- == 0) break;
  }
  return i;
}

// The message for a quoted text left open by quote character `q`.
std::string UnclosedQuote(char q) {
  return Tr("a quoted text is not closed; add the missing {0} where the text ends", q);
}

// The 1-based line of libyaml's first syntax error in `body`; nullopt when
// it parses (events only: the record rules are not checked).
std::optional<int> FirstSyntaxErrorLine(std::string_view body) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return 0;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(body.data()),
                               body.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  std::optional<int> line;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      line = static_cast<int>(parser.problem_mark.line) + 1;
      break;
    }
    const bool end = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (end) break;
  }
  yaml_parser_delete(&parser);
  return line;
}

// libyaml's error as a refusal in plain words (PlainYamlProblem), with
// libyaml's own words, the construct it was reading and where that began
// in brackets after them. At libyaml's problem mark, except for a quoted
// text left open (at its opening quote) and a field name without ": "
// after it (at its colon), which is where the mistake is.
Status SyntaxError(const std::string& file, const yaml_parser_t& parser, std::string_view body,
                   const Builder& builder) {
  const std::string problem = parser.problem ? parser.problem : _("unknown problem");
  const std::string context = parser.context ? parser.context : "";
  switch (parser.error) {
    case YAML_MEMORY_ERROR:
      return Refuse(file, 0, 0, "", _("out of memory while parsing"));
    case YAML_READER_ERROR: {  // the pre-scan refuses these first; kept for safety
      std::size_t at = std::min(parser.problem_offset, body.size());
      std::size_t line_start = body.rfind('\n', at == 0 ? 0 : at - 1);
      line_start = (line_start == std::string_view::npos || at == 0) ? 0 : line_start + 1;
      int line = 1 + static_cast<int>(std::count(body.begin(), body.begin() + at, '\n'));
      return Refuse(file, line, CountChars(body, line_start, at) + 1, "", problem);
    }
    case YAML_SCANNER_ERROR:
    case YAML_PARSER_ERROR:
      break;
    default:
      return Refuse(file, 0, 0, "", Tr("cannot parse: {0}", problem));
  }
  const Mark at = ToMark(parser.problem_mark);
  std::string technical = problem;
  if (!context.empty()) {
    const Mark from = ToMark(parser.context_mark);
    technical += Tr(" ({0} that starts at line {1}, column {2})", context, from.line, from.column);
  }
  if (context == "while scanning a quoted scalar" && problem == "found unexpected end of stream") {
    const std::size_t open = ByteOffset(body, parser.context_mark.index);
    const char q = open < body.size() ? body[open] : '"';
    const Mark from = ToMark(parser.context_mark);
    return Refuse(file, from.line, from.column, builder.Path(),
                  UnclosedQuote(q) + " [libyaml: " + technical + "]");
  }
  // libyaml notices a quote left open only where the quoted text runs into
  // the next lines; the mistake is on the line that opened it. Trusted
  // when closing it there moves the error past where libyaml saw it.
  // Likewise a field name without ": " after it: YAML reads the line as
  // plain text running on into the next.
  const std::string noticed =
      Tr(" [libyaml: {0}, at line {1}, column {2}]", technical, at.line, at.column);
  auto field_of = [&builder](const std::string& key) {
    std::string field = builder.Path();
    if (!key.empty()) field += (field.empty() ? "" : ".") + key;
    return field;
  };
  auto mends = [&at](const std::string& mended) {
    auto line = FirstSyntaxErrorLine(mended);
    return !line || *line > at.line;
  };
  if (auto open = FindOpenQuote(body, at.line); open && mends(CloseQuote(body, *open)))
    return Refuse(file, open->line, open->column, field_of(open->key),
                  UnclosedQuote(open->quote) + noticed);
  if (auto colon = FindColonMistake(body, at.line); colon && mends(MendColon(body, *colon))) {
    // The key alone: the builder has already taken the line as a value, so
    // its path may be one item past the mistake.
    return Refuse(
        file, colon->line, colon->column, colon->key,
        (colon->full_width ? Tr("a full-width colon \xEF\xBC\x9A follows the field name; write "
                                "\"{0}: \" and the value",
                                colon->key)
                           : Tr("a space is missing after the colon; write \"{0}: \" and the value",
                                colon->key)) +
            noticed);
  }
  return Refuse(file, at.line, at.column, "",
                PlainYamlProblem(problem, context) + " [libyaml: " + technical + "]");
}

}  // namespace

Result<Value> ParseYaml(std::string_view text, const std::string& file, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Refuse(file, 0, 0, "",
                  Tr("file is {0} bytes; the limit is {1}", text.size(), limits.max_bytes));
  }
  ScanInfo info;
  if (auto p = PreScan(text, &info)) return Refuse(file, p->line, p->column, "", p->message);

  // The BOM is skipped here, so libyaml's marks start at the first
  // character a person sees.
  std::string_view body = text.substr(info.skip);
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser))
    return Refuse(file, 0, 0, "", _("out of memory while parsing"));
  struct ParserGuard {
    yaml_parser_t* p;
    ~ParserGuard() { yaml_parser_delete(p); }
  } parser_guard{&parser};
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(body.data()),
                               body.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

  Builder builder(limits);
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) return SyntaxError(file, parser, body, builder);
    struct EventGuard {
      yaml_event_t* e;
      ~EventGuard() { yaml_event_delete(e); }
    } event_guard{&event};
    if (event.type == YAML_STREAM_END_EVENT) break;
    try {
      builder.Handle(event);
    } catch (const ParseAbort&) {
      const ScanProblem& p = *builder.problem();
      return Refuse(file, p.line, p.column, builder.problem_field(), p.message);
    } catch (const std::exception& e) {  // std::bad_alloc
      return Refuse(file, 0, 0, "", Tr("cannot parse: {0}", e.what()));
    }
  }
  return builder.TakeRoot();
}

}  // namespace mediate
