// The checks of the one validator (SPEC §7): every problem of a draft, from the XML reader or
// from CorpusBuilder, with the line it came from and what it is about; and every reference resolved.
#include "validate.hpp"

#include "normdoc/competence.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/term.hpp"

#include "id_index.hpp"
#include "scc.hpp"

#include <algorithm>
#include <future>
#include <string>
#include <utility>

namespace normdoc::detail {
namespace {

// Work worth a second thread only on a large corpus (a thread costs more than checking a few
// thousand documents).
std::launch launch_policy(std::size_t documents) {
    return documents >= 20000 ? std::launch::async : std::launch::deferred;
}

std::size_t line_or(std::size_t line, std::size_t fallback) { return line != 0 ? line : fallback; }
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

std::string join_members(const std::vector<std::string_view>& names) {
    constexpr std::size_t k_shown = 50;
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < k_shown; ++i) {
        if (i) out += ", ";
        out += names[i];
    }
    if (names.size() > k_shown) out += " … and " + std::to_string(names.size() - k_shown) + " more";
    return out;
}

class Validator {
public:
    Validator(const draft::Corpus& draft, std::vector<Problem>& problems)
        : d_(draft), problems_(problems), authority_index_(AuthorityIdOf{&draft}), document_index_(DocumentIdOf{&draft}) {}

    Resolved run() {
        index_authorities();
        index_documents();
        resolve_relation_targets();
        // The cycle search only reads the draft and the indexes: on a large corpus it runs on the
        // second core while the per-document checks run here.
        auto cycles = std::async(launch_policy(d_.documents.size()), [this] { return find_document_cycles(); });
        check_authorities();
        check_successor_cycles();
        build_authority_table();
        check_documents();
        for (auto& p : cycles.get()) problems_.push_back(std::move(p));
        check_late_extensions();
        return std::move(r_);
    }

private:
    void report(std::size_t line, Severity s, ProblemCode code, std::string message, Subject subject) {
        problems_.push_back({d_.file, line, s, code, std::move(message), std::move(subject)});
    }
    void error(std::size_t line, ProblemCode code, std::string message, Subject subject) {
        report(line, Severity::error, code, std::move(message), std::move(subject));
    }

    AuthorityId authority(const draft::Ref& r) const {
        const auto i = authority_index_.find(r.id);
        return i == k_not_indexed ? AuthorityId() : AuthorityId(i);
    }
    DocumentId document(const draft::Ref& r) const {
        const auto i = document_index_.find(r.id);
        return i == k_not_indexed ? DocumentId() : DocumentId(i);
    }
    const DocumentId* targets_of(std::size_t i) const noexcept { return r_.relation_targets.data() + r_.relation_offsets[i]; }

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

    // Every relation's target looked up once: the checks, the cycle search and the assembly all
    // use these (a million documents hold three million references).
    void resolve_relation_targets() {
        const std::size_t n = d_.documents.size();
        r_.relation_offsets.assign(n + 1, 0);
        for (std::size_t i = 0; i < n; ++i)
            r_.relation_offsets[i + 1] = r_.relation_offsets[i] + static_cast<std::uint32_t>(d_.documents[i].relations.size());
        r_.relation_targets.clear();
        r_.relation_targets.reserve(r_.relation_offsets[n]);
        for (const auto& doc : d_.documents)
            for (const auto& rel : doc.relations) r_.relation_targets.push_back(document(rel.target));
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
        r_.parent.assign(n, AuthorityId());
        r_.successor.assign(n, AuthorityId());
        for (std::size_t i = 0; i < n; ++i) {
            const auto& a = d_.authorities[i];
            const auto who = [&a] { return "authority " + a.id; };
            if (a.parent) {
                if (a.parent->id == a.id) {
                    error(line_or(a.parent->line, a.line), ProblemCode::self_reference, who() + " is its own parent", Subject::authority(a.id));
                } else {
                    r_.parent[i] = resolve_authority(*a.parent, a.line, who, "as parent", Subject::authority(a.id));
                }
            }
            if (a.successor) {
                if (a.successor->id == a.id) {
                    error(line_or(a.successor->line, a.line), ProblemCode::self_reference, who() + " is its own successor",
                          Subject::authority(a.id));
                } else {
                    r_.successor[i] = resolve_authority(*a.successor, a.line, who, "as successor", Subject::authority(a.id));
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
                const AuthorityId next = r_.successor[v];
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

    // SPEC §2: what competence needs of the authorities, once, before the documents are checked.
    void build_authority_table() {
        r_.authorities.resize(d_.authorities.size());
        for (std::size_t i = 0; i < d_.authorities.size(); ++i) {
            const auto& a = d_.authorities[i];
            AuthorityRecord& out = r_.authorities[i];
            out.abolished = to_day(a.abolished);
            out.parent = r_.parent[i];
            out.successor = r_.successor[i];
            out.kind = static_cast<std::uint8_t>(a.kind);
            out.level = a.level ? static_cast<std::uint8_t>(*a.level) : k_no_level;
        }
        r_.authority_tree = build_authority_tree(Span<AuthorityRecord>(r_.authorities.data(), r_.authorities.size()));
    }

    AuthorityTable authority_table() const noexcept {
        return {Span<AuthorityRecord>(r_.authorities.data(), r_.authorities.size()),
                Span<AuthorityTreeRecord>(r_.authority_tree.data(), r_.authority_tree.size())};
    }
    Span<AuthorityId> issuers_of(std::size_t i) const noexcept {
        return {r_.issuers.data() + r_.issuer_offsets[i], r_.issuers.data() + r_.issuer_offsets[i + 1]};
    }
    std::string authority_names(Span<AuthorityId> ids) const {
        std::string out;
        for (AuthorityId a : ids) {
            if (!a) continue;
            if (!out.empty()) out += ", ";
            out += d_.authorities[a.index()].id;
        }
        return out;
    }

    void check_documents() {
        const std::size_t n = d_.documents.size();
        // Issuers first (the competence check of a relation reads its target's).
        r_.issuer_offsets.assign(n + 1, 0);
        r_.drafter.assign(n, AuthorityId());
        r_.filing_with.assign(n, AuthorityId());
        for (std::size_t i = 0; i < n; ++i) {
            for (const auto& ref : d_.documents[i].issuers) r_.issuers.push_back(authority(ref));  // reported below, in order
            r_.issuer_offsets[i + 1] = static_cast<std::uint32_t>(r_.issuers.size());
        }
        // The first document holding each number, and the later ones holding it, in file order.
        IdIndex<NumberOf> numbers(NumberOf{&d_});
        numbers.reserve(n);
        std::vector<std::uint32_t> next_with_number;  // grown only when a number repeats
        const AuthorityTable table = authority_table();
        for (std::size_t i = 0; i < n; ++i) {
            const auto& doc = d_.documents[i];
            // Built only on the error paths: a clean corpus of a million documents allocates nothing here.
            const auto who = [&doc] { return "document " + doc.id; };
            const auto subject = [&doc] { return Subject::document(doc.id); };
            if (!doc.title) error(doc.line, ProblemCode::missing, who() + " has no <title>", subject());
            if (doc.issuers.empty()) error(doc.line, ProblemCode::missing, who() + " has no <issuer>", subject());
            for (const auto& ref : doc.issuers) resolve_authority(ref, doc.line, who, "as issuer", subject());
            if (const draft::Ref* drafter = draft::drafter_of(doc))
                r_.drafter[i] = doc.drafter ? resolve_authority(*drafter, doc.line, who, "as drafter", subject()) : r_.issuers[r_.issuer_offsets[i]];
            for (const auto& lr : doc.procedure.legality_reviews)
                r_.reviewers.push_back(lr.by ? resolve_authority(*lr.by, lr.line, [&] { return who() + "'s legality review"; }, "as reviewer", subject())
                                             : AuthorityId());
            if (doc.procedure.filing && doc.procedure.filing->with)
                r_.filing_with[i] = resolve_authority(*doc.procedure.filing->with, doc.procedure.filing->line,
                                                      [&] { return who() + "'s filing"; }, "as recipient", subject());

            const std::size_t number_line = line_or(doc.number_line, doc.line);
            if (!doc.number.empty()) {
                if (!numbers.insert(doc.number, static_cast<std::uint32_t>(i))) check_repeated_number(numbers, next_with_number, i, number_line);
                const DocumentNumber parsed = parse_number(doc.number);
                if (parsed.year && doc.published && *parsed.year != doc.published->year())
                    report(number_line, Severity::warning, ProblemCode::number_year_mismatch,
                           who() + ": number " + doc.number + " says " + std::to_string(*parsed.year) + " but it was published " +
                               format_date(*doc.published), subject());
            }

            // SPEC §7 DATE_ORDER: effective < published, expires < effective, consultation to < from.
            const std::size_t dates_line = line_or(doc.dates_line, doc.line);
            const auto effective = draft::effective_of(doc);
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
                const auto& rel = doc.relations[k];
                const std::size_t line = line_or(rel.line, doc.line);
                const auto relation = [&] { return Subject::relation_of(doc.id, rel.kind, rel.target.id); };
                if (rel.target.id == doc.id) {
                    error(line, ProblemCode::self_reference, who() + " " + std::string(to_string(rel.kind)) + " itself", relation());
                    continue;
                }
                if (!targets[k])
                    error(line, ProblemCode::unknown_ref,
                          who() + " " + std::string(to_string(rel.kind)) + " " + rel.target.id + ", which is not in the corpus", relation());
                if (rel.kind == RelationKind::extends && !rel.until)
                    error(line, ProblemCode::missing, who() + " extends " + rel.target.id + " without saying until when", relation());
                // SPEC §2 competence, on the source's publication day; a draft's relations are not checked.
                if (targets[k] && is_modifying(rel.kind) && doc.published) {
                    const Span<AuthorityId> target_issuers = issuers_of(targets[k].index());
                    if (!target_issuers.empty() && !table.competent(issuers_of(i), target_issuers, to_day(*doc.published)))
                        report(line, Severity::warning, ProblemCode::not_competent,
                               who() + " " + std::string(to_string(rel.kind)) + " " + rel.target.id + ", but " + rel.target.id +
                                   " was issued by " + authority_names(target_issuers) + ": only they, their successors or a body above them may " +
                                   (rel.kind == RelationKind::amends || rel.kind == RelationKind::extends ? "change" : "end") + " it, and " +
                                   doc.id + " was issued by " + authority_names(issuers_of(i)),
                               relation());
                }
            }
        }
    }

    // SPEC §7 DUPLICATE_NUMBER: a number is a serial of its issuer's year, so document i repeats an
    // earlier document's number only when the two share an issuer and a publication year, or are
    // both unpublished. The holders of a number are chained in file order.
    void check_repeated_number(const IdIndex<NumberOf>& numbers, std::vector<std::uint32_t>& next, std::size_t i, std::size_t line) {
        if (next.empty()) next.assign(d_.documents.size(), k_not_indexed);
        const auto& doc = d_.documents[i];
        auto year = [this](std::size_t k) { return d_.documents[k].published ? static_cast<int>(d_.documents[k].published->year()) : 0; };
        auto share_issuer = [this](std::size_t a, std::size_t b) {
            for (AuthorityId x : issuers_of(a))
                for (AuthorityId y : issuers_of(b))
                    if (x && x == y) return true;
            return false;
        };
        std::uint32_t k = numbers.find(doc.number), last = k;
        bool reported = false;
        for (; k != k_not_indexed; last = k, k = next[k]) {
            if (!reported && year(k) == year(i) && share_issuer(k, i)) {
                error(line, ProblemCode::duplicate_number,
                      "document " + doc.id + " has number " + doc.number + ", already used by document " + d_.documents[k].id,
                      Subject::document(doc.id));
                reported = true;
            }
        }
        next[last] = static_cast<std::uint32_t>(i);
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

    // SPEC §4/§7 LATE_EXTENSION: extensions in order (term.hpp), each checked against the last day
    // it would extend.
    void check_late_extensions() {
        struct Extension { std::uint32_t target; Date date; std::string_view source; Date until; std::size_t line; };
        std::vector<Extension> extensions;
        for (std::size_t i = 0; i < d_.documents.size(); ++i) {
            const auto& doc = d_.documents[i];
            for (std::size_t k = 0; k < doc.relations.size(); ++k) {
                const auto& rel = doc.relations[k];
                if (rel.kind != RelationKind::extends || !rel.until) continue;
                const DocumentId t = targets_of(i)[k];
                const auto date = draft::relation_date_of(doc, rel);
                if (!t || !date) continue;
                extensions.push_back({t.index(), *date, doc.id, *rel.until, line_or(rel.line, doc.line)});
            }
        }
        std::sort(extensions.begin(), extensions.end(), [](const Extension& a, const Extension& b) {
            if (a.target != b.target) return a.target < b.target;
            return extension_precedes(a.date, a.source, b.date, b.source);
        });
        std::optional<Date> last;
        for (std::size_t i = 0; i < extensions.size(); ++i) {
            const auto& e = extensions[i];
            if (i == 0 || extensions[i - 1].target != e.target) {
                const auto& target = d_.documents[e.target];
                last = base_last_day(d_.profile, target.kind, draft::trial_of(target), draft::effective_of(target), target.expires);
            }
            if (!last) continue;  // SPEC §4: a document with no last day is not affected
            const Date before = *last;
            if (!extend_term(*last, e.date, e.until))
                report(e.line, Severity::warning, ProblemCode::late_extension,
                       "document " + std::string(e.source) + " extends " + d_.documents[e.target].id + " on " + format_date(e.date) +
                           ", after its term ran out on " + format_date(before) + "; the term is not revived",
                       Subject::relation_of(e.source, RelationKind::extends, d_.documents[e.target].id));
        }
    }

    const draft::Corpus& d_;
    std::vector<Problem>& problems_;
    Resolved r_;
    IdIndex<AuthorityIdOf> authority_index_;
    IdIndex<DocumentIdOf> document_index_;
};

}  // namespace

Resolved check_draft(const draft::Corpus& draft, std::vector<Problem>& problems) {
    return Validator(draft, problems).run();
}

}  // namespace normdoc::detail
