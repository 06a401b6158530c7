// Akoma Ntoso 3.0 import and export (SPEC §9). Implemented in src/xml/ with pugixml, which never
// reaches this header.
//
// Import: many Akoma Ntoso files become one corpus. Real files are messy, so every oddity is a
// warning naming the file and the line of the element, and the import goes on; a file that can be
// read but not used is an error for that file alone. The corpus is built by the one validator
// (build_corpus), so what comes back always validated.
//
// Export: one Akoma Ntoso file per document, each written atomically.
#pragma once

#include "normdoc/atomic_file.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/document.hpp"
#include "normdoc/problem.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc {

// The Akoma Ntoso 3.0 namespace (SPEC §9): as the default namespace or under any prefix.
inline constexpr std::string_view k_akn_namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// export-akn's note, beside its record in meta/proprietary, of where the document and its
// authorities stand in the corpus (import-akn gives them back in that order).
inline constexpr std::string_view k_akn_order_namespace = "urn:normdoc:akn-order:1";

struct AknImportOptions {
    // SPEC §9: the kind of a document whose FRBRsubtype names none of normdoc's kinds (`--kind`);
    // `other` when not given.
    std::optional<DocumentKind> kind;
};

// One input held in memory: `name` is what problems carry.
struct AknSource {
    std::string name;
    std::string content;
};

struct AknImportResult {
    // The corpus when at least one document was left and it validated.
    std::optional<Corpus> corpus;
    // Every problem, files in the order given, each file's in line order.
    std::vector<Problem> problems;
    // Parallel to `problems`: for a warning about an oddity that real files repeat by the dozen, a
    // short plural name of it ("eventRefs without a type"), else empty (condensed_problems).
    std::vector<std::string> oddities;
    // SPEC §9: files that were read and usable but gave no document, by the type of what they
    // held ("judgment", "debate", "documentCollection" …): they were left out, with a warning.
    std::map<std::string, std::size_t> files_left_out;
    // Files that could be read but not used (not XML, not Akoma Ntoso, no work identification):
    // each has an error in `problems`; the other files were still imported.
    std::size_t files_failed = 0;
    std::size_t files_read = 0;

    // SPEC §9: exit 0 only when every file was used and a corpus came out.
    bool ok() const noexcept { return corpus.has_value() && files_failed == 0; }
};

// Reads the files in the order given. Throws IoError, before anything else is done with the
// result, when a file cannot be read (SPEC §9: exit 3, nothing written).
AknImportResult import_akn(const std::vector<std::string>& files, const AknImportOptions& options = {});

// The same over documents held in memory (tests, fuzzing, embedding). Never throws for bad input.
AknImportResult import_akn_sources(const std::vector<AknSource>& sources, const AknImportOptions& options = {});

// The problems for people: within a file, the warnings about one oddity that repeats are one line
// at the first one's place, with their count ("39 eventRefs without a type, first at line 120:
// …"); everything else as it is. `problems` is every line (import-akn --verbose).
std::vector<Problem> condensed_problems(const AknImportResult& result);

// One document of the corpus as an Akoma Ntoso 3.0 file (SPEC §9 export-akn), with its normdoc
// record in meta/proprietary (the profile, the document and the authorities it names).
std::string write_akn(const Corpus& corpus, DocumentId document);

// Every file export_akn writes, named as it names them, held in memory (tests, fuzzing, embedding):
// import_akn_sources of them gives back an equal corpus.
std::vector<AknSource> write_akn_files(const Corpus& corpus);

// The file name a document is exported under, readable and globbable: the id without a URL's
// scheme and host, a leading /akn/ and a trailing /!main or /main, each run of bytes outside
// [A-Za-z0-9._] and non-ASCII one '-', none at the ends, cut with a hash when too long, ".xml"
// appended: "/akn/za/act/2014/10/!main" → "za-act-2014-10.xml".
std::string akn_file_name(std::string_view document_id);

// Writes one file per document into `directory` (created when missing; its parent must exist):
// the whole set into a directory beside it first, moved in at the end, so that a failure leaves
// no partial set (IoError, and nothing of the set in `directory`). Names by akn_file_name, made
// unique ignoring case (the later document, in corpus order, gets "-2", "-3" … before ".xml").
// Returns the file names in document order. Throws IoError.
std::vector<std::string> export_akn(const Corpus& corpus, const std::string& directory,
                                    FileSystem& fs = default_file_system());

}  // namespace normdoc
