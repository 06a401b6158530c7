// The one validator (SPEC §7): a draft, from the XML reader or from CorpusBuilder, becomes an
// indexed Corpus when it has no error. Every problem is collected, with the line it came from.
#include "normdoc/corpus.hpp"
#include "normdoc/status.hpp"

#include "id_index.hpp"
#include "scc.hpp"

#include <algorithm>
#include <future>
#include <numeric>
#include <string>
#include <utility>

namespace normdoc {
namespace {

// Work worth a second thread only on a large corpus (a thread costs more than checking a few
// thousand documents).
std::launch launch_policy(std::size_t documents) {
    return documents >= 20000 ? std::launch::async : std::launch::deferred;
}

std::size_t line_or(std::size_t line, std::size_t fallback) { return line != 0 ? line : fallback; }

// SPEC §7: an id is a non-empty string without white space or control characters.
bool is_valid_id(std::string_view id) {
    if (id.empty()) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        if (c <= 0x20 || c == 0x7f) return false;
        // U+0085, U+00A0 (C2 85, C2 A0), U+1680, U+2000–U+200A, U+2028/2029, U+202F, U+205F, U+3000.
        if (c == 0xc2 && i + 1 < id.size()) {
            const auto n = static_cast<unsigned char>(id[i + 1]);
            if (n == 0x85 || n == 0xa0 || (n >= 0x80 && n <= 0x9f)) return false;
        }
        if (c == 0xe1 && id.substr(i, 3) == "\xe1\x9a\x80") return false;
        if (c == 0xe2 && i + 2 < id.size()) {
            const auto n1 = static_cast<unsigned char>(id[i + 1]), n2 = static_cast<unsigned char>(id[i + 2]);
            if (n1 == 0x80 && (n2 <= 0x8a || n2 == 0xa8 || n2 == 0xa9 || n2 == 0xaf)) return false;
            if (n1 == 0x81 && n2 == 0x9f) return false;
        }
        if (c == 0xe3 && id.substr(i, 3) == "\xe3\x80\x80") return false;
    }
    return true;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// The keys of the draft's indexes, read back from the draft (IdIndex keeps only indices).
struct AuthorityIdOf {
    const draft::Corpus* d;
    std::string_view operator()(std::uint32_t i) const noexcept { return d->authorities[i].id; }
};
struct DocumentIdOf {
    const draft::Corpus* d;
    std::string_view operator()(std::uint32_t i) const noexcept { return d->documents[i].id; }
};
struct NumberOf {
    const draft::Corpus* d;
    std::string_view operator()(std::uint32_t i) const noexcept { return d->documents[i].number; }
};

class Validator {
public:
    Validator(draft::Corpus& draft, std::vector<Problem>& problems)
        : d_(draft), problems_(problems), authority_index_(AuthorityIdOf{&draft}), document_index_(DocumentIdOf{&draft}) {}

    void run() {
        index_authorities();
        index_documents();
        resolve_relation_targets();
        // The cycle search only reads the draft and the indexes: on a large corpus it runs on the
        // second core while the per-document checks run here.
        auto cycles = std::async(launch_policy(d_.documents.size()), [this] { return find_document_cycles(); });
        check_authorities();
        check_successor_cycles();
        check_documents();
        for (auto& p : cycles.get()) problems_.push_back(std::move(p));
        check_late_extensions();
    }

    // Resolved ids, valid after run() (none where unresolved).
    std::vector<AuthorityId> authority_parent, authority_successor;

    // The targets of document i's relations, resolved once (none where unknown), in draft order.
    const DocumentId* targets_of(std::size_t i) const noexcept { return relation_targets_.data() + first_relation_[i]; }
    // Where document i's relations begin among all relations in draft order (i = n: their count).
    std::size_t first_relation(std::size_t i) const noexcept { return first_relation_[i]; }

    AuthorityId authority(const draft::Ref& r) const {
        const auto i = authority_index_.find(r.id);
        return i == k_not_indexed ? AuthorityId() : AuthorityId(i);
    }
    DocumentId document(const draft::Ref& r) const {
        const auto i = document_index_.find(r.id);
        return i == k_not_indexed ? DocumentId() : DocumentId(i);
    }

private:
    void report(std::size_t line, Severity s, ProblemCode code, std::string message, Subject subject) {
        problems_.push_back({d_.file, line, s, code, std::move(message), std::move(subject)});
    }
    void error(std::size_t line, ProblemCode code, std::string message, Subject subject) {
        report(line, Severity::error, code, std::move(message), std::move(subject));
    }

    void index_authorities() {
        authority_index_.reserve(d_.authorities.size());
        for (std::size_t i = 0; i < d_.authorities.size(); ++i) {
            const auto& a = d_.authorities[i];
            if (!is_valid_id(a.id)) {
                error(a.line, ProblemCode::bad_value, "authority id " + quoted(a.id) + " is empty or holds white space or control characters",
                      Subject::authority(a.id));
                continue;
            }
            if (!authority_index_.insert(a.id, static_cast<std::uint32_t>(i)))
                error(a.line, ProblemCode::duplicate_id, "authority id " + quoted(a.id) + " is used twice", Subject::authority(a.id));
        }
    }

    // Every relation's target looked up once: the checks, the cycle search and the assembly all
    // use these (a million documents hold three million references).
    void resolve_relation_targets() {
        const std::size_t n = d_.documents.size();
        first_relation_.assign(n + 1, 0);
        for (std::size_t i = 0; i < n; ++i) first_relation_[i + 1] = first_relation_[i] + d_.documents[i].relations.size();
        relation_targets_.clear();
        relation_targets_.reserve(first_relation_[n]);
        for (const auto& doc : d_.documents)
            for (const auto& r : doc.relations) relation_targets_.push_back(document(r.target));
    }

    void index_documents() {
        document_index_.reserve(d_.documents.size());
        for (std::size_t i = 0; i < d_.documents.size(); ++i) {
            const auto& doc = d_.documents[i];
            if (!is_valid_id(doc.id)) {
                error(doc.line, ProblemCode::bad_value, "document id " + quoted(doc.id) + " is empty or holds white space or control characters",
                      Subject::document(doc.id));
                continue;
            }
            if (!document_index_.insert(doc.id, static_cast<std::uint32_t>(i)))
                error(doc.line, ProblemCode::duplicate_id, "document id " + quoted(doc.id) + " is used twice", Subject::document(doc.id));
        }
    }

    // `who` names the referrer; it is called only when the reference does not resolve.
    template <class Who>
    AuthorityId resolve_authority(const draft::Ref& r, std::size_t fallback_line, const Who& who, const char* role,
                                  const Subject& subject) {
        const AuthorityId a = authority(r);
        if (!a) error(line_or(r.line, fallback_line), ProblemCode::unknown_ref,
                      who() + " names " + role + " " + quoted(r.id) + ", which is not an authority of the corpus", subject);
        return a;
    }

    void check_authorities() {
        const std::size_t n = d_.authorities.size();
        authority_parent.assign(n, AuthorityId());
        authority_successor.assign(n, AuthorityId());
        for (std::size_t i = 0; i < n; ++i) {
            const auto& a = d_.authorities[i];
            const auto who = [&a] { return "authority " + a.id; };
            if (a.parent) {
                if (a.parent->id == a.id) {
                    error(line_or(a.parent->line, a.line), ProblemCode::self_reference, who() + " is its own parent", Subject::authority(a.id));
                } else {
                    authority_parent[i] = resolve_authority(*a.parent, a.line, who, "as parent", Subject::authority(a.id));
                }
            }
            if (a.successor) {
                if (a.successor->id == a.id) {
                    error(line_or(a.successor->line, a.line), ProblemCode::self_reference, who() + " is its own successor", Subject::authority(a.id));
                } else {
                    authority_successor[i] = resolve_authority(*a.successor, a.line, who, "as successor", Subject::authority(a.id));
                }
            }
        }
    }

    // SPEC §7 SUCCESSOR_CYCLE: each authority has at most one successor, so walk each chain once,
    // colouring as we go (iterative).
    void check_successor_cycles() {
        const std::size_t n = d_.authorities.size();
        std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on the current walk, 2 done
        std::vector<std::uint32_t> walk;
        for (std::size_t start = 0; start < n; ++start) {
            if (state[start] != 0) continue;
            walk.clear();
            std::uint32_t v = static_cast<std::uint32_t>(start);
            while (true) {
                state[v] = 1;
                walk.push_back(v);
                const AuthorityId next = authority_successor[v];
                if (!next || state[next.index()] == 2) break;
                if (state[next.index()] == 1) {
                    const auto from = std::find(walk.begin(), walk.end(), next.index());
                    std::vector<std::uint32_t> members(from, walk.end());
                    std::sort(members.begin(), members.end());  // file order
                    std::vector<std::string_view> names;
                    for (auto m : members) names.push_back(d_.authorities[m].id);
                    error(d_.authorities[members.front()].line, ProblemCode::successor_cycle,
                          "authorities succeed each other in a cycle: " + join_members(names),
                          Subject::authority(d_.authorities[members.front()].id));
                    break;
                }
                v = next.index();
            }
            for (auto w : walk) state[w] = 2;
        }
    }

    static std::string join_members(const std::vector<std::string_view>& names) {
        constexpr std::size_t k_shown = 50;
        std::string out;
        for (std::size_t i = 0; i < names.size() && i < k_shown; ++i) {
            if (i) out += ", ";
            out += names[i];
        }
        if (names.size() > k_shown) out += " … and " + std::to_string(names.size() - k_shown) + " more";
        return out;
    }

    void check_documents() {
        const std::size_t n = d_.documents.size();
        // The first document holding each number (SPEC §7 DUPLICATE_NUMBER).
        IdIndex<NumberOf> numbers(NumberOf{&d_});
        numbers.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            auto& doc = d_.documents[i];
            // Built only on the error paths: a clean corpus of a million documents allocates nothing here.
            const auto who = [&doc] { return "document " + doc.id; };
            const auto subject = [&doc] { return Subject::document(doc.id); };
            if (!doc.title) error(doc.line, ProblemCode::missing, who() + " has no <title>", subject());
            if (doc.issuers.empty()) error(doc.line, ProblemCode::missing, who() + " has no <issuer>", subject());
            for (const auto& r : doc.issuers) resolve_authority(r, doc.line, who, "as issuer", subject());
            if (doc.drafter) resolve_authority(*doc.drafter, doc.line, who, "as drafter", subject());
            for (const auto& lr : doc.procedure.legality_reviews)
                if (lr.by) resolve_authority(*lr.by, lr.line, [&] { return who() + "'s legality review"; }, "as reviewer", subject());
            if (doc.procedure.filing && doc.procedure.filing->with)
                resolve_authority(*doc.procedure.filing->with, doc.procedure.filing->line, [&] { return who() + "'s filing"; },
                                  "as recipient", subject());

            const std::size_t number_line = line_or(doc.number_line, doc.line);
            if (!doc.number.empty()) {
                if (!numbers.insert(doc.number, static_cast<std::uint32_t>(i))) {
                    const auto first = numbers.find(doc.number);
                    error(number_line, ProblemCode::duplicate_number,
                          who() + " has number " + doc.number + ", already used by document " + d_.documents[first].id, subject());
                }
                const DocumentNumber parsed = parse_number(doc.number);
                if (parsed.year && doc.published && *parsed.year != doc.published->year())
                    report(number_line, Severity::warning, ProblemCode::number_year_mismatch,
                           who() + ": number " + doc.number + " says " + std::to_string(*parsed.year) + " but it was published " +
                               format_date(*doc.published), subject());
            }

            // SPEC §7 DATE_ORDER: effective < published, expires < effective, consultation to < from.
            const std::size_t dates_line = line_or(doc.dates_line, doc.line);
            const auto effective = doc.effective ? doc.effective : doc.published;
            if (doc.effective && doc.published && *doc.effective < *doc.published)
                error(dates_line, ProblemCode::date_order,
                      who() + " takes effect " + format_date(*doc.effective) + ", before its publication " + format_date(*doc.published),
                      subject());
            if (doc.expires && effective && *doc.expires < *effective)
                error(dates_line, ProblemCode::date_order,
                      who() + " expires " + format_date(*doc.expires) + ", before it takes effect " + format_date(*effective), subject());
            if (const auto& c = doc.procedure.consultation; c && c->to < c->from)
                error(line_or(c->line, doc.line), ProblemCode::date_order,
                      who() + "'s consultation ends " + format_date(c->to) + ", before it begins " + format_date(c->from), subject());

            const DocumentId* targets = targets_of(i);
            for (std::size_t k = 0; k < doc.relations.size(); ++k) {
                const auto& r = doc.relations[k];
                const std::size_t line = line_or(r.line, doc.line);
                const auto relation = [&] { return Subject::relation_of(doc.id, r.kind, r.target.id); };
                if (r.target.id == doc.id) {
                    error(line, ProblemCode::self_reference, who() + " " + std::string(to_string(r.kind)) + " itself", relation());
                    continue;
                }
                if (!targets[k])
                    error(line, ProblemCode::unknown_ref,
                          who() + " " + std::string(to_string(r.kind)) + " " + r.target.id + ", which is not in the corpus", relation());
                if (r.kind == RelationKind::extends && !r.until)
                    error(line, ProblemCode::missing, who() + " extends " + r.target.id + " without saying until when", relation());
            }
        }
    }

    // SPEC §7 BASIS_CYCLE and MODIFICATION_CYCLE: strongly connected components (iterative).
    std::vector<Problem> find_document_cycles() const {
        std::vector<Problem> found;
        find_cycles(is_dependency, ProblemCode::basis_cycle, "documents are based on each other in a cycle: ", found);
        find_cycles(is_modification_cycle_kind, ProblemCode::modification_cycle, "documents modify each other in a cycle: ", found);
        return found;
    }

    template <class KindFilter>
    void find_cycles(KindFilter keep, ProblemCode code, const char* what, std::vector<Problem>& found) const {
        const std::size_t n = d_.documents.size();
        std::vector<std::uint32_t> offsets(n + 1, 0), targets;
        for (std::size_t i = 0; i < n; ++i) {
            offsets[i + 1] = offsets[i];
            const auto& relations = d_.documents[i].relations;
            for (std::size_t k = 0; k < relations.size(); ++k) {
                if (!keep(relations[k].kind)) continue;
                const DocumentId t = targets_of(i)[k];
                if (!t || t.index() == i) continue;
                targets.push_back(t.index());
                ++offsets[i + 1];
            }
        }
        for (auto& component : strongly_connected_components(offsets, targets)) {
            std::sort(component.begin(), component.end());  // file order
            std::vector<std::string_view> names;
            for (auto m : component) names.push_back(d_.documents[m].id);
            found.push_back({d_.file, d_.documents[component.front()].line, Severity::error, code, what + join_members(names),
                             Subject::document(d_.documents[component.front()].id)});
        }
    }

    // SPEC §4/§7 LATE_EXTENSION: extensions in date order (then source id), each checked against
    // the last day it would extend.
    void check_late_extensions() {
        struct Extension { std::uint32_t target; Date date; std::string_view source; Date until; std::size_t line; };
        std::vector<Extension> extensions;
        for (std::size_t i = 0; i < d_.documents.size(); ++i) {
            const auto& doc = d_.documents[i];
            for (std::size_t k = 0; k < doc.relations.size(); ++k) {
                const auto& r = doc.relations[k];
                if (r.kind != RelationKind::extends || !r.until) continue;
                const DocumentId t = targets_of(i)[k];
                const auto date = r.date ? r.date : (doc.effective ? doc.effective : doc.published);
                if (!t || !date) continue;
                extensions.push_back({t.index(), *date, doc.id, *r.until, line_or(r.line, doc.line)});
            }
        }
        std::sort(extensions.begin(), extensions.end(), [](const Extension& a, const Extension& b) {
            if (a.target != b.target) return a.target < b.target;
            return a.date != b.date ? a.date < b.date : a.source < b.source;
        });
        const Profile& profile = d_.profile;
        std::optional<Date> last;
        for (std::size_t i = 0; i < extensions.size(); ++i) {
            const auto& e = extensions[i];
            if (i == 0 || extensions[i - 1].target != e.target) {
                const auto& target = d_.documents[e.target];
                // SPEC §7 defaults (effective = published, trial from the title), then SPEC §4.
                const auto effective = target.effective ? target.effective : target.published;
                const bool trial = target.trial.value_or(target.title && title_says_trial(*target.title));
                last = base_last_day(profile, target.kind, trial, effective, target.expires);
            }
            if (!last) continue;  // SPEC §4: a document with no last day is not affected
            if (e.date <= *last) {
                last = e.until;
            } else {
                report(e.line, Severity::warning, ProblemCode::late_extension,
                       "document " + std::string(e.source) + " extends " + d_.documents[e.target].id + " on " +
                           format_date(e.date) + ", after its term ran out on " + format_date(*last) + "; the term is not revived",
                       Subject::relation_of(e.source, RelationKind::extends, d_.documents[e.target].id));
            }
        }
    }

    draft::Corpus& d_;
    std::vector<Problem>& problems_;
    std::vector<std::size_t> first_relation_;   // per document, into relation_targets_ (n + 1)
    std::vector<DocumentId> relation_targets_;
    IdIndex<AuthorityIdOf> authority_index_;
    IdIndex<DocumentIdOf> document_index_;
};

// Ids in byte order of their string ids. Sorting a million string_views chases two pointers per
// comparison, and generated or real ids share long prefixes (cn-js-wx-jy-gov-…). So: sort by
// the first 8 bytes as a big-endian integer, then each run of equal keys by the next 8 bytes,
// and so on (most-significant-digit first, iterative); the strings are read once per level.
template <class IdT, class Entity>
std::vector<IdT> sorted_by_id(const std::vector<Entity>& entities) {
    struct Key {
        std::uint64_t digit;
        std::uint32_t index;
    };
    auto digit_at = [&](std::uint32_t index, std::size_t offset) {
        const std::string_view id = entities[index].id;
        std::uint64_t digit = 0;
        for (std::size_t k = offset; k < offset + 8; ++k)
            digit = (digit << 8) | (k < id.size() ? static_cast<unsigned char>(id[k]) : 0u);
        return digit;
    };
    std::vector<Key> keys(entities.size());
    for (std::uint32_t i = 0; i < keys.size(); ++i) keys[i] = {0, i};
    struct Run {
        std::size_t begin, end, offset;
    };
    std::vector<Run> runs{{0, keys.size(), 0}};
    while (!runs.empty()) {
        const Run run = runs.back();
        runs.pop_back();
        std::size_t longest = 0;
        for (std::size_t i = run.begin; i < run.end; ++i) {
            keys[i].digit = digit_at(keys[i].index, run.offset);
            longest = std::max(longest, entities[keys[i].index].id.size());
        }
        std::sort(keys.begin() + static_cast<std::ptrdiff_t>(run.begin), keys.begin() + static_cast<std::ptrdiff_t>(run.end),
                  [](const Key& a, const Key& b) { return a.digit != b.digit ? a.digit < b.digit : a.index < b.index; });
        if (longest <= run.offset + 8) continue;  // the digits covered every byte: the run is in order
        for (std::size_t i = run.begin; i < run.end;) {
            std::size_t j = i + 1;
            while (j < run.end && keys[j].digit == keys[i].digit) ++j;
            if (j - i > 1) runs.push_back({i, j, run.offset + 8});
            i = j;
        }
    }
    std::vector<IdT> out(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) out[i] = IdT(keys[i].index);
    return out;
}

std::shared_ptr<detail::CorpusData> assemble(draft::Corpus& d, const Validator& v) {
    auto data = std::make_shared<detail::CorpusData>();
    data->profile = d.profile;
    auto& strings = data->strings;

    data->authorities.reserve(d.authorities.size());
    for (std::size_t i = 0; i < d.authorities.size(); ++i) {
        const auto& a = d.authorities[i];
        Authority out;
        out.id = strings.store(a.id);
        out.name = strings.store(a.name);
        out.kind = a.kind;
        out.level = a.level;
        out.parent = v.authority_parent[i];
        out.abolished = a.abolished;
        out.successor = v.authority_successor[i];
        data->authorities.push_back(out);
    }

    // Documents [begin, end) into their places, their strings into `strings`: on a large corpus
    // the second half is built on the second core, with an arena of its own.
    const std::size_t n = d.documents.size();
    data->documents.resize(n);
    std::vector<Relation> relations(v.first_relation(n));
    auto build = [&](std::size_t begin, std::size_t end, detail::StringArena& arena) {
        for (std::size_t i = begin; i < end; ++i) {
            const auto& doc = d.documents[i];
            Document& out = data->documents[i];
            out.id = arena.store(doc.id);
            out.kind = doc.kind;
            out.title = arena.store(doc.title ? *doc.title : std::string());
            out.number = arena.store(doc.number);
            out.trial = doc.trial.value_or(title_says_trial(out.title));  // SPEC §7
            out.issuers.reserve(doc.issuers.size());
            for (const auto& r : doc.issuers) out.issuers.push_back(v.authority(r));
            out.drafter = doc.drafter ? v.authority(*doc.drafter) : out.issuers.front();  // SPEC §1
            out.subjects.reserve(doc.subjects.size());
            for (const auto& s : doc.subjects) out.subjects.push_back(arena.store(s));
            out.published = doc.published;
            out.effective = doc.effective ? doc.effective : doc.published;  // SPEC §7
            out.expires = doc.expires;
            auto& p = doc.procedure;
            if (p.assessment) out.procedure.assessment = p.assessment->date;
            if (p.consultation) out.procedure.consultation = Consultation{p.consultation->from, p.consultation->to};
            if (p.expert_review) out.procedure.expert_review = p.expert_review->date;
            if (p.risk_assessment) out.procedure.risk_assessment = p.risk_assessment->date;
            for (const auto& lr : p.legality_reviews)
                out.procedure.legality_reviews.push_back({lr.date, lr.outcome, lr.by ? v.authority(*lr.by) : AuthorityId()});
            for (const auto& cd : p.collective_decisions)
                out.procedure.collective_decisions.push_back({cd.date, arena.store(cd.body), cd.outcome});
            if (p.filing) out.procedure.filing = Filing{p.filing->date, p.filing->with ? v.authority(*p.filing->with) : AuthorityId()};
            out.events.reserve(doc.events.size());
            for (const auto& e : doc.events) out.events.push_back({e.type, e.date, arena.store(e.source)});
            Relation* rel = relations.data() + v.first_relation(i);
            for (std::size_t k = 0; k < doc.relations.size(); ++k) {
                const auto& r = doc.relations[k];
                rel[k] = {DocumentId(static_cast<std::uint32_t>(i)), v.targets_of(i)[k], r.kind, r.date, r.until};
            }
        }
    };
    {
        detail::StringArena second_strings;
        auto second_half = std::async(launch_policy(n), build, n / 2, n, std::ref(second_strings));
        build(0, n / 2, strings);
        second_half.get();
        strings.adopt(std::move(second_strings));
    }

    data->relation_count = relations.size();
    // Sorting the ids reads only the documents: on the second core, while the graph is built.
    auto documents_by_id = std::async(launch_policy(data->documents.size()),
                                      [&documents = data->documents] { return sorted_by_id<DocumentId>(documents); });
    data->graph = build_relation_graph(data->documents.size(), relations);

    data->documents_by_id = documents_by_id.get();
    auto& rank = data->document_rank;
    rank.resize(n);
    for (std::uint32_t r = 0; r < n; ++r) rank[data->documents_by_id[r].index()] = r;

    // Modifying relations and dependents, each grouped by target in id order: one counting sort
    // for both (stable, so in source order per target), two passes over the relations in all.
    auto& offsets = data->modification_offsets;
    auto& dependent_offsets = data->dependent_offsets;
    offsets.assign(n + 1, 0);
    dependent_offsets.assign(n + 1, 0);
    for (const Relation& r : relations) {
        if (is_modifying(r.kind)) ++offsets[rank[r.target.index()] + 1];
        else if (is_dependency(r.kind)) ++dependent_offsets[rank[r.target.index()] + 1];
    }
    for (std::size_t i = 1; i < offsets.size(); ++i) {
        offsets[i] += offsets[i - 1];
        dependent_offsets[i] += dependent_offsets[i - 1];
    }
    data->modifications.resize(offsets.back());
    data->dependents.resize(dependent_offsets.back());
    {
        std::vector<std::uint32_t> next_modification(offsets.begin(), offsets.end() - 1);
        std::vector<std::uint32_t> next_dependent(dependent_offsets.begin(), dependent_offsets.end() - 1);
        for (const Relation& r : relations) {
            const std::uint32_t target = rank[r.target.index()];
            if (is_modifying(r.kind)) data->modifications[next_modification[target]++] = r;
            else if (is_dependency(r.kind)) data->dependents[next_dependent[target]++] = rank[r.source.index()];
        }
    }
    // SPEC §2: when each modifying relation has effect, so status never visits its source.
    data->modification_days.resize(data->modifications.size());
    for (std::size_t k = 0; k < data->modifications.size(); ++k) {
        const Relation& r = data->modifications[k];
        const Document& source = data->documents[r.source.index()];
        const std::optional<Date> date = r.date ? r.date : source.effective;
        const Date never(boost::gregorian::not_a_date_time);
        auto& days = data->modification_days[k];
        days.date = date.value_or(never);
        days.from = effect_from(date, source.published).value_or(never);
        days.kind = r.kind;
    }

    // What status needs of each document, contiguous and in id order (detail::DocumentDates).
    data->dates.resize(n);
    for (std::uint32_t r = 0; r < n; ++r) {
        const Document& doc = data->documents[data->documents_by_id[r].index()];
        auto& dates = data->dates[r];
        const Date none(boost::gregorian::not_a_date_time);
        dates.published = doc.published.value_or(none);
        dates.effective = doc.effective.value_or(none);
        dates.base_last_day = base_last_day(data->profile, doc).value_or(none);
        dates.has_events = !doc.events.empty();
        dates.plain = !dates.has_events && offsets[r] == offsets[r + 1];
        if (!dates.has_events) continue;
        detail::EventDays days{none, none, none};
        for (const Event& e : doc.events) {
            Date& earliest = e.type == EventType::amendment ? days.amendment
                             : e.type == EventType::repeal  ? days.repeal
                                                            : days.invalidation;
            if (earliest.is_special() || e.date < earliest) earliest = e.date;
        }
        data->event_ranks.push_back(r);
        data->event_days.push_back(days);
    }

    data->authorities_by_id = sorted_by_id<AuthorityId>(data->authorities);
    return data;
}

}  // namespace

LoadResult build_corpus(draft::Corpus draft, std::vector<Problem> problems) {
    for (auto& p : problems)
        if (p.file.empty()) p.file = draft.file;
    Validator validator(draft, problems);
    validator.run();
    sort_by_line(problems);
    LoadResult result;
    if (!has_errors(problems)) result.corpus = Corpus(assemble(draft, validator));
    result.problems = std::move(problems);
    return result;
}

}  // namespace normdoc
