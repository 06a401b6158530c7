// A corpus's columns as a snapshot's sections, and back (see corpus_snapshot.hpp).
#include "registry/corpus_snapshot.hpp"

#include <cstring>
#include <iterator>
#include <memory>
#include <string>

namespace normdoc::registry {
namespace {

using normdoc::detail::CorpusColumns;
using normdoc::detail::CorpusData;

// Column i of CorpusColumns is section 'CL' + two digits.
Tag column_tag(std::size_t i) {
    const char name[5] = {'C', 'L', static_cast<char>('0' + i / 10 % 10), static_cast<char>('0' + i % 10), 0};
    return make_tag(name);
}

// Why the columns do not hold together (nullptr when they do): every offsets column has n + 1
// entries from 0 up to its items, every id is in range, every string inside the text. What a
// checksum cannot promise (a file made to pass it) is checked here, so that no query reads out
// of bounds.
class ColumnCheck {
public:
    explicit ColumnCheck(const CorpusColumns<Span>& c) : c_(c), n_(c.documents.size()), a_(c.authorities.size()) {}

    std::string run() {
        const auto& c = c_;
        runs(c.issuer_offsets, n_, c.issuers.size(), "issuer_offsets");
        runs(c.subject_offsets, n_, c.subjects.size(), "subject_offsets");
        runs(c.event_offsets, n_, c.events.size(), "event_offsets");
        runs(c.review_offsets, n_, c.reviews.size(), "review_offsets");
        runs(c.decision_offsets, n_, c.decisions.size(), "decision_offsets");
        runs(c.relation_offsets, n_, c.relations.size(), "relation_offsets");
        runs(c.incoming_offsets, n_, c.incoming.size(), "incoming_offsets");
        runs(c.modification_offsets, n_, c.modifications.size(), "modification_offsets");
        runs(c.dependent_offsets, n_, c.dependents.size(), "dependent_offsets");
        if (!why_.empty()) return why_;
        size(c.documents_by_id.size() == n_ && c.document_rank.size() == n_ && c.dates.size() == n_, "the id order");
        size(c.authorities_by_id.size() == a_ && c.authority_tree.size() == a_, "the authorities' indexes");
        size(c.incoming.size() == c.relations.size(), "the incoming relations");
        size(c.event_ranks.size() == c.event_days.size(), "the event days");
        if (!why_.empty()) return why_;
        for (std::size_t r = 0; r < n_; ++r) {
            const DocumentId d = c.documents_by_id[r];
            if (d.index() >= n_ || c.document_rank[d.index()].index() != r) return "the id order is not a permutation";
        }
        for (const AuthorityId x : c.authorities_by_id) authority(x, false, "authorities_by_id");
        for (const DocumentId d : c.documents_by_number) document(d, "documents_by_number");
        for (const auto& a : c.authorities) {
            text(a.id, "an authority's id");
            text(a.name, "an authority's name");
            authority(a.parent, true, "a parent");
            authority(a.successor, true, "a successor");
            below(a.kind, 7, "an authority kind");
            if (a.level != normdoc::detail::k_no_level) below(a.level, 5, "a level");
        }
        for (const auto& t : c.authority_tree) authority(t.top, true, "the authority tree");
        for (const auto& d : c.documents) {
            text(d.id, "a document's id");
            text(d.title, "a title");
            text(d.number, "a number");
            below(d.kind, 7, "a document kind");
            authority(d.drafter, false, "a drafter");
            authority(d.filing_with, true, "a filing's recipient");
        }
        for (const AuthorityId x : c.issuers) authority(x, false, "an issuer");
        for (const auto& s : c.subjects) text(s, "a subject");
        for (const auto& e : c.events) {
            text(e.source, "an event's source");
            below(e.type, 3, "an event type");
        }
        for (const auto& r : c.reviews) {
            authority(r.by, true, "a reviewer");
            below(r.outcome, 3, "a legality outcome");
        }
        for (const auto& d : c.decisions) {
            text(d.body, "a decision's body");
            below(d.outcome, 3, "a decision outcome");
        }
        for (std::size_t i = 0; i < n_ && why_.empty(); ++i)
            for (std::uint32_t k = c.relation_offsets[i]; k < c.relation_offsets[i + 1]; ++k)
                if (c.relations[k].source.index() != i) return "a relation is filed under another source";
        for (const auto& r : c.relations) {
            document(r.target, "a relation's target");
            below(r.kind, 8, "a relation kind");
        }
        for (const std::uint32_t k : c.incoming)
            if (k >= c.relations.size()) return "an incoming relation out of range";
        for (const auto& m : c.modifications) {
            rank(m.source, "a modification's source");
            below(m.kind, 8, "a relation kind");
        }
        for (const auto& r : c.dependents) rank(r, "a dependent");
        for (const auto& r : c.event_ranks) rank(r, "a document with events");
        return why_;
    }

private:
    void fail(std::string why) {
        if (why_.empty()) why_ = std::move(why);
    }
    void size(bool ok, const char* what) {
        if (!ok) fail(std::string(what) + " has the wrong size");
    }
    void runs(const Span<std::uint32_t>& offsets, std::size_t n, std::size_t items, const char* what) {
        if (offsets.size() != n + 1 || offsets[0] != 0 || offsets[n] != items) return fail(std::string(what) + " do not cover their items");
        for (std::size_t i = 0; i < n; ++i)
            if (offsets[i] > offsets[i + 1]) return fail(std::string(what) + " go backwards");
    }
    void text(const normdoc::detail::TextRef& r, const char* what) {
        const std::uint64_t end = r.offset() + r.size;
        if (end < r.offset() || end > c_.text.size()) fail(std::string(what) + " lies outside the text");
    }
    void authority(AuthorityId a, bool none_allowed, const char* what) {
        if (a.valid() ? a.index() >= a_ : !none_allowed) fail(std::string(what) + " names no authority");
    }
    void document(DocumentId d, const char* what) {
        if (!d.valid() || d.index() >= n_) fail(std::string(what) + " names no document");
    }
    void rank(normdoc::detail::Rank r, const char* what) {
        if (!r.valid() || r.index() >= n_) fail(std::string(what) + " has no place in the id order");
    }
    void below(std::uint8_t value, unsigned limit, const char* what) {
        if (value >= limit) fail(std::string(what) + " out of range");
    }

    const CorpusColumns<Span>& c_;
    std::size_t n_, a_;
    std::string why_;
};

Problem corrupt(const Snapshot& s, ProblemCode code, const std::string& why) {
    return {s.file(), 0, Severity::error, code, why, {}};
}

struct MappedCorpus {
    CorpusData data;
    std::shared_ptr<const void> mapping;
};

}  // namespace

namespace {
constexpr Tag k_problems_tag = make_tag("PROB");

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
void put_text(std::string& out, std::string_view s) {
    put_u32(out, static_cast<std::uint32_t>(s.size()));
    out.append(s);
}
struct Reader {
    std::string_view in;
    bool ok = true;
    std::uint32_t u32() {
        if (in.size() < 4) { ok = false; return 0; }
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[static_cast<std::size_t>(i)])) << (8 * i);
        in.remove_prefix(4);
        return v;
    }
    std::string text() {
        const std::uint32_t n = u32();
        if (!ok || in.size() < n) { ok = false; return {}; }
        std::string s(in.substr(0, n));
        in.remove_prefix(n);
        return s;
    }
};
}  // namespace

// Each problem: line, then severity, code, subject kind and relation kind in one word, then file,
// message, subject id and target as length-prefixed UTF-8; all little-endian.
std::string encode_problems(const std::vector<Problem>& problems) {
    std::string out;
    put_u32(out, static_cast<std::uint32_t>(problems.size()));
    for (const Problem& p : problems) {
        put_u32(out, static_cast<std::uint32_t>(p.line));
        put_u32(out, static_cast<std::uint32_t>(p.severity) | static_cast<std::uint32_t>(p.code) << 8 |
                         static_cast<std::uint32_t>(p.subject.kind) << 16 | static_cast<std::uint32_t>(p.subject.relation) << 24);
        put_text(out, p.file);
        put_text(out, p.message);
        put_text(out, p.subject.id);
        put_text(out, p.subject.target);
    }
    return out;
}

std::optional<std::vector<Problem>> decode_problems(std::string_view bytes) {
    Reader r{bytes};
    const std::uint32_t n = r.u32();
    std::vector<Problem> out;
    for (std::uint32_t i = 0; r.ok && i < n; ++i) {
        Problem p;
        p.line = r.u32();
        const std::uint32_t kinds = r.u32();
        const auto severity = kinds & 0xff, code = kinds >> 8 & 0xff, subject = kinds >> 16 & 0xff, relation = kinds >> 24;
        if (severity > 1 || code >= std::size(normdoc::detail::k_problem_code_names) || subject > 5 || relation > 7) return std::nullopt;
        p.severity = static_cast<Severity>(severity);
        p.code = static_cast<ProblemCode>(code);
        p.subject.kind = static_cast<SubjectKind>(subject);
        p.subject.relation = static_cast<RelationKind>(relation);
        p.file = r.text();
        p.message = r.text();
        p.subject.id = r.text();
        p.subject.target = r.text();
        out.push_back(std::move(p));
    }
    if (!r.ok || !r.in.empty()) return std::nullopt;
    return out;
}

SnapshotWriter corpus_snapshot(const Corpus& corpus, const std::vector<Problem>& warnings, std::uint64_t source_size,
                               std::uint64_t source_hash) {
    const CorpusData& data = normdoc::detail::data_of(corpus);
    SnapshotWriter writer;
    auto encoded = std::make_shared<std::string>(encode_problems(warnings));
    writer.add_produced(k_problems_tag, 1, [encoded](OutputSink& out) { out.write(*encoded); });
    CorpusMeta meta;
    std::size_t i = 0;
    data.columns.visit([&](const char*, const auto& column) { writer.add_array(column_tag(i++), column.data(), column.size()); });
    meta.sections = static_cast<std::uint32_t>(i);
    meta.documents = corpus.document_count();
    meta.authorities = corpus.authority_count();
    meta.relations = corpus.relation_count();
    const Profile& p = corpus.profile();
    const std::int32_t profile[5] = {p.validity_years, p.trial_years, p.consultation_min_days, p.filing_within_days, p.expiry_review_months};
    std::memcpy(meta.profile, profile, sizeof profile);
    meta.source_size = source_size;
    meta.source_hash = source_hash;
    writer.set_meta_value(meta);
    return writer;
}

LoadResult corpus_of_snapshot(const Snapshot& snapshot) {
    LoadResult out;
    const auto meta = snapshot.meta_value<CorpusMeta>();
    if (!meta || std::memcmp(meta->kind, CorpusMeta().kind, sizeof meta->kind) != 0) {
        out.problems.push_back(corrupt(snapshot, ProblemCode::corrupt_snapshot, "not a snapshot of a corpus (its header area says otherwise)"));
        return out;
    }
    if (meta->layout != CorpusMeta().layout) {
        out.problems.push_back(corrupt(snapshot, ProblemCode::bad_version,
                                       "corpus layout " + std::to_string(meta->layout) + ", this normdoc reads layout " +
                                           std::to_string(CorpusMeta().layout) + ": compile the corpus again"));
        return out;
    }
    auto mapped = std::make_shared<MappedCorpus>();
    mapped->mapping = snapshot.owner();
    CorpusData& data = mapped->data;
    data.profile = {meta->profile[0], meta->profile[1], meta->profile[2], meta->profile[3], meta->profile[4]};
    std::size_t i = 0;
    std::string why;
    data.columns.visit([&](const char* name, auto& column) {
        using T = typename std::decay_t<decltype(column)>::value_type;
        const auto view = snapshot.view<T>(column_tag(i++));
        if (!view) {
            if (why.empty()) why = std::string("column ") + name + ": " + view.problem.message;
            return;
        }
        column = Span<T>(view.view->data(), view.view->size());
    });
    if (why.empty() && i != meta->sections) why = "the header area counts " + std::to_string(meta->sections) + " columns";
    if (why.empty() && (data.columns.documents.size() != meta->documents || data.columns.authorities.size() != meta->authorities ||
                        data.columns.relations.size() != meta->relations))
        why = "the header area's counts differ from the columns";
    if (why.empty()) why = ColumnCheck(data.columns).run();
    if (why.empty()) {
        auto problems = decode_problems(snapshot.bytes(k_problems_tag));
        if (!snapshot.find(k_problems_tag) || !problems) why = "the section of problems (PROB) is missing or does not parse";
        else out.problems = std::move(*problems);
    }
    if (!why.empty()) {
        out.problems = {corrupt(snapshot, ProblemCode::corrupt_snapshot, why)};
        return out;
    }
    out.corpus = normdoc::detail::make_corpus(std::shared_ptr<const CorpusData>(mapped, &mapped->data));
    return out;
}

}  // namespace normdoc::registry
