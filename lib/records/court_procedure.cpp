#include "court_procedure.hpp"

#include "i18n.hpp"
#include "vocab.hpp"

namespace mediate {

std::string ProcedureCode(const std::string& text) {
  if (text == "ordinary" || text == "court_ordinary" || text == "普通程序") return "court_ordinary";
  if (text == "summary" || text == "court_summary" || text == "简易程序") return "court_summary";
  return "";
}

std::string ProcedureProblem(const Case& c) {
  if (c.procedure.empty()) return "";
  if (c.procedure != "court_ordinary" && c.procedure != "court_summary")
    return Tr("procedure is court_ordinary or court_summary, not \"{0}\"", c.procedure);
  if (c.source.empty())
    return _(
        "a procedure (ordinary or summary) belongs to a court-entrusted case (source "
        "court_entrusted, 法院委托; SPC 2016), not to one whose source is not given; drop "
        "the procedure or correct the source");
  if (c.source != "court_entrusted")
    return Tr(
        "a procedure (ordinary or summary) belongs to a court-entrusted case (source "
        "court_entrusted, 法院委托; SPC 2016), not to one whose source is {0}; drop the "
        "procedure or correct the source",
        Vocabulary::Builtin().source().Shown(c.source));
  return "";
}

}  // namespace mediate
