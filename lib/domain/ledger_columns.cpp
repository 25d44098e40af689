#include "ledger_columns.hpp"

#include "text_input.hpp"

namespace mediate {
namespace {

/// A field name as a header: lower-case ASCII, '_' read as ' '.
std::string FieldKey(std::string_view s) {
  std::string out = NormalizeCell(s);
  for (char& c : out) {
    if (c == '_') c = ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// Blank characters trimmed at the ends of a text cell (names, summary):

}  // namespace

const std::vector<LedgerColumn>& LedgerColumns() {
  static const std::vector<LedgerColumn> kColumns = {
      {"序号", {"编号"}, "row", false},
      {"登记日期", {"受理日期", "登记时间"}, "received", true},
      {"案件来源", {"来源", "纠纷来源"}, "source", true, "source"},
      {"纠纷类型", {"纠纷类别", "案件类型"}, "category", true, "category"},
      {"申请人", {"申请人姓名", "申请人名称"}, "applicant name", true},
      {"申请人证件号码", {"申请人身份证号", "申请人身份证号码"}, "applicant ID", false},
      {"申请人电话", {"申请人联系电话"}, "applicant phone", false},
      {"被申请人", {"被申请人姓名", "被申请人名称"}, "respondent name", false},
      {"被申请人证件号码", {"被申请人身份证号", "被申请人身份证号码"}, "respondent ID", false},
      {"被申请人电话", {"被申请人联系电话"}, "respondent phone", false},
      {"纠纷简要情况", {"简要情况", "纠纷情况"}, "summary", true},
      {"涉及金额(元)", {"涉及金额", "金额(元)", "金额", "标的额(元)"}, "amount", false},
      {"涉及人数", {"人数"}, "people_involved", false},
      {"所属街道", {"街道", "所属街道(乡镇)"}, "street", true},
      {"所属社区", {"社区", "所属社区(村)", "所属村(社区)"}, "community", false},
      {"网格编号", {"网格", "网格代码"}, "grid", false},
      {"风险等级", {"风险"}, "risk", false, "risk"},
      {"化解层级", {"调处层级", "调解层级", "化解级别"}, "level", false, "level"},
      {"调解结果", {"结果", "处理结果", "调处结果"}, "outcome", false, "outcome"},
      {"协议形式", {"协议类型"}, "form", false, "agreement_form"},
      {"结案日期", {"调结日期", "办结日期", "结案时间"}, "concluded", false},
      {"履行情况", {"履行"}, "performance", false, "performance"},
      {"司法确认日期", {"司法确认", "司法确认时间"}, "confirmed", false},
      {"回访日期", {"回访时间"}, "visited", false},
      {"申请人住所", {"申请人地址", "申请人住址"}, "applicant address", false},
      {"申请人民族", {}, "applicant ethnicity", false},
      {"申请人职业", {"申请人职业或工作单位", "申请人工作单位"}, "applicant occupation", false},
      {"申请人法定代表人",
       {"申请人负责人", "申请人法定代表人或负责人"},
       "applicant representative",
       false},
      {"申请人法定代表人职务", {"申请人负责人职务"}, "applicant representative title", false},
      {"申请人委托代理人", {"申请人代理人"}, "applicant agent", false},
      {"申请人代理人电话", {"申请人委托代理人电话"}, "applicant agent phone", false},
      {"被申请人住所", {"被申请人地址", "被申请人住址"}, "respondent address", false},
      {"被申请人民族", {}, "respondent ethnicity", false},
      {"被申请人职业",
       {"被申请人职业或工作单位", "被申请人工作单位"},
       "respondent occupation",
       false},
      {"被申请人法定代表人",
       {"被申请人负责人", "被申请人法定代表人或负责人"},
       "respondent representative",
       false},
      {"被申请人法定代表人职务", {"被申请人负责人职务"}, "respondent representative title", false},
      {"被申请人委托代理人", {"被申请人代理人"}, "respondent agent", false},
      {"被申请人代理人电话", {"被申请人委托代理人电话"}, "respondent agent phone", false},
      {"第三人", {"第三人姓名", "第三人名称"}, "third party name", false},
      {"第三人证件号码", {"第三人身份证号", "第三人身份证号码"}, "third party ID", false},
      {"第三人电话", {"第三人联系电话"}, "third party phone", false},
      {"第三人住所", {"第三人地址", "第三人住址"}, "third party address", false},
  };
  return kColumns;
}

int FindLedgerColumn(std::string_view name) {
  const auto& columns = LedgerColumns();
  std::string h = NormalizeCell(name);
  if (h.empty()) return -1;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (NormalizeCell(columns[c].header) == h) return static_cast<int>(c);
    for (const auto& a : columns[c].aliases)
      if (NormalizeCell(a) == h) return static_cast<int>(c);
  }
  std::string key = FieldKey(name);
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (FieldKey(columns[c].field) == key) return static_cast<int>(c);
  return -1;
}
}  // namespace mediate
