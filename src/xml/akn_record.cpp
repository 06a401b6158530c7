// Stage 2 of the Akoma Ntoso import (SPEC §9): a work from normdoc's own record (meta/proprietary,
// written by export-akn), read as the corpus format it is, its lines made the file's.
#include "xml/akn_work.hpp"

#include "normdoc/draft_reader.hpp"
#include "normdoc/io.hpp"
#include "xml/akn_values.hpp"

#include <algorithm>

namespace normdoc::detail::akn {

bool read_record(std::string_view content, const Scan& scan, Reporter& report, Work& work) {
    if (!scan.record) return false;
    const RecordPlace& place = *scan.record;
    DraftRead read = read_corpus_draft(content.substr(place.begin, place.end - place.begin), report.file());
    const auto first_error = std::find_if(read.problems.begin(), read.problems.end(), [](const Problem& p) { return p.is_error(); });
    std::string why;
    if (first_error != read.problems.end())
        why = "line " + std::to_string(first_error->line + place.line - 1) + ": " + first_error->message;
    else if (read.draft->documents.size() != 1)
        why = "it holds " + std::to_string(read.draft->documents.size()) + " documents, not one";
    else if (scan.frbr_this && read.draft->documents.front().id != scan.frbr_this->value)
        why = "its document " + in_quotes(read.draft->documents.front().id) + " is not the work " + in_quotes(scan.frbr_this->value);
    if (!why.empty()) {
        report.warning(place.line, ProblemCode::bad_value,
                       "the normdoc record in meta/proprietary cannot be used (" + why + "); the file is read without it");
        return false;
    }
    // Its lines are the file's.
    const std::size_t shift = place.line - 1;
    auto at = [shift](std::size_t& line) {
        if (line != 0) line += shift;
    };
    draft::Document& d = read.draft->documents.front();
    at(d.line);
    at(d.number_line);
    at(d.dates_line);
    for (draft::Ref& r : d.issuers) at(r.line);
    if (d.drafter) at(d.drafter->line);
    for (draft::Relation& r : d.relations) {
        at(r.line);
        at(r.target.line);
    }
    for (draft::Event& e : d.events) at(e.line);
    draft::Procedure& pr = d.procedure;
    for (auto* step : {&pr.assessment, &pr.expert_review, &pr.risk_assessment})
        if (*step) at((*step)->line);
    if (pr.consultation) at(pr.consultation->line);
    for (draft::LegalityReview& l : pr.legality_reviews) {
        at(l.line);
        if (l.by) at(l.by->line);
    }
    for (draft::CollectiveDecision& c : pr.collective_decisions) at(c.line);
    if (pr.filing) {
        at(pr.filing->line);
        if (pr.filing->with) at(pr.filing->with->line);
    }
    for (draft::Authority& a : read.draft->authorities) {
        at(a.line);
        if (a.parent) at(a.parent->line);
        if (a.successor) at(a.successor->line);
    }
    for (Problem& p : read.problems) {  // warnings only
        at(p.line);
        report.warning(p.line, p.code, p.message);
    }
    work.record = true;
    work.this_line = d.line;
    work.keys.clear();
    work.keys.emplace_back(work_key(d.id));
    if (scan.frbr_uri && !scan.frbr_uri->value.empty()) work.keys.emplace_back(work_key(scan.frbr_uri->value));
    work.doc = std::move(d);
    work.record_authorities = std::move(read.draft->authorities);
    work.profile = read.draft->profile;
    work.position = scan.position;
    work.authority_positions = scan.authority_positions;
    return true;
}

}  // namespace normdoc::detail::akn
