// Registry snapshots (SPEC §12): a corpus compiled to one binary file that is used in place,
// opened by mapping it (nothing parsed, no allocation per document), and the one open call that
// takes either form.
//
//   compile_snapshot(*read_corpus_file("corpus.xml").corpus, "registry.ndb");
//   LoadResult r = open_corpus("registry.ndb");   // or "corpus.xml": told apart by the first bytes
//
// The format is docs/registry-format.md. A damaged snapshot (truncated, altered, of another
// version or layout) gives a CORRUPT_SNAPSHOT or BAD_VERSION problem, never a corpus.
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/plan.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc {

// What a snapshot records of the corpus XML it was compiled from.
struct SnapshotSource {
    std::uint64_t size = 0;  // bytes; 0 when the corpus was not read from a file
    std::uint64_t hash = 0;  // XXH64 of the file
};

// The size and hash of a file, for SnapshotSource. Throws IoError.
SnapshotSource snapshot_source_of(const std::string& xml_path);

// Writes `corpus` as the registry snapshot `path`, atomically, replacing a registry there (its
// journal included) under the registry's writer lock: a second writer is an IoError (SPEC §12:
// exit 3, "in use"). Throws IoError.
// `warnings` are what validating it reported (kept, so that commands on the registry report them
// as they do on the XML).
void compile_snapshot(const Corpus& corpus, const std::string& path, const SnapshotSource& source = {},
                      const std::vector<Problem>& warnings = {});

// SPEC §12: a corpus from a file that is either corpus XML or a registry snapshot, told apart by
// its first bytes; a snapshot's journal of changes, if any, is applied. Throws IoError when the
// file cannot be read.
LoadResult open_corpus(const std::string& path);

// Whether the file begins as a registry snapshot does. Throws IoError when it cannot be read.
bool is_registry_file(const std::string& path);

// What a change to a registry gave (SPEC §12): committed (durably, in the journal) or not, and
// the problems it made: every error, and the warnings that the registry did not have before.
// A problem about an element of the fragment carries its file and line; one about the
// registry's content carries the registry's path and no line (its message names the ids).
struct ChangeResult {
    bool committed = false;
    std::vector<Problem> problems;
    // apply: what the decision ends and leaves out (as ApplyResult's).
    std::size_t repealed = 0;
    std::size_t declared_invalid = 0;
    std::vector<LeftOutItem> left_out;
    explicit operator bool() const noexcept { return committed; }
};

// A registry that lives (SPEC §12): its snapshot mapped, its journal of changes replayed, and, for
// a writer, changes checked against the SPEC §7 rules and appended to the journal, each durable
// when the call returns; compact() folds the journal into a new snapshot. The design (a change is
// a journal record of the change itself, replayed on open through the one validator) is in
// docs/registry-store.md.
//
//   auto open = Registry::open_for_changes("r.ndb");        // the writer lock, until destroyed
//   ChangeResult added = open.registry->add(xml, "new.xml");  // exit 1 when !added
//   open.registry->compact();
//
// A Registry opened by open() reads; its change calls throw std::logic_error. The corpus() it
// gives is the state it opened (and, for a writer, its own changes since): what others commit
// meanwhile is seen on the next open. Not thread-safe for changes; corpus() copies are.
class Registry {
public:
    struct Open;
    // Opens `path` (a snapshot) for reading. A damaged snapshot or journal gives its problem
    // (CORRUPT_SNAPSHOT, BAD_VERSION) and no registry; a torn last record of the journal is
    // dropped with a TORN_JOURNAL warning. Throws IoError when a file cannot be read.
    static Open open(const std::string& path);
    // The same, holding the registry's writer lock until the Registry is destroyed: a second
    // writer is an IoError "in use" (SPEC §12, exit 3), or waits when `wait`.
    static Open open_for_changes(const std::string& path, bool wait = false);

    Registry(Registry&&) noexcept;
    Registry& operator=(Registry&&) noexcept;
    ~Registry();

    const std::string& path() const noexcept;
    // The content. A writer that has only added new documents since it opened builds it here,
    // on the first call (a full validation's cost), not at each change.
    const Corpus& corpus() const;
    // What validating the content reports (warnings only: it has no error); built as corpus() is.
    const std::vector<Problem>& warnings() const;
    // How many changes the journal holds (0 after compact).
    std::size_t journal_records() const noexcept;

    // SPEC §12 add: `xml` is corpus XML (§7) holding authorities and/or documents and no
    // <profile>; each one whose id is new is added, each whose id is taken replaces the one held
    // (in its place). `file_name` is what its problems carry.
    ChangeResult add(std::string_view xml, const std::string& file_name);
    // SPEC §12 withdraw: removes a document that no other document refers to (else UNKNOWN_REF
    // errors, as validating the result would give, naming each document that refers to it).
    ChangeResult withdraw(DocumentId document);
    // SPEC §6 "Applying a plan", in place: apply_plan's rules (competence, --only-competent), and
    // the decision document added to the registry.
    ChangeResult apply(const Plan& plan, const Decision& decision, const ApplyOptions& options = {});
    // Folds the journal into a new snapshot (through the atomic writer, the order of
    // docs/registry-format.md §4) and starts an empty journal. Throws IoError.
    void compact();

private:
    struct State;
    explicit Registry(std::unique_ptr<State> state) noexcept;
    static Open opened(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

struct Registry::Open {
    std::optional<Registry> registry;
    // Beside a registry: TORN_JOURNAL, and for a reader the content's warnings (a writer's are
    // warnings()); instead of one: the error.
    std::vector<Problem> problems;
    explicit operator bool() const noexcept { return registry.has_value(); }
};

}  // namespace normdoc
