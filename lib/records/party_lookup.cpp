#include "party_lookup.hpp"

#include "case.hpp"
#include "case_summary.hpp"
#include "keyed_hash.hpp"
#include "pii.hpp"
#include "text_input.hpp"

namespace mediate {

std::string NormalizeLookupName(std::string_view name) {
  std::string folded = NormalizeCell(name);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded)
    if (c != ' ' && c != '\t') out.push_back(c);
  return out;
}

std::string NormalizeLookupNumber(std::string_view number) {
  std::string folded = NormalizeCell(number);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  if (out.rfind("+86", 0) == 0)
    out.erase(0, 3);
  else if (out.rfind("0086", 0) == 0 && out.size() > 11)
    out.erase(0, 4);
  return out;
}

std::string MaskPartyKey(const std::string& key) {
  auto bar = key.find('|');
  if (bar != std::string::npos) {
    std::string phone = key.substr(bar + 1);
    return key.substr(0, bar) + "|" + (phone.empty() ? std::string() : MaskPhone(phone));
  }
  if (CheckCitizenId(key).valid) return MaskIdNumber(key);
  if (CheckCreditCode(key).well_formed) return MaskCreditCode(key);
  return MaskIdNumber(key);
}

std::string PartyKey(const Party& p) {
  if (!p.id_number.empty()) return p.id_number;
  if (!p.credit_code.empty()) return p.credit_code;
  return p.name + "|" + p.phone;
}

void SummarizeParties(const Case& c, std::string_view lookup_key, CaseSummary* out) {
  // A value read sealed gives its stored hash (under the district's lookup
  // key) and mask; a plain one is hashed under the clone's key here.
  auto sealed = [&c](const std::string& path) -> const Value* {
    for (const auto& sv : c.sealed)
      if (sv.path == path) return &sv.node;
    return nullptr;
  };
  auto stored = [](const Value* node, const char* key) {
    const Value* v = node ? node->Find(key) : nullptr;
    return v && v->is_scalar() ? v->text() : std::string();
  };
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    const Party& p = c.parties[i];
    const std::string at = "parties[" + std::to_string(i) + "]";
    const Value* id = sealed(at + ".id_number");
    const Value* phone = sealed(at + ".phone");
    const Value* name = sealed(at + ".name");
    const bool name_alone = p.id_number.empty() && p.credit_code.empty() && p.phone.empty();
    if (id) {
      out->party_hashes.push_back(stored(id, "hash"));
      out->party_masked.push_back(stored(id, "masked"));
    } else if (p.id_number.empty() && p.credit_code.empty() && (name || phone)) {
      out->party_hashes.push_back(name_alone ? std::string()
                                             : (name ? stored(name, "hash") : p.name) + "|" +
                                                   (phone ? stored(phone, "hash") : p.phone));
      out->party_masked.push_back(p.name + "|" + p.phone);
    } else {
      const std::string key = PartyKey(p);
      out->party_hashes.push_back(name_alone ? std::string() : KeyedHash(lookup_key, key));
      out->party_masked.push_back(MaskPartyKey(key));
    }
    out->party_kinds.push_back(p.kind);
    if (p.kind != "organisation" && !p.id_number.empty() && !id &&
        !CheckCitizenId(p.id_number).valid)
      out->party_id_invalid = true;
    out->party_names.push_back(name ? stored(name, "hash") : NormalizeLookupName(p.name));
    if (id) out->party_numbers.push_back(stored(id, "hash"));
    if (phone) out->party_numbers.push_back(stored(phone, "hash"));
    for (const std::string* n :
         {id ? nullptr : &p.id_number, &p.credit_code, phone ? nullptr : &p.phone})
      if (n)
        if (std::string v = NormalizeLookupNumber(*n); !v.empty())
          out->party_numbers.push_back(KeyedHash(lookup_key, v));
    // An agent is found as the party is: by name or number.
    for (std::size_t j = 0; j < p.agents.size(); ++j) {
      const Agent& a = p.agents[j];
      const std::string aat = at + ".agents[" + std::to_string(j) + "]";
      const Value* an = sealed(aat + ".name");
      out->party_names.push_back(an ? stored(an, "hash") : NormalizeLookupName(a.name));
      for (const auto& [field, text] :
           {std::pair{".id_number", &a.id_number}, std::pair{".phone", &a.phone}}) {
        if (const Value* node = sealed(aat + field)) {
          out->party_numbers.push_back(stored(node, "hash"));
        } else if (std::string v = NormalizeLookupNumber(*text); !v.empty()) {
          out->party_numbers.push_back(KeyedHash(lookup_key, v));
        }
      }
    }
  }
}

}  // namespace mediate
