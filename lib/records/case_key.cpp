#include "case_key.hpp"

#include <random>

#include "i18n.hpp"
#include "value.hpp"
#include "yaml_emit.hpp"
#include "yaml_io.hpp"

namespace mediate {

std::string NewCaseKeyId() {
  std::random_device rd;
  std::uniform_int_distribution<int> digit(0, 15);
  std::string id;
  for (int i = 0; i < 32; ++i) id += "0123456789abcdef"[digit(rd)];
  return id;
}

bool IsCaseKeyId(std::string_view id) {
  if (id.size() != 32) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string CaseKeyPath(std::string_view id) {
  return std::string(id.substr(0, 2)) + "/" + std::string(id);
}

std::string EmitCaseKeyEntry(const CaseKeyEntry& entry) {
  Value v = Value::Map();
  v.Set("case", Value::String(entry.case_id));
  if (entry.is_erased()) {
    v.Set("erased", Value::String(entry.erased));
  } else {
    v.Set("epoch", Value::Int(entry.epoch));
    v.Set("wrapped", Value::String(entry.wrapped));
  }
  return EmitYaml(v);
}

Result<CaseKeyEntry> ParseCaseKeyEntry(std::string_view text, const std::string& id,
                                       const std::string& where) {
  auto root = ParseYaml(text, where);
  if (!root.ok()) return root.status();
  auto field = [&](const char* name) -> std::string {
    const Value* v = root->is_map() ? root->Find(name) : nullptr;
    return v && v->is_scalar() ? v->text() : std::string();
  };
  CaseKeyEntry e;
  e.id = id;
  e.case_id = field("case");
  e.erased = field("erased");
  e.wrapped = field("wrapped");
  for (char ch : field("epoch")) e.epoch = ch >= '0' && ch <= '9' ? e.epoch * 10 + (ch - '0') : -1;
  if (e.case_id.empty() || (!e.is_erased() && (e.epoch <= 0 || e.wrapped.empty())))
    return Status::Rejected(Tr(
        "{0}: expected a case key (case, epoch, wrapped) or an erased one (case, erased)", where));
  if (e.is_erased()) {
    e.epoch = 0;
    e.wrapped.clear();
  }
  return e;
}

CaseKeyEntry MergeCaseKeyEntries(const CaseKeyEntry& a, const CaseKeyEntry& b) {
  if (a.is_erased() || b.is_erased()) {
    if (!b.is_erased()) return a;
    if (!a.is_erased()) return b;
    return a.erased <= b.erased ? a : b;
  }
  if (a.epoch != b.epoch) return a.epoch > b.epoch ? a : b;
  return EmitCaseKeyEntry(a) <= EmitCaseKeyEntry(b) ? a : b;
}

}  // namespace mediate
