// Registry (normdoc/registry.hpp): a snapshot, its journal of changes replayed, and changes
// checked and appended (SPEC §12). The design, weighed, is in docs/registry-store.md ("Changes"):
//
// - A change is one journal record holding the change itself: the fragment's XML as given (add;
//   the decision document written as a fragment for apply), or the id (withdraw).
// - Checking a change and replaying the journal are the same merge (ContentDraft below: replace in
//   place, append the new, drop the withdrawn) followed by the one validator, build_corpus, on the
//   merged content: so the registry after any sequence of changes is, by construction, what a full
//   validation of the same content gives, with the same problems.
// - Opening without journal records maps the snapshot (nothing parsed); with records, the corpus
//   is rebuilt once from the snapshot's content and all of them, until compact() folds them in.
#include "normdoc/registry.hpp"

#include "normdoc/draft_reader.hpp"
#include "normdoc/io.hpp"
#include "registry/corpus_snapshot.hpp"
#include "registry/journal.hpp"
#include "registry/registry_files.hpp"
#include "registry/writer_lock.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace normdoc {
namespace {

// A journal record's payload: one byte saying what the change is, then its bytes.
constexpr char k_record_add = 'A';       // corpus XML: authorities and/or documents to add or replace
constexpr char k_record_withdraw = 'W';  // a document's id

// The content of a registry as a draft, to which changes are applied in order (SPEC §12). The
// draft's first elements are the corpus's, in file order (to_draft), so the corpus's own indexes
// find them; only the elements appended here are indexed here.
class ContentDraft {
public:
    explicit ContentDraft(Corpus base) : base_(std::move(base)), draft_(to_draft(base_)) {
        withdrawn_.assign(draft_.documents.size(), false);
    }

    // SPEC §12 add: each element whose id is new is added (at the end), each whose id the
    // registry holds replaces it (in its place). An id the fragment holds twice stays twice, so
    // that the validator reports the later one (DUPLICATE_ID), as on a file.
    void add(draft::Corpus&& fragment) {
        std::unordered_set<std::string> mine;
        for (draft::Authority& a : fragment.authorities) {
            const std::optional<std::size_t> at = authority_at(a.id);
            const bool again = !mine.insert(a.id).second;
            if (at && !again) {
                draft_.authorities[*at] = std::move(a);
                continue;
            }
            if (!at) added_authorities_.emplace(a.id, draft_.authorities.size());
            draft_.authorities.push_back(std::move(a));
        }
        mine.clear();
        for (draft::Document& d : fragment.documents) {
            const std::optional<std::size_t> at = document_at(d.id);
            const bool again = !mine.insert(d.id).second;
            if (at && !again) {
                draft_.documents[*at] = std::move(d);
                continue;
            }
            if (!at) added_documents_.emplace(d.id, draft_.documents.size());
            draft_.documents.push_back(std::move(d));
            withdrawn_.push_back(false);
        }
    }

    // SPEC §12 withdraw. False when the content holds no such document.
    bool withdraw(std::string_view id) {
        const std::optional<std::size_t> at = document_at(id);
        if (!at) return false;
        withdrawn_[*at] = true;
        added_documents_.erase(std::string(id));
        return true;
    }

    // The merged content, named `file` (what the validator's problems carry).
    draft::Corpus take(const std::string& file) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < draft_.documents.size(); ++i)
            if (!withdrawn_[i]) {
                if (kept != i) draft_.documents[kept] = std::move(draft_.documents[i]);
                ++kept;
            }
        draft_.documents.resize(kept);
        draft_.file = file;
        return std::move(draft_);
    }

private:
    // Where the content holds an element now. One appended here is the one (an id is appended
    // only when the content does not hold it: never held, or withdrawn).
    std::optional<std::size_t> document_at(std::string_view id) const {
        if (const auto it = added_documents_.find(std::string(id)); it != added_documents_.end()) return it->second;
        if (const auto d = base_.find_document(id); d && !withdrawn_[d->index()]) return d->index();
        return std::nullopt;
    }
    std::optional<std::size_t> authority_at(std::string_view id) const {
        if (const auto it = added_authorities_.find(std::string(id)); it != added_authorities_.end()) return it->second;
        if (const auto a = base_.find_authority(id)) return a->index();
        return std::nullopt;
    }

    Corpus base_;
    draft::Corpus draft_;
    std::unordered_map<std::string, std::size_t> added_authorities_, added_documents_;
    std::vector<bool> withdrawn_;
};

Problem corrupt(const std::string& file, std::string message) {
    return {file, 0, Severity::error, ProblemCode::corrupt_snapshot, std::move(message), {}};
}

// SPEC §12: a problem about an element of the fragment names FILE and its line; one about the
// registry's content (no source line; the validator gave it the merged draft's name, `merged`,
// or none) names the registry. A problem of another file (the plan's) keeps its name.
void name_registry_problems(std::vector<Problem>& problems, const std::string& registry, const std::string& merged = {}) {
    for (Problem& p : problems)
        if (p.line == 0 && (p.file.empty() || p.file == merged)) p.file = registry;
}

// The warnings a registry reports for its content, in one order whatever the changes' files
// were: about the registry (no line), sorted by subject, code and message.
std::vector<Problem> content_warnings(std::vector<Problem> problems, const std::string& registry) {
    std::vector<Problem> out;
    for (Problem& p : problems) {
        if (p.is_error()) continue;
        p.file = registry;
        p.line = 0;
        out.push_back(std::move(p));
    }
    std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.subject.id, a.code, a.message) < std::tie(b.subject.id, b.code, b.message);
    });
    return out;
}

// What a change reports: every error, and each warning the registry did not have before.
std::vector<Problem> change_problems(std::vector<Problem> problems, const std::vector<Problem>& before) {
    std::unordered_set<std::string> had;
    for (const Problem& p : before) had.insert(std::string(to_string(p.code)) + '\n' + p.message);
    std::vector<Problem> out;
    for (Problem& p : problems)
        if (p.is_error() || !had.count(std::string(to_string(p.code)) + '\n' + p.message)) out.push_back(std::move(p));
    return out;
}

// Documents added since the corpus was built, not yet built into it (SPEC §12 add of new
// documents: the fast path below). Pointers into `fragments` stay valid as it grows (a draft's
// documents live in their vector's buffer, which moves with it).
struct PendingDocuments {
    std::vector<draft::Corpus> fragments;
    std::unordered_map<std::string, const draft::Document*> by_id;
    std::unordered_multimap<std::string, const draft::Document*> by_number;
    std::vector<const draft::Document*> in_order;

    bool empty() const noexcept { return fragments.empty(); }
    void add(draft::Corpus fragment) {
        fragments.push_back(std::move(fragment));
        for (const draft::Document& d : fragments.back().documents) {
            by_id.emplace(d.id, &d);
            if (!d.number.empty()) by_number.emplace(d.number, &d);
            in_order.push_back(&d);
        }
    }
};

// A registry document as the checks of a new document read it (SPEC §7: a reference's target
// exists; number uniqueness reads its number, issuers and publication; competence its issuers):
// its own title, relations, procedure and events are not this change's, and are left out.
draft::Document neighbour_of(const Corpus& base, DocumentId id) {
    const Document doc = base.document(id);
    draft::Document d;
    d.id = std::string(doc.id());
    d.kind = doc.kind();
    d.title = std::string();
    d.number = std::string(doc.number());
    d.trial = doc.trial();
    for (AuthorityId a : doc.issuers()) d.issuers.push_back({std::string(base.authority(a).id()), 0});
    d.published = doc.published();
    d.effective = doc.effective();
    d.expires = doc.expires();
    return d;
}

// SPEC §12 add, checked without building the registry again, when the fragment only adds
// documents with new ids (no authority, no replacement, no `extends`, whose check reads the
// target's other extensions): nothing in the registry refers to such a document, so every problem
// a full validation of the merged content would report about them is found by the one validator
// on a small corpus, the neighbourhood: every authority, the documents they refer to and those
// holding their numbers (as the checks read them: neighbour_of; their problems are not this change's),
// then the fragment's documents, last, as in the merged content. No cycle can pass through a new
// document but among the fragment's own. Nothing when the fragment is not of that kind; else the
// problems about the fragment's documents (tests/registry_change_test.cpp holds them to a full
// validation).
std::optional<std::vector<Problem>> check_new_documents(const Corpus& base, const PendingDocuments& pending,
                                                        const draft::Corpus& fragment, std::vector<Problem> reader_problems) {
    if (!fragment.authorities.empty() || fragment.documents.empty()) return std::nullopt;
    std::unordered_set<std::string_view> ids;
    for (const draft::Document& d : fragment.documents) {
        if (base.find_document(d.id) || pending.by_id.count(d.id) || !ids.insert(d.id).second) return std::nullopt;
        for (const draft::Relation& r : d.relations)
            if (r.kind == RelationKind::extends) return std::nullopt;
    }
    draft::Corpus n;
    n.file = fragment.file;
    n.profile = base.profile();
    n.authorities.reserve(base.authority_count());
    for (AuthorityId a : base.authorities()) n.authorities.push_back(to_draft(base, a));
    std::vector<DocumentId> from_base;
    std::unordered_set<const draft::Document*> from_pending;
    const auto take = [&](const std::string& id) {
        if (const auto b = base.find_document(id)) from_base.push_back(*b);
        else if (const auto it = pending.by_id.find(id); it != pending.by_id.end()) from_pending.insert(it->second);
    };
    for (const draft::Document& d : fragment.documents) {
        for (const draft::Relation& r : d.relations) take(r.target.id);
        if (d.number.empty()) continue;
        for (DocumentId h : base.find_by_number(d.number)) from_base.push_back(h);
        const auto holders = pending.by_number.equal_range(d.number);
        for (auto it = holders.first; it != holders.second; ++it) from_pending.insert(it->second);
    }
    std::sort(from_base.begin(), from_base.end());
    from_base.erase(std::unique(from_base.begin(), from_base.end()), from_base.end());
    n.documents.reserve(from_base.size() + from_pending.size() + fragment.documents.size());
    for (DocumentId d : from_base) n.documents.push_back(neighbour_of(base, d));
    for (const draft::Document* d : pending.in_order)
        if (from_pending.count(d)) {
            n.documents.push_back(*d);
            n.documents.back().relations.clear();
        }
    for (const draft::Document& d : fragment.documents) n.documents.push_back(d);
    LoadResult built = build_corpus(std::move(n), std::move(reader_problems));
    std::vector<Problem> out;
    for (Problem& p : built.problems)
        if (p.line != 0 || ids.count(p.subject.document_id())) out.push_back(std::move(p));
    return out;
}

}  // namespace

struct Registry::State {
    std::string path;
    std::optional<registry::WriterLock> lock;        // a writer's
    std::optional<registry::Snapshot> snapshot;
    std::optional<registry::JournalWriter> journal;  // opened at the first change
    std::uint64_t journal_bytes = 0;                 // the journal's complete size (for the fold-in)
    std::size_t records = 0;
    Corpus corpus;                // the content, but for `pending`
    PendingDocuments pending;     // a writer's new documents, not yet in `corpus`
    std::vector<Problem> warnings;       // the content's, when nothing is pending
    std::vector<Problem> open_warnings;  // TORN_JOURNAL

    void require_writer(const char* what) const {
        if (!lock) throw std::logic_error(std::string("normdoc::Registry::") + what + ": the registry was opened for reading");
    }

    // One journal record, read.
    struct Change {
        char kind = 0;
        draft::Corpus fragment;  // add
        std::string id;          // withdraw
        std::string where;       // for problems
    };

    // The snapshot and journal as they are now (under the lock for a writer): the state, or the
    // problem that stops it.
    std::vector<Problem> load() {
        registry::RegistryOpen opened = lock ? registry::open_registry_for_writing(path, *lock) : registry::open_registry(path);
        if (!opened) return std::move(opened.problems);
        LoadResult base = registry::corpus_of_snapshot(opened.files->snapshot);
        if (!base.corpus) return std::move(base.problems);
        open_warnings = std::move(opened.problems);
        const registry::JournalRead& j = opened.files->journal;
        snapshot = std::move(opened.files->snapshot);
        journal.reset();
        pending = {};
        journal_bytes = j.exists ? j.valid_size : 0;
        records = j.records.size();
        corpus = std::move(*base.corpus);
        warnings = std::move(base.problems);  // as compile stored them (SPEC §12: the same output)
        if (j.records.empty()) return {};

        std::vector<Change> changes;
        for (std::size_t k = 0; k < j.records.size(); ++k) {
            const std::string_view payload = j.records[k].payload;
            Change c;
            c.where = "journal record " + std::to_string(k + 1) + " (at byte " + std::to_string(j.records[k].offset) + ")";
            if (payload.empty()) return {corrupt(path, c.where + " is empty")};
            c.kind = payload[0];
            const std::string_view body = payload.substr(1);
            if (c.kind == k_record_add) {
                DraftRead fragment = read_corpus_draft(body, registry::journal_path(path));
                if (!fragment.draft || has_errors(fragment.problems))
                    return {corrupt(path, c.where + ": the change it holds does not read: " +
                                              (fragment.problems.empty() ? std::string("?") : to_string(fragment.problems.front())))};
                c.fragment = std::move(*fragment.draft);
            } else if (c.kind == k_record_withdraw) {
                c.id = std::string(body);
            } else {
                return {corrupt(path, c.where + " holds a change of an unknown kind")};
            }
            changes.push_back(std::move(c));
        }

        // A writer whose journal holds only new documents keeps them pending (the fast path: its
        // next change need not build the registry either); each is checked as it was committed.
        if (lock) {
            bool all_new = true;
            for (const Change& c : changes) {
                std::optional<std::vector<Problem>> checked;
                if (c.kind == k_record_add) checked = check_new_documents(corpus, pending, c.fragment, {});
                if (!checked) {
                    all_new = false;
                    break;
                }
                if (const auto e = std::find_if(checked->begin(), checked->end(), [](const Problem& p) { return p.is_error(); });
                    e != checked->end())
                    return {corrupt(path, c.where + ": the change it holds does not validate: " + to_string(*e))};
                pending.add(c.fragment);
            }
            if (all_new) return {};
            pending = {};
        }
        // SPEC §12: the changes since the snapshot, in order, through the one validator once.
        ContentDraft content(corpus);
        for (Change& c : changes) {
            if (c.kind == k_record_add) content.add(std::move(c.fragment));
            else if (!content.withdraw(c.id))
                return {corrupt(path, c.where + " withdraws " + c.id + ", which the registry does not hold")};
        }
        return rebuild(std::move(content));
    }

    // The content built through the one validator: the state, or the problem that stops it.
    std::vector<Problem> rebuild(ContentDraft&& content) {
        LoadResult built = build_corpus(content.take(path));
        if (!built.corpus) {
            const auto first = std::find_if(built.problems.begin(), built.problems.end(), [](const Problem& p) { return p.is_error(); });
            return {corrupt(path, "the journal's changes do not validate together: " + to_string(*first))};
        }
        corpus = std::move(*built.corpus);
        warnings = content_warnings(std::move(built.problems), path);
        pending = {};
        return {};
    }

    // The pending documents built into the corpus.
    void materialise() {
        if (pending.empty()) return;
        ContentDraft content(corpus);
        for (draft::Corpus& f : pending.fragments) content.add(std::move(f));
        const std::vector<Problem> failed = rebuild(std::move(content));
        if (!failed.empty()) throw std::logic_error("normdoc::Registry: " + to_string(failed.front()));
    }

    void append(char kind, std::string_view bytes) {
        if (!journal) {
            registry::JournalWriter::Open opened = registry::open_journal_for_append(path, *snapshot);
            if (!opened) throw IoError(registry::journal_path(path), opened.problems.empty() ? "cannot be opened" : to_string(opened.problems.front()));
            journal = std::move(*opened.writer);
        }
        std::string payload;
        payload.reserve(bytes.size() + 1);
        payload += kind;
        payload.append(bytes.data(), bytes.size());
        journal->append(payload);
        journal_bytes = journal->size();
        ++records;
    }

    // Appends the change, durably, and makes `next` the state. Throws IoError (state unchanged).
    void commit(char kind, std::string_view bytes, Corpus next, std::vector<Problem> next_problems) {
        append(kind, bytes);
        corpus = std::move(next);
        warnings = content_warnings(std::move(next_problems), path);
    }

    // Appends an add of new documents, durably; they stay pending. Throws IoError (state unchanged).
    void commit_new(std::string_view bytes, draft::Corpus fragment) {
        append(k_record_add, bytes);
        pending.add(std::move(fragment));
    }
};

Registry::Registry(std::unique_ptr<State> state) noexcept : state_(std::move(state)) {}
Registry::Registry(Registry&&) noexcept = default;
Registry& Registry::operator=(Registry&&) noexcept = default;
Registry::~Registry() = default;

Registry::Open Registry::opened(std::unique_ptr<State> state) {
    Open out;
    out.problems = state->load();
    if (!out.problems.empty()) return out;  // the one error
    if (!state->lock) out.problems = state->warnings;  // a writer's content warnings: warnings()
    for (const Problem& p : state->open_warnings) out.problems.push_back(p);
    out.registry.emplace(Registry(std::move(state)));
    return out;
}

Registry::Open Registry::open(const std::string& path) {
    auto state = std::make_unique<State>();
    state->path = path;
    return opened(std::move(state));
}

Registry::Open Registry::open_for_changes(const std::string& path, bool wait) {
    auto state = std::make_unique<State>();
    state->path = path;
    state->lock.emplace(registry::WriterLock::acquire(path, wait));
    return opened(std::move(state));
}

const std::string& Registry::path() const noexcept { return state_->path; }
const Corpus& Registry::corpus() const {
    state_->materialise();
    return state_->corpus;
}
const std::vector<Problem>& Registry::warnings() const {
    state_->materialise();
    return state_->warnings;
}
std::size_t Registry::journal_records() const noexcept { return state_->records; }

ChangeResult Registry::add(std::string_view xml, const std::string& file_name) {
    State& s = *state_;
    s.require_writer("add");
    ChangeResult out;
    DraftRead fragment = read_corpus_draft(xml, file_name);
    if (!fragment.draft) {
        out.problems = std::move(fragment.problems);
        return out;
    }
    if (fragment.has_profile) {
        // SPEC §12: FILE holds no <profile> (the registry's rules are those it was compiled with).
        out.problems.push_back({file_name, 0, Severity::error, ProblemCode::unknown_element,
                                "a file to add holds authorities and/or documents and no <profile> (the registry keeps "
                                "the profile it was compiled with)",
                                Subject::profile()});
        return out;
    }
    if (fragment.draft->authorities.empty() && fragment.draft->documents.empty()) {
        out.problems = std::move(fragment.problems);
        out.committed = !has_errors(out.problems);  // nothing to change
        return out;
    }
    // New documents only: checked on their neighbourhood, committed without building anything.
    if (std::optional<std::vector<Problem>> checked = check_new_documents(s.corpus, s.pending, *fragment.draft, fragment.problems)) {
        name_registry_problems(*checked, s.path, file_name);
        out.problems = std::move(*checked);
        if (has_errors(out.problems)) return out;
        s.commit_new(xml, std::move(*fragment.draft));
        out.committed = true;
        return out;
    }
    s.materialise();
    ContentDraft content(s.corpus);
    content.add(std::move(*fragment.draft));
    LoadResult built = build_corpus(content.take(file_name), std::move(fragment.problems));
    name_registry_problems(built.problems, s.path, file_name);
    out.problems = change_problems(built.problems, s.warnings);
    if (!built.corpus) return out;
    s.commit(k_record_add, xml, std::move(*built.corpus), std::move(built.problems));
    out.committed = true;
    return out;
}

ChangeResult Registry::withdraw(DocumentId document) {
    State& s = *state_;
    s.require_writer("withdraw");
    s.materialise();
    const std::string id(s.corpus.document(document).id());
    ContentDraft content(s.corpus);
    content.withdraw(id);
    LoadResult built = build_corpus(content.take(s.path));
    name_registry_problems(built.problems, s.path);
    ChangeResult out;
    out.problems = change_problems(built.problems, s.warnings);
    if (!built.corpus) return out;
    s.commit(k_record_withdraw, id, std::move(*built.corpus), std::move(built.problems));
    out.committed = true;
    return out;
}

ChangeResult Registry::apply(const Plan& plan, const Decision& decision, const ApplyOptions& options) {
    State& s = *state_;
    s.require_writer("apply");
    s.materialise();
    // SPEC §6: the plan's rules (competence, --only-competent) are draft_decision's, as for a file.
    DecisionDraft decided = draft_decision(s.corpus, plan, decision, options);
    ChangeResult out;
    out.repealed = decided.repealed;
    out.declared_invalid = decided.declared_invalid;
    out.left_out = std::move(decided.left_out);
    out.problems = std::move(decided.problems);
    name_registry_problems(out.problems, s.path);
    if (!decided.document) return out;
    draft::Corpus fragment;
    fragment.documents.push_back(std::move(*decided.document));
    const std::string xml = write_corpus(fragment);  // the record: the decision as a fragment
    // The decision is a new document (draft_decision checked its id): its neighbourhood is what it ends.
    if (std::optional<std::vector<Problem>> checked = check_new_documents(s.corpus, s.pending, fragment, {})) {
        name_registry_problems(*checked, s.path);
        const bool failed = has_errors(*checked);
        for (Problem& p : *checked) out.problems.push_back(std::move(p));
        if (failed) return out;
        s.commit_new(xml, std::move(fragment));
        out.committed = true;
        return out;
    }
    ContentDraft content(s.corpus);
    content.add(std::move(fragment));
    LoadResult built = build_corpus(content.take(s.path));
    name_registry_problems(built.problems, s.path);
    for (Problem& p : change_problems(built.problems, s.warnings)) out.problems.push_back(std::move(p));
    if (!built.corpus) return out;
    s.commit(k_record_add, xml, std::move(*built.corpus), std::move(built.problems));
    out.committed = true;
    return out;
}

void Registry::compact() {
    State& s = *state_;
    s.require_writer("compact");
    if (s.records == 0) return;
    s.materialise();
    registry::SnapshotWriter writer = registry::corpus_snapshot(s.corpus, s.warnings);
    registry::Lineage lineage;
    lineage.parent = s.snapshot->generation();
    lineage.parent_journal_bytes = s.journal_bytes;
    s.journal.reset();
    registry::commit_snapshot(s.path, writer, lineage);
    const std::vector<Problem> problems = s.load();  // the new snapshot, mapped
    if (!problems.empty()) throw IoError(s.path, "the compacted registry does not open again: " + to_string(problems.front()));
}

}  // namespace normdoc
