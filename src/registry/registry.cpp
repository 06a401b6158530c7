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

// The content of a registry as a draft, to which changes are applied in order (SPEC §12).
class ContentDraft {
public:
    explicit ContentDraft(const Corpus& corpus) : draft_(to_draft(corpus)) {
        authorities_.reserve(draft_.authorities.size());
        for (std::size_t i = 0; i < draft_.authorities.size(); ++i) authorities_.emplace(draft_.authorities[i].id, i);
        documents_.reserve(draft_.documents.size());
        for (std::size_t i = 0; i < draft_.documents.size(); ++i) documents_.emplace(draft_.documents[i].id, i);
        withdrawn_.assign(draft_.documents.size(), false);
    }

    // SPEC §12 add: each element whose id is new is added (at the end), each whose id the
    // registry holds replaces it (in its place). An id the fragment holds twice stays twice, so
    // that the validator reports the later one (DUPLICATE_ID), as on a file.
    void add(draft::Corpus&& fragment) {
        std::unordered_set<std::string> mine;
        for (draft::Authority& a : fragment.authorities) {
            const auto at = authorities_.find(a.id);
            if (at != authorities_.end() && !mine.count(a.id)) {
                mine.insert(a.id);
                draft_.authorities[at->second] = std::move(a);
                continue;
            }
            if (at == authorities_.end()) authorities_.emplace(a.id, draft_.authorities.size());
            mine.insert(a.id);
            draft_.authorities.push_back(std::move(a));
        }
        mine.clear();
        for (draft::Document& d : fragment.documents) {
            const auto at = documents_.find(d.id);
            if (at != documents_.end() && !mine.count(d.id)) {
                mine.insert(d.id);
                draft_.documents[at->second] = std::move(d);
                continue;
            }
            if (at == documents_.end()) documents_.emplace(d.id, draft_.documents.size());
            mine.insert(d.id);
            draft_.documents.push_back(std::move(d));
            withdrawn_.push_back(false);
        }
    }

    // SPEC §12 withdraw. False when the content holds no such document.
    bool withdraw(std::string_view id) {
        const auto at = documents_.find(std::string(id));
        if (at == documents_.end()) return false;
        withdrawn_[at->second] = true;
        documents_.erase(at);
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
    draft::Corpus draft_;
    std::unordered_map<std::string, std::size_t> authorities_, documents_;
    std::vector<bool> withdrawn_;
};

Problem corrupt(const std::string& file, std::string message) {
    return {file, 0, Severity::error, ProblemCode::corrupt_snapshot, std::move(message), {}};
}

// SPEC §12: a problem about an element of the fragment names FILE and its line; one about the
// registry's content (no source line) names the registry.
void name_registry_problems(std::vector<Problem>& problems, const std::string& registry) {
    for (Problem& p : problems)
        if (p.line == 0) p.file = registry;
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

}  // namespace

struct Registry::State {
    std::string path;
    std::optional<registry::WriterLock> lock;        // a writer's
    std::optional<registry::Snapshot> snapshot;
    std::optional<registry::JournalWriter> journal;  // opened at the first change
    std::uint64_t journal_bytes = 0;                 // the journal's complete size (for the fold-in)
    std::size_t records = 0;
    Corpus corpus;
    std::vector<Problem> warnings;
    std::vector<Problem> open_warnings;  // TORN_JOURNAL

    void require_writer(const char* what) const {
        if (!lock) throw std::logic_error(std::string("normdoc::Registry::") + what + ": the registry was opened for reading");
    }

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
        journal_bytes = j.exists ? j.valid_size : 0;
        records = j.records.size();
        if (j.records.empty()) {
            corpus = std::move(*base.corpus);
            warnings = std::move(base.problems);  // as compile stored them (SPEC §12: the same output)
            return {};
        }
        // SPEC §12: the changes since the snapshot, in order, through the one validator once.
        ContentDraft content(*base.corpus);
        base.corpus.reset();
        for (std::size_t k = 0; k < j.records.size(); ++k) {
            const std::string_view payload = j.records[k].payload;
            const std::string where = "journal record " + std::to_string(k + 1) + " (at byte " + std::to_string(j.records[k].offset) + ")";
            if (payload.empty()) return {corrupt(path, where + " is empty")};
            const std::string_view body = payload.substr(1);
            if (payload[0] == k_record_add) {
                DraftRead fragment = read_corpus_draft(body, registry::journal_path(path));
                if (!fragment.draft || has_errors(fragment.problems))
                    return {corrupt(path, where + ": the change it holds does not read: " +
                                              (fragment.problems.empty() ? std::string("?") : to_string(fragment.problems.front())))};
                content.add(std::move(*fragment.draft));
            } else if (payload[0] == k_record_withdraw) {
                if (!content.withdraw(body))
                    return {corrupt(path, where + " withdraws " + std::string(body) + ", which the registry does not hold")};
            } else {
                return {corrupt(path, where + " holds a change of an unknown kind")};
            }
        }
        LoadResult built = build_corpus(content.take(path));
        if (!built.corpus) {
            const auto first = std::find_if(built.problems.begin(), built.problems.end(), [](const Problem& p) { return p.is_error(); });
            return {corrupt(path, "the journal's changes do not validate together: " + to_string(*first))};
        }
        corpus = std::move(*built.corpus);
        warnings = content_warnings(std::move(built.problems), path);
        return {};
    }

    // Appends the change, durably, and makes `next` the state. Throws IoError (state unchanged).
    void commit(char kind, std::string_view bytes, Corpus next, std::vector<Problem> next_problems) {
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
        corpus = std::move(next);
        warnings = content_warnings(std::move(next_problems), path);
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
    out.problems = state->warnings;
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
const Corpus& Registry::corpus() const noexcept { return state_->corpus; }
const std::vector<Problem>& Registry::warnings() const noexcept { return state_->warnings; }
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
    const bool empty = fragment.draft->authorities.empty() && fragment.draft->documents.empty();
    ContentDraft content(s.corpus);
    content.add(std::move(*fragment.draft));
    LoadResult built = build_corpus(content.take(file_name), std::move(fragment.problems));
    name_registry_problems(built.problems, s.path);
    out.problems = change_problems(built.problems, s.warnings);
    if (!built.corpus) return out;
    out.committed = true;
    if (!empty) s.commit(k_record_add, xml, std::move(*built.corpus), std::move(built.problems));
    return out;
}

ChangeResult Registry::withdraw(DocumentId document) {
    State& s = *state_;
    s.require_writer("withdraw");
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
    fragment.documents.push_back(*decided.document);
    const std::string xml = write_corpus(fragment);  // the record: the decision as a fragment
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
