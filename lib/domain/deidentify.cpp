#include "deidentify.hpp"

#include "code_points.hpp"

namespace mediate {
namespace {

// A name typed in an event (participants, signatories): two to four Chinese
// characters. Anything else ("申请人及其代理人") is not taken for a name.
bool LooksLikeName(const std::string& s) {
  std::u32string t = DecodeUtf8(s);
  if (t.size() < 2 || t.size() > 4) return false;
  for (char32_t c : t)
    if (!IsHan(c)) return false;
  return true;
}

void Add(std::vector<std::string>* list, const std::string& v) {
  if (v.empty()) return;
  for (const auto& x : *list)
    if (x == v) return;
  list->push_back(v);
}

}  // namespace

KnownIdentities IdentitiesOf(const Case& c, const MediatorRegistry& mediators) {
  KnownIdentities k;
  for (const Party& p : c.parties) {
    Add(p.kind == "organisation" ? &k.organisations : &k.persons, p.name);
    Add(&k.persons, p.representative);
    for (const std::string* n : {&p.id_number, &p.credit_code, &p.phone}) Add(&k.numbers, *n);
    Add(&k.addresses, p.address);
    for (const Agent& a : p.agents) {
      Add(&k.persons, a.name);
      Add(&k.numbers, a.id_number);
      Add(&k.numbers, a.phone);
    }
  }
  Add(&k.addresses, c.place.address);
  for (const std::string& m : c.state.mediators) {
    auto it = mediators.find(m);
    Add(&k.persons, it == mediators.end() ? m : it->second.name);
  }
  for (const Event& e : c.events) {
    for (const auto& m : e.GetList("mediators")) {
      auto it = mediators.find(m);
      Add(&k.persons, it == mediators.end() ? m : it->second.name);
    }
    for (const char* key : {"participants", "signed_by"})
      for (const auto& n : e.GetList(key))
        if (LooksLikeName(n)) Add(&k.persons, n);
    if (LooksLikeName(e.Get("grid_worker"))) Add(&k.persons, e.Get("grid_worker"));
  }
  return k;
}

std::string Deidentify(const std::string& text, const KnownIdentities& known) {
  std::string s = RemoveKnownNumbers(text, known);
  s = RemoveCreditCodes(s);
  s = RemoveIdNumbers(s);
  s = RemoveBankCards(s);
  s = RemovePhoneNumbers(s);
  s = RemovePlates(s);
  s = RemoveKnownAddresses(s, known);
  s = RemoveStreetAddresses(s);
  s = RemoveKnownOrganisations(s, known);
  s = RemoveKnownPersons(s, known);
  return RemoveRelatedPersons(s);
}

}  // namespace mediate
