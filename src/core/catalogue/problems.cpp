#include "catalogue/problems.h"

namespace limber::catalogue {

std::string format(const Problem& p) {
  std::string out = p.file;
  if (p.line > 0) out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
  out += ": ";
  if (!p.path.empty()) out += p.path + ": ";
  out += p.message;
  return out;
}

std::string format_report(std::span<const Problem> problems) {
  std::string out = "The exercise catalogue was refused: " + std::to_string(problems.size()) +
                    (problems.size() == 1 ? " problem" : " problems") + ".\n";
  for (const Problem& p : problems) out += format(p) + "\n";
  return out;
}

}  // namespace limber::catalogue
