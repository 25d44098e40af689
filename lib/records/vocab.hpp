// Vocabularies (schemas/vocab.yaml): the codes records use, with Chinese and
// English labels, loaded from the embedded schemas/vocab.yaml and extended
// per store (mediate.yaml `vocab:`; e.g. 旅游纠纷 tourism).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"
#include "value.hpp"

namespace mediate {

/// One code of a vocabulary.
struct Term {
  std::string code;                  ///< stable code: "neighbour"
  std::string zh;                    ///< Chinese label: "邻里纠纷"
  std::string en;                    ///< English label: "neighbour"
  std::string group;                 ///< for sources: application | initiative | referral
  std::vector<std::string> aliases;  ///< other labels people write
};

/// A named list of terms ("category", "source", "level", …).
class VocabList {
 public:
  VocabList() = default;
  VocabList(std::string name, std::vector<Term> terms);

  const std::string& name() const { return name_; }
  const std::vector<Term>& terms() const { return terms_; }
  /// The term with code `code`, or nullptr.
  const Term* Find(std::string_view code) const;
  /// The term whose code, Chinese label or alias is `text` (exact match
  /// after trimming), or nullptr.
  const Term* Resolve(std::string_view text) const;
  bool Has(std::string_view code) const { return Find(code) != nullptr; }
  /// The Chinese label of `code`, or "" when unknown.
  std::string Zh(std::string_view code) const;
  /// Position of `code` in the list (for ordering, e.g. levels lowest
  /// first), or -1.
  int Rank(std::string_view code) const;
  /// "婚姻家庭纠纷, 邻里纠纷, …" (Chinese labels) for error messages.
  std::string ZhList() const;
  /// "marriage_family, neighbour, …" for error messages.
  std::string CodeList() const;
  /// The values of this list for help texts and error messages, in the
  /// interface's language (i18n.hpp): the Chinese labels joined by "、"
  /// ("婚姻家庭纠纷、邻里纠纷、…") when translation is on, else the codes
  /// (CodeList). Either is accepted wherever a code is (Resolve).
  std::string KnownValues() const;
  /// `code` as human output in the interface's language shows it: its
  /// Chinese label when translation is on, else the code itself; `code`
  /// unchanged when the list does not know it. Machine formats keep codes.
  std::string Shown(std::string_view code) const;
  void Add(Term t);

 private:
  std::string name_;
  std::vector<Term> terms_;
};

/// What the values of `list` are called, for an error message: the list's
/// name in English ("mediator_role", "org_kind"), a noun in Chinese (职务,
/// 组织类型) — the catalogue's translation of the name.
std::string VocabNoun(const VocabList& list);

/// All vocabularies of a store.
class Vocabulary {
 public:
  /// The built-in vocabularies (embedded schemas/vocab.yaml).
  static const Vocabulary& Builtin();
  /// The built-ins extended by a store's `vocab:` map (from mediate.yaml):
  /// `{category: [{code, zh, en}]}`. kRejected for a malformed extension
  /// or a code that already exists.
  static Result<Vocabulary> WithExtensions(const Value* vocab, const std::string& file);

  /// The list named `name`; an empty list when unknown.
  const VocabList& Get(std::string_view name) const;
  const VocabList& category() const { return Get("category"); }
  const VocabList& source() const { return Get("source"); }
  const VocabList& level() const { return Get("level"); }
  const VocabList& risk() const { return Get("risk"); }
  const VocabList& status() const { return Get("status"); }
  const VocabList& outcome() const { return Get("outcome"); }
  /// The statistics group of a source code ("application", "initiative",
  /// "referral"), or "" when unknown.
  std::string SourceGroup(std::string_view source) const;
  /// Names of all lists.
  std::vector<std::string> Names() const;

 private:
  std::map<std::string, VocabList, std::less<>> lists_;
};

}  // namespace mediate
