// De-identification of free text (去标识化) for publication, e.g. the
// typical-case library: each function removes one kind of personal datum
// from UTF-8 text and leaves every other character as it was. Personal
// information must be de-identified before it is made public (PIPL Art. 4,
// 51; a person's whereabouts and financial accounts are sensitive, Art. 28),
// and mediators keep the parties' private matters confidential (People's
// Mediation Law Art. 15). Numbers, plates and addresses become
// kRemovedMark; names become the surname and 某 (ReduceName).
//
// The scanners work on code points (DecodeUtf8), not std::regex: regex
// works on bytes, knows no Chinese character classes and is slow. Each is a
// short loop whose pattern is written in its comment. They are heuristics
// for prose: a pattern may also take an ordinary word that looks like a
// name after a kinship word ("儿子高兴" → "儿子高某"), never a number such
// as 2022年 or 12000元.
#pragma once

#include <string>
#include <vector>

#include "case.hpp"
#include "mediator.hpp"

namespace mediate {

/// What replaces a removed number, plate or address.
inline constexpr const char* kRemovedMark = "[已删除]";

/// A person's name reduced to the surname and 某: 张三 → 张某, 李某某 →
/// 李某, 欧阳娜娜 → 欧阳某 (two-character compound surnames kept whole); a
/// Latin-script name to its initial (John → J.). An organisation's name
/// keeps only its kind: 太原市某某装饰工程有限公司 → 某有限公司,
/// 万柏林区人民医院 → 某医院; "某单位" when no kind is recognised. Empty
/// stays empty. (PIPL Art. 73(3): de-identified data no longer identify a
/// person without further information.)
std::string ReduceName(const std::string& name, bool organisation);

/// What a case record tells about the people, organisations, numbers and
/// places it names — the values to look for in its free text.
struct KnownIdentities {
  /// Full names of persons: parties, their agents, organisations'
  /// representatives, the mediators of assigned events (by roster id),
  /// session participants and signatories.
  std::vector<std::string> persons;
  /// Full names of the parties that are organisations.
  std::vector<std::string> organisations;
  /// ID numbers, credit codes and phone numbers of parties and agents.
  std::vector<std::string> numbers;
  /// Party addresses and the case's place address.
  std::vector<std::string> addresses;
};

/// The identities `c` names, with mediator ids resolved through
/// `mediators` (an unknown id is kept as it is). Empty values are skipped.
KnownIdentities IdentitiesOf(const Case& c, const MediatorRegistry& mediators);

/// Removes the record's own numbers (`known.numbers`, an ID number's final
/// X in either case) → kRemovedMark. PIPL Art. 51.
std::string RemoveKnownNumbers(const std::string& text, const KnownIdentities& known);

/// Reduces the record's persons wherever they appear (PIPL Art. 51; Law
/// Art. 15): the full name (张三丰 → 张某); the given name alone when it
/// has two or more characters and is not 某 (三丰 → 某); the surname with
/// a title or form of address — 师傅 先生 女士 老师 大爷 大妈 大娘 阿姨 大姐
/// 大哥 叔 婶 姐 哥 老板 经理 主任 书记 律师 医生 同志 — (李师傅 → 李某);
/// 老 or 小 before the surname (老李, 小王 → 李某, 王某). Longest names first.
std::string RemoveKnownPersons(const std::string& text, const KnownIdentities& known);

/// Removes the record's organisations (PIPL Art. 51): the full name → its
/// ReduceName (某有限公司); the name without its place prefix (up to the
/// last 省/市/区/县/旗) → the same; and the trade name (字号: what is left
/// after the place prefix, a leading province name such as 山西, the kind
/// and a known line of business such as 物业服务, 装饰工程, 商贸) → 某
/// (恒达物业 → 某物业); when that is four or more characters (太原鑫源: a
/// city name without 市), its last two as well (鑫源). A trade name shorter
/// than two characters is left alone, and so is every part of a name that
/// holds 某 (万柏林区某社区卫生服务中心: de-identified already). 社区, 小区,
/// 园区 and 景区 end no place prefix.
std::string RemoveKnownOrganisations(const std::string& text, const KnownIdentities& known);

/// Reduces names that text places next to an age or a kinship word, who
/// need not be parties (PIPL Art. 51; a child's name is sensitive, Art. 28):
///   NAME（14岁） NAME(男，14岁) NAME，14周岁 — a name before an age;
///   14岁的NAME — a name after one;
///   之子 之女 之妻 之夫 之父 之母 其子 其女 其妻 其夫 其父 其母 证人 儿子
///   女儿 母亲 父亲 妻子 丈夫 爱人 儿媳 女婿 孙子 孙女 外孙 爷爷 奶奶 哥哥
///   姐姐 弟弟 妹妹 邻居 同事 名叫 + NAME — a name after a kinship word;
///   NAME + 之子/之女/之妻/之夫/之父/之母 — a name before one.
/// NAME is a common surname (a table of about 200, compound ones included)
/// and one or two more Chinese characters; the second is not taken when it
/// is a common function word or verb (与 和 在 说 称 …). Each becomes its
/// ReduceName: 证人李四说 → 证人李某说, 其子张小明（14岁） → 其子张某（14岁）.
std::string RemoveRelatedPersons(const std::string& text);

/// Removes the record's own addresses and their fragments (PIPL Art. 28,
/// 51): the address without its administrative prefix (up to the last
/// 省/市/区/县/旗/镇/乡/村/街道/社区/居委会/村委会), which is the part below the
/// community; the building part of it that RemoveStreetAddresses would
/// find; and the place name of two or more characters before that (幸福里
/// in 幸福里3号楼2单元) → kRemovedMark. The prefix (city, district, street,
/// community) stays; an address with nothing below the community is not
/// looked for.
std::string RemoveKnownAddresses(const std::string& text, const KnownIdentities& known);

/// Removes addresses below the community (PIPL Art. 28, 51) → kRemovedMark:
///   ROAD N号 with ROAD a name ending in 路 街 巷 道 弄 胡同 (和平路12号,
///   迎泽大街8号院); the road name is the Chinese characters before the
///   ending back to a word such as 住 在 于 位 到 or to 区/市/县/镇/村/社区,
///   at most six;
///   a building sequence: numbers with units 号楼 栋 幢 座 单元 层 楼 室 户
///   号 (5号楼2单元301室, 3栋502室, 12号院3号楼), when it has a 号楼, 单元,
///   室 or 户, or two numbered parts.
/// Numbers are ASCII or full-width digits, or "-" joined (3-2-301室).
/// Untouched: 2022年, 3月5号, 12000元, 第3号, 2层楼房, community names.
std::string RemoveStreetAddresses(const std::string& text);

/// Removes licence plates (PIPL Art. 51; GA 36-2018) → kRemovedMark: a
/// province abbreviation (京 津 沪 渝 冀 晋 蒙 辽 吉 黑 苏 浙 皖 闽 赣 鲁 豫 鄂
/// 湘 粤 桂 琼 川 贵 云 藏 陕 甘 青 宁 新), a letter, an optional separator
/// (· • ・ . - or a space), then 5 letters/digits (6 for a new-energy
/// plate), at least one a digit, optionally ending 挂/学/警; not followed by
/// a further letter or digit: 晋A·12345, 晋A 12345, 晋A12345, 晋AD12345.
std::string RemovePlates(const std::string& text);

/// Removes citizen ID numbers (GB 11643-1999; PIPL Art. 51) →
/// kRemovedMark: a run of exactly 15 digits, or 17 digits and a digit or
/// X/x, with no digit or letter on either side. Full-width digits count.
std::string RemoveIdNumbers(const std::string& text);

/// Removes unified social credit codes (GB 32100-2015) → kRemovedMark: 18
/// characters over 0-9 A-H J-N P Q R T U W X Y whose 3rd–8th are digits
/// (the division code), with no letter or digit on either side. The
/// checksum is not required: a mistyped code is still removed.
std::string RemoveCreditCodes(const std::string& text);

/// Removes bank card numbers (PIPL Art. 28: financial accounts) →
/// kRemovedMark: 16–19 digits in one run, or in groups of four joined by
/// single spaces or hyphens (6222 0212 3456 7890 123: the last group 1–4).
std::string RemoveBankCards(const std::string& text);

/// Removes phone numbers (PIPL Art. 51) → kRemovedMark: a mobile number
/// 1[3-9] and 9 digits (optionally +86/86 before it, optionally split
/// 3-4-4 by spaces or hyphens); a landline with area code (0351-6012345,
/// 03516012345, (0351)6012345, 010-12345678); a 7–8 digit local number
/// right after 电话 手机 座机 联系方式 号码 (and an optional colon); and any
/// other run of 11 or more digits. No digit may adjoin. Untouched:
/// 2022年, 12000元, 20221231 in a sentence without a phone word.
std::string RemovePhoneNumbers(const std::string& text);

/// `text` with everything above removed, in an order that lets the record's
/// own values go first: known numbers, credit codes, ID numbers, bank
/// cards, phones, plates, known addresses, street addresses, known
/// organisations, known persons, related persons.
std::string Deidentify(const std::string& text, const KnownIdentities& known);

}  // namespace mediate
