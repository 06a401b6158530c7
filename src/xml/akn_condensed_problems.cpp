// Warnings a person reads (SPEC §9): one line per file, code and oddity that repeats, with its
// count, at the first one's place; --verbose shows them all (AknImportResult::problems).
#include "normdoc/akn.hpp"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace normdoc {

std::vector<Problem> condensed_problems(const AknImportResult& result) {
    // One line per file, code and oddity that repeats, at the first one's place.
    std::vector<Problem> out;
    std::map<std::tuple<std::string, ProblemCode, std::string>, std::size_t> count;
    for (std::size_t i = 0; i < result.problems.size(); ++i)
        if (i < result.oddities.size() && !result.oddities[i].empty())
            ++count[{result.problems[i].file, result.problems[i].code, result.oddities[i]}];
    std::set<std::tuple<std::string, ProblemCode, std::string>> written;
    for (std::size_t i = 0; i < result.problems.size(); ++i) {
        const Problem& p = result.problems[i];
        const std::string oddity = i < result.oddities.size() ? result.oddities[i] : std::string();
        if (oddity.empty()) {
            out.push_back(p);
            continue;
        }
        const auto key = std::make_tuple(p.file, p.code, oddity);
        const std::size_t n = count[key];
        if (n == 1) {
            out.push_back(p);
            continue;
        }
        if (!written.insert(key).second) continue;
        Problem summary = p;
        summary.message = std::to_string(n) + " " + oddity + ", first at line " + std::to_string(p.line) + ": " + p.message;
        summary.subject = {};
        out.push_back(std::move(summary));
    }
    return out;
}

}  // namespace normdoc
