// The Akoma Ntoso import (SPEC §9): many files become one draft corpus. Each file is read (stage 1,
// akn_scan; stage 2, akn_work and akn_record: akn_read_file.cpp); then the works are resolved against
// each other in command-line order (stage 3): duplicate works and numbers (akn_duplicates.cpp),
// authorities (akn_authorities.cpp), relations and cycles (akn_relations.cpp); then the one
// validator makes the corpus and its problems are given back their files (akn_import.cpp).
#pragma once

#include "normdoc/akn.hpp"
#include "normdoc/draft.hpp"
#include "xml/akn_problems.hpp"
#include "xml/akn_work.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace normdoc::detail::akn {

inline constexpr std::string_view k_unknown_authority = "unknown";

class Importer {
public:
    explicit Importer(const AknImportOptions& options) : options_(options) {}

    // Reads one file. The content need not outlive the call.
    void add(const std::string& name, std::string_view content);

    // Skips a file too large to be real (without reading it).
    void refuse_large(const std::string& name, std::uintmax_t size);

    AknImportResult finish();

private:
    // Stage 1 and 2 for one file: decoded, parsed, scanned, its works made.
    bool read_file(std::size_t file, std::string_view content, Reporter& report);

    void warn(std::size_t file, std::size_t line, ProblemCode code, std::string message, std::string oddity = {}) {
        problems_[file].push_back({{files_[file], line, Severity::warning, code, std::move(message), {}}, std::move(oddity)});
    }

    struct Edge {
        std::uint32_t source;  // index in kept_
        std::uint32_t target;
        RelationKind kind;
        std::size_t line;
        std::optional<Date> date;   // none: the source's effective date
        std::optional<Date> until;  // extends
    };

    // What an href names: an imported document (a part of it when `part`), a place inside the
    // document that holds it (`local`), or nothing.
    struct Named {
        std::optional<std::uint32_t> work;  // index in kept_
        bool part = false;
        bool local = false;
    };
    Named resolve(std::string_view href, const Work& holder) const;

    void drop_duplicate_ids();
    void resolve_authorities();
    void drop_duplicate_numbers();
    std::vector<Edge> resolve_relations();
    std::vector<Edge> drop_cycles(std::vector<Edge> edges);
    draft::Corpus make_draft(const std::vector<Edge>& edges) const;
    bool attribute(Problem& p, std::size_t& file, std::optional<std::uint32_t>& work) const;

    AknImportOptions options_;
    std::vector<std::string> files_;
    std::vector<std::vector<Noted>> problems_;  // per file
    std::size_t failed_ = 0;
    std::map<std::string, std::size_t> files_left_out_;
    std::vector<Work> works_;
    std::vector<std::uint32_t> kept_;  // indices into works_, in input order
    std::unordered_map<std::string_view, std::uint32_t> by_key_;  // FRBRthis / FRBRuri → kept_ index

    // Authorities: one per organization href, id its first eId (SPEC §9); those of records first.
    struct AuthorityInfo {
        draft::Authority authority;  // id, name; every field for a record's
        std::size_t file = 0;
        bool from_record = false;
    };
    std::vector<AuthorityInfo> authorities_;
    std::vector<std::vector<std::uint32_t>> issuers_;  // per kept work: authority indices
    std::optional<std::uint32_t> unknown_;
    std::optional<Profile> profile_;
};

}  // namespace normdoc::detail::akn
