// Finding a case by a party (`party:` filter): the forms in which a party's
// name and numbers are compared, and what the derived index keeps of them.
// Names are compared whole after trimming and NFKC folding (full-width and
// half-width alike, spaces inside dropped); numbers — ID numbers, credit
// codes, phones — with spaces and dashes dropped, letters upper-cased (the
// X of an ID number), and only as keyed hashes (keyed_hash.hpp): the index
// never holds a plain number.
#pragma once

#include <string>
#include <string_view>

namespace mediate {

struct Case;         // case.hpp
struct CaseSummary;  // case_summary.hpp
struct Party;        // case.hpp

/// A name as the lookup compares it: NFKC-folded, every space removed
/// ("李 秀英 " → "李秀英", "ＡＢＣ公司" → "ABC公司").
std::string NormalizeLookupName(std::string_view name);

/// A number as the lookup compares it: NFKC-folded, spaces and dashes
/// removed, a leading +86 or 0086 dropped, letters upper-cased
/// ("1101 0519 4912 3100 2x" → "11010519491231002X", "138-0000-1234" →
/// "13800001234"). "" when nothing is left.
std::string NormalizeLookupNumber(std::string_view number);

/// One party key masked for display and export: an ID number or credit
/// code masked (MaskIdNumber, MaskCreditCode), or "name|phone" with the
/// phone masked ("秦某|181****4013"). PIPL Art. 51.
std::string MaskPartyKey(const std::string& key);

/// The identifying key of a party for repeated-dispute detection: its ID
/// number (persons) or credit code (organisations) when recorded, else
/// "name|phone". Plain: hash it (KeyedHash) before it is stored.
std::string PartyKey(const Party& p);

/// Fills what the summary `out` keeps of the parties of `c` (its
/// party_hashes, party_masked, party_kinds, party_names, party_numbers and
/// party_id_invalid): a plain value normalised, a number hashed under the
/// clone's `lookup_key` (KeyedHash); a value read sealed (Case::sealed) by
/// the hash and mask stored beside it, under the district's lookup key
/// (personal_fields.hpp). The index thus never holds a plain number, nor,
/// in an encrypted store, a name. PIPL Art. 51.
void SummarizeParties(const Case& c, std::string_view lookup_key, CaseSummary* out);

}  // namespace mediate
