#include "vocab.hpp"

#include "i18n.hpp"

#include "embedded.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

std::string ScalarText(const Value* v) { return v && v->is_scalar() ? v->text() : std::string(); }

Result<Term> TermFrom(const Value& v, const std::string& file, const std::string& list) {
  if (!v.is_map()) {
    return Status::Rejected(_("bad vocabulary entry"),
                            {{Severity::kError,
                              {file, v.mark().line, v.mark().column},
                              list,
                              _("each entry is a map with code, zh and en")}});
  }
  Term t;
  t.code = ScalarText(v.Find("code"));
  t.zh = ScalarText(v.Find("zh"));
  t.en = ScalarText(v.Find("en"));
  t.group = ScalarText(v.Find("group"));
  if (const Value* a = v.Find("aliases"); a && a->is_sequence())
    for (const auto& item : a->items()) t.aliases.push_back(item.text());
  if (t.code.empty() || t.zh.empty()) {
    return Status::Rejected(_("bad vocabulary entry"),
                            {{Severity::kError,
                              {file, v.mark().line, v.mark().column},
                              list,
                              _("an entry needs a code and a Chinese label (zh)")}});
  }
  return t;
}

}  // namespace

VocabList::VocabList(std::string name, std::vector<Term> terms)
    : name_(std::move(name)), terms_(std::move(terms)) {}

const Term* VocabList::Find(std::string_view code) const {
  for (const auto& t : terms_)
    if (t.code == code) return &t;
  return nullptr;
}

const Term* VocabList::Resolve(std::string_view text) const {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  for (const auto& t : terms_) {
    if (t.code == text || t.zh == text) return &t;
    for (const auto& a : t.aliases)
      if (a == text) return &t;
  }
  return nullptr;
}

std::string VocabList::Zh(std::string_view code) const {
  const Term* t = Find(code);
  return t ? t->zh : std::string();
}

int VocabList::Rank(std::string_view code) const {
  for (std::size_t i = 0; i < terms_.size(); ++i)
    if (terms_[i].code == code) return static_cast<int>(i);
  return -1;
}

std::string VocabList::ZhList() const {
  std::string s;
  for (const auto& t : terms_) s += (s.empty() ? "" : ", ") + t.zh;
  return s;
}

std::string VocabList::CodeList() const {
  std::string s;
  for (const auto& t : terms_) s += (s.empty() ? "" : ", ") + t.code;
  return s;
}

std::string VocabList::KnownValues() const {
  if (!TranslationOn()) return CodeList();
  std::string s;
  for (const auto& t : terms_) s += (s.empty() ? "" : "、") + t.zh;
  return s;
}

std::string VocabList::Shown(std::string_view code) const {
  const Term* t = TranslationOn() ? Find(code) : nullptr;
  return t ? t->zh : std::string(code);
}

void VocabList::Add(Term t) { terms_.push_back(std::move(t)); }

const Vocabulary& Vocabulary::Builtin() {
  static const Vocabulary kBuiltin = [] {
    Vocabulary v;
    auto root = ParseYaml(EmbeddedText("vocab.yaml"), "schemas/vocab.yaml");
    if (!root.ok() || !root->is_map()) return v;  // caught by the vocab unit test
    for (const auto& [name, list] : root->entries()) {
      VocabList vl(name, {});
      for (const auto& item : list.items()) {
        auto t = TermFrom(item, "schemas/vocab.yaml", name);
        if (t.ok()) vl.Add(std::move(t.value()));
      }
      v.lists_[name] = std::move(vl);
    }
    return v;
  }();
  return kBuiltin;
}

Result<Vocabulary> Vocabulary::WithExtensions(const Value* ext, const std::string& file) {
  Vocabulary v = Builtin();
  if (!ext || ext->is_null()) return v;
  DiagnosticSink sink;
  if (!ext->is_map()) {
    sink.Error({file, ext->mark().line, ext->mark().column}, "vocab",
               Tr("vocab is a map of list name to entries ({{category: [{{code, zh, en}}]}})"));
    return sink.ToStatus(_("bad vocabulary extension"));
  }
  for (const auto& [name, list] : ext->entries()) {
    auto it = v.lists_.find(name);
    if (it == v.lists_.end()) {
      sink.Error({file, list.mark().line, list.mark().column}, "vocab." + name,
                 Tr("unknown vocabulary \"{0}\"", name));
      continue;
    }
    if (!list.is_sequence()) {
      sink.Error({file, list.mark().line, list.mark().column}, "vocab." + name,
                 Tr("a list of {{code, zh, en}} entries is expected"));
      continue;
    }
    for (const auto& item : list.items()) {
      auto t = TermFrom(item, file, "vocab." + name);
      if (!t.ok()) {
        sink.Append(t.status().diagnostics());
        continue;
      }
      if (it->second.Has(t->code)) {
        sink.Error({file, item.mark().line, item.mark().column}, "vocab." + name,
                   Tr("code \"{0}\" already exists", t->code));
        continue;
      }
      it->second.Add(std::move(t.value()));
    }
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad vocabulary extension in {0}", file)));
  return v;
}

const VocabList& Vocabulary::Get(std::string_view name) const {
  static const VocabList kEmpty;
  auto it = lists_.find(name);
  return it == lists_.end() ? kEmpty : it->second;
}

std::string Vocabulary::SourceGroup(std::string_view source) const {
  const Term* t = Get("source").Find(source);
  return t ? t->group : std::string();
}

std::vector<std::string> Vocabulary::Names() const {
  std::vector<std::string> names;
  for (const auto& [n, l] : lists_) names.push_back(n);
  return names;
}

std::string VocabNoun(const VocabList& list) {
  static const char* const kNouns[] = {N_("mediator_role"), N_("employment"), N_("category"),
                                       N_("org_kind"), N_("level")};
  for (const char* noun : kNouns)
    if (list.name() == noun) return _(noun);
  return list.name();
}

}  // namespace mediate
