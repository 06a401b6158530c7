// A synthetic corpus of realistic shape (SPEC §10 `generate`), for benchmarks and tests at the
// size of a national registry.
//
//   normdoc::GenerateOptions options;
//   options.documents = 1'000'000;
//   options.seed = 42;
//   normdoc::write_file_atomically("corpus.xml", [&](normdoc::OutputSink& out) {
//       normdoc::generate(options, out);
//   });
//
// The corpus is written (XML format 1, SPEC §7) while it is generated, in chunks of about
// 1 MiB: memory does not grow with the number of documents beyond a few bytes per authority and
// per hub (law, regulation, rule). The same options give the same bytes on every platform: the
// generator has its own PRNG (xoshiro256**) and integer-only sampling, no <random> distribution.
//
// The shape (documented in docs/PERFORMANCE.md): an authority tree national → provincial →
// municipal → county → township with departments, general offices, congresses and party
// committees, and the 2013/2018 institutional reforms (abolished departments with successors,
// some chained, a few without); documents per authority heavy-tailed; laws, regulations and
// rules as hubs whose in-degree is heavy-tailed; normative documents based on and implementing
// them; amendment, repeal, supersession and invalidation chains within each authority; clean-up
// decisions declaring batches invalid; extensions before the term runs out; about 3.4 relations
// per document; 10 % trial documents; unique 发文字号; procedure records with realistic defects.
// Every modifying relation is competent (SPEC §2: issued by the target's issuer, its successor or
// a body above it), except 0.5 % made incompetent on purpose (GenerateSummary counts them).
// The output validates with no error (relations only point at documents generated earlier).
#pragma once

#include "normdoc/io.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace normdoc {

struct GenerateProgress {
    std::uint64_t documents_done = 0;
    std::uint64_t documents_total = 0;
};

struct GenerateOptions {
    std::uint64_t documents = 10'000;
    std::uint64_t seed = 1;
    // Called about every 1 % of the documents and once at the end (for a progress display).
    std::function<void(const GenerateProgress&)> progress;
};

// What was generated. Counts by relation kind are indexed by RelationKind.
struct GenerateSummary {
    std::uint64_t documents = 0;
    std::uint64_t authorities = 0;
    std::uint64_t relations = 0;
    std::array<std::uint64_t, 8> relations_by_kind{};
    std::uint64_t trial_documents = 0;
    // SPEC §2: relations that amend, repeal, supersede, declare invalid or extend, and how many of
    // them the generator made incompetent on purpose (about 0.5 %: a department ending or
    // amending its government's document, a county body amending a provincial one); the others
    // are competent.
    std::uint64_t modifying_relations = 0;
    std::uint64_t incompetent_relations = 0;
    std::uint64_t bytes = 0;
    // The hub (law, regulation, rule, upper government document) with the most based-on /
    // implements relations pointing at it, and how many.
    std::string most_depended_on;
    std::uint64_t most_depended_on_dependents = 0;
};

// Generates `options.documents` documents (at least one; std::invalid_argument otherwise) and
// writes them to `sink` in chunks of about 1 MiB. An exception of the sink (an I/O failure)
// goes through.
GenerateSummary generate(const GenerateOptions& options, OutputSink& sink);

// The whole corpus in one string (for tests and small corpora).
std::string generate_corpus_xml(const GenerateOptions& options, GenerateSummary* summary = nullptr);

}  // namespace normdoc
