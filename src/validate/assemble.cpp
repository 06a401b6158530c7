// The assembly: a draft without error laid out as a corpus's primary columns (SPEC §7's defaults
// resolved). On a large corpus the second half of the documents is laid out on the second core:
// a first pass sizes every run, so that each half writes into its own places.
#include "validate.hpp"

#include <cstring>
#include <future>
#include "normdoc/draft.hpp"

namespace normdoc::detail {
namespace {

std::launch launch_policy(std::size_t documents) {
    return documents >= 20000 ? std::launch::async : std::launch::deferred;
}

// Prefix sums of a per-document count: offsets[i] .. offsets[i + 1] is document i's run.
template <class Count>
std::vector<std::uint32_t> offsets_of(const draft::Corpus& d, Count count) {
    std::vector<std::uint32_t> out(d.documents.size() + 1, 0);
    for (std::size_t i = 0; i < d.documents.size(); ++i) out[i + 1] = out[i] + static_cast<std::uint32_t>(count(d.documents[i]));
    return out;
}

std::size_t text_bytes(const draft::Document& doc) {
    std::size_t n = doc.id.size() + (doc.title ? doc.title->size() : 0) + doc.number.size();
    for (const auto& s : doc.subjects) n += s.size();
    for (const auto& e : doc.events) n += e.source.size();
    for (const auto& c : doc.procedure.collective_decisions) n += c.body.size();
    return n;
}

}  // namespace

CorpusVectors assemble(const draft::Corpus& d, Resolved&& resolved) {
    CorpusVectors c;
    const std::size_t n = d.documents.size();

    // Where each document's strings and lists go.
    std::vector<std::uint64_t> text_start(n + 1, 0);
    std::uint64_t authority_text = 0;
    for (const auto& a : d.authorities) authority_text += a.id.size() + a.name.size();
    text_start[0] = authority_text;
    for (std::size_t i = 0; i < n; ++i) text_start[i + 1] = text_start[i] + text_bytes(d.documents[i]);
    c.text.resize(text_start[n]);
    c.subject_offsets = offsets_of(d, [](const draft::Document& doc) { return doc.subjects.size(); });
    c.event_offsets = offsets_of(d, [](const draft::Document& doc) { return doc.events.size(); });
    c.review_offsets = offsets_of(d, [](const draft::Document& doc) { return doc.procedure.legality_reviews.size(); });
    c.decision_offsets = offsets_of(d, [](const draft::Document& doc) { return doc.procedure.collective_decisions.size(); });
    c.subjects.resize(c.subject_offsets[n]);
    c.events.resize(c.event_offsets[n]);
    c.reviews.resize(c.review_offsets[n]);
    c.decisions.resize(c.decision_offsets[n]);
    c.relations.resize(resolved.relation_offsets[n]);
    c.documents.resize(n);

    // The authorities: the records the checks made, with their strings.
    c.authorities = std::move(resolved.authorities);
    std::uint64_t at = 0;
    auto put = [&c](std::uint64_t& cursor, std::string_view s) {
        if (!s.empty()) std::memcpy(c.text.data() + cursor, s.data(), s.size());
        const TextRef ref = TextRef::at(cursor, s.size());
        cursor += s.size();
        return ref;
    };
    for (std::size_t i = 0; i < d.authorities.size(); ++i) {
        c.authorities[i].id = put(at, d.authorities[i].id);
        c.authorities[i].name = put(at, d.authorities[i].name);
    }

    auto build = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const draft::Document& doc = d.documents[i];
            DocumentRecord& out = c.documents[i];
            std::uint64_t cursor = text_start[i];
            out.id = put(cursor, doc.id);
            out.title = put(cursor, doc.title ? std::string_view(*doc.title) : std::string_view());
            out.number = put(cursor, doc.number);
            out.kind = static_cast<std::uint8_t>(doc.kind);
            out.trial = draft::trial_of(doc) ? 1 : 0;                 // SPEC §7
            out.published = to_day(doc.published);
            out.effective = to_day(draft::effective_of(doc));          // SPEC §7
            out.expires = to_day(doc.expires);
            out.drafter = resolved.drafter[i];                         // SPEC §1
            const auto& p = doc.procedure;
            if (p.assessment) out.assessment = to_day(p.assessment->date);
            if (p.expert_review) out.expert_review = to_day(p.expert_review->date);
            if (p.risk_assessment) out.risk_assessment = to_day(p.risk_assessment->date);
            if (p.consultation) {
                out.consultation_from = to_day(p.consultation->from);
                out.consultation_to = to_day(p.consultation->to);
            }
            if (p.filing) {
                out.filing = to_day(p.filing->date);
                out.filing_with = resolved.filing_with[i];
            }
            TextRef* subject = c.subjects.data() + c.subject_offsets[i];
            for (const auto& s : doc.subjects) *subject++ = put(cursor, s);
            EventRecord* event = c.events.data() + c.event_offsets[i];
            for (const auto& e : doc.events) {
                event->source = put(cursor, e.source);
                event->date = to_day(e.date);
                event->type = static_cast<std::uint8_t>(e.type);
                ++event;
            }
            ReviewRecord* review = c.reviews.data() + c.review_offsets[i];
            for (std::size_t k = 0; k < p.legality_reviews.size(); ++k, ++review) {
                review->date = to_day(p.legality_reviews[k].date);
                review->outcome = static_cast<std::uint8_t>(p.legality_reviews[k].outcome);
                review->by = resolved.reviewers[c.review_offsets[i] + k];
            }
            DecisionRecord* decision = c.decisions.data() + c.decision_offsets[i];
            for (const auto& cd : p.collective_decisions) {
                decision->body = put(cursor, cd.body);
                decision->date = to_day(cd.date);
                decision->outcome = static_cast<std::uint8_t>(cd.outcome);
                ++decision;
            }
            RelationRecord* relation = c.relations.data() + resolved.relation_offsets[i];
            const DocumentId* target = resolved.relation_targets.data() + resolved.relation_offsets[i];
            for (const auto& r : doc.relations) {
                relation->source = DocumentId(static_cast<std::uint32_t>(i));
                relation->target = *target++;
                relation->date = to_day(r.date);
                relation->until = to_day(r.until);
                relation->kind = static_cast<std::uint8_t>(r.kind);
                ++relation;
            }
        }
    };
    {
        auto second_half = std::async(launch_policy(n), build, n / 2, n);
        build(0, n / 2);
        second_half.get();
    }

    c.issuer_offsets = std::move(resolved.issuer_offsets);
    c.issuers = std::move(resolved.issuers);
    c.relation_offsets = std::move(resolved.relation_offsets);
    c.authority_tree = std::move(resolved.authority_tree);
    return c;
}

}  // namespace normdoc::detail
