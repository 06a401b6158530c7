// Clean-up plans (SPEC §8) and applying them (SPEC §6 "Applying a plan").
//
// A plan is what a clean-up proposes, written down for people to edit: one item per document
// looked at, with the action and the findings behind it. Applying a plan makes the one decision
// document (清理决定) that repeals / declares invalid what the plan says to end.
//
//   Plan plan = make_plan(cleanup(corpus, as_of, scope));
//   std::string xml = write_plan(plan);
//   PlanLoadResult edited = read_plan_file("plan.xml");
//   LoadResult applied = apply_plan(corpus, *edited.plan, Decision{"jy-kjj-2018-20", "澄科发〔2018〕20号",
//                                   "关于废止和宣布失效部分规范性文件的决定", "jy-kjj", as_of});
//
// Reading and writing are in src/xml/ (pugixml never reaches this header); apply in src/apply.cpp.
#pragma once

#include "normdoc/cleanup.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/document.hpp"
#include "normdoc/problem.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc {

// SPEC §8: the plan's namespace.
inline constexpr std::string_view k_plan_namespace = "urn:normdoc:plan:1";

struct PlanFinding {
    FindingCode code = FindingCode::expired;
    std::string detail;     // empty when the file has none
    std::size_t line = 0;   // of the <finding> element; 0 when made in code

    friend bool operator==(const PlanFinding& a, const PlanFinding& b);
};

struct PlanItem {
    std::string ref;        // the document's string id
    Action action = Action::retain;
    std::vector<PlanFinding> findings;
    std::size_t line = 0;   // of the <item> element; 0 when made in code

    friend bool operator==(const PlanItem& a, const PlanItem& b);
};

// Equality ignores file names and lines: a plan written and read back is equal to itself.
struct Plan {
    std::string file;       // what problems name; empty for a plan made in code
    Date as_of;
    std::string scope;      // the scope authority's id; empty for a clean-up of everything
    std::vector<PlanItem> items;

    friend bool operator==(const Plan& a, const Plan& b);
    friend bool operator!=(const Plan& a, const Plan& b) { return !(a == b); }
};

std::ostream& operator<<(std::ostream& os, const Plan& plan);

// The plan of a clean-up: every document looked at, by id, with its action and findings (each
// with its detail).
Plan make_plan(const CleanupResult& result);

// Plan XML (SPEC §8), UTF-8. The second form also notes each document's number and title in an
// XML comment before its item, for the people who edit the plan.
std::string write_plan(const Plan& plan);
std::string write_plan(const CleanupResult& result);

// What reading a plan gives: the plan when there is no error, and every problem found, in line
// order, each as `FILE:LINE: error: CODE: message` (XML_SYNTAX, UNKNOWN_ELEMENT, MISSING,
// BAD_VALUE for a bad action or finding code, BAD_DATE, DUPLICATE_ID for an item listed twice).
struct PlanLoadResult {
    std::optional<Plan> plan;
    std::vector<Problem> problems;

    bool ok() const noexcept { return plan.has_value(); }
};

// Parses plan XML held in memory; `file_name` is what problems carry.
PlanLoadResult read_plan(std::string_view xml, const std::string& file_name);
// Reads a plan file. Throws IoError (normdoc/io.hpp) when the file cannot be read.
PlanLoadResult read_plan_file(const std::string& path);

// The decision document that applying a plan creates (SPEC §6).
struct Decision {
    std::string id;
    std::string number;
    std::string title;
    std::vector<std::string> issuers;         // authority ids of the corpus; several for a joint decision
    Date date;                                // published = effective = the relations' date
    DocumentKind kind = DocumentKind::other;
};

struct ApplyOptions {
    // SPEC §6 --only-competent: leave out (with a warning each) the ending items the decision's
    // issuers are not competent for, and the items an earlier decision has ended already (the
    // other part of a plan shared between a bureau and its government), instead of refusing.
    bool only_competent = false;
};

// An item of the plan that the decision left to others (ApplyOptions::only_competent).
struct LeftOutItem {
    std::string ref;
    Action action = Action::retain;
    std::vector<AuthorityId> competent;  // SPEC §2: who may decide it (or a body above them); empty when it has ended
    std::size_t line = 0;                // of the <item> element
};

// What applying a plan decides, before anything is built: the decision document as a draft (none
// when nothing may be applied), every problem, and what it ends and leaves out.
struct DecisionDraft {
    std::shared_ptr<const draft::Document> document;  // normdoc/draft.hpp to read it
    std::vector<Problem> problems;  // errors when document is none; else the warnings of items left out
    std::size_t repealed = 0;
    std::size_t declared_invalid = 0;
    std::vector<LeftOutItem> left_out;
};

// SPEC §6 "Applying a plan": the decision document, which `repeals` every `repeal` item and
// `declares-invalid` every `declare-invalid` item as of its date (other actions are to-dos for
// people and add nothing). All or nothing: on an unknown item or issuer, an id already in use, an
// item listed twice, an item already ended as of the date (repealed, invalid, or expired and
// formally ended), a date before the plan's as-of date, or an ending item the decision's issuers
// are not competent for (SPEC §2: NOT_COMPETENT, naming who is), there is no document and every
// reason is among the problems (item problems carry the plan's file and the item's line). A plan
// whose items mostly name no document of the corpus is one error (it is not this corpus's plan).
DecisionDraft draft_decision(const Corpus& corpus, const Plan& plan, const Decision& decision, const ApplyOptions& options = {});

struct ApplyResult {
    std::optional<Corpus> corpus;   // the corpus plus the decision
    std::shared_ptr<const draft::Document> decision;  // the decision document, when there is a corpus
    std::vector<Problem> problems;  // as DecisionDraft's, and anything the validator refuses in the result
    std::size_t repealed = 0;
    std::size_t declared_invalid = 0;
    std::vector<LeftOutItem> left_out;

    bool ok() const noexcept { return corpus.has_value(); }
};

// draft_decision, then the corpus with the decision through the one validator.
ApplyResult apply_plan(const Corpus& corpus, const Plan& plan, const Decision& decision, const ApplyOptions& options = {});

}  // namespace normdoc
