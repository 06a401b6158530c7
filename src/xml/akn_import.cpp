// Akoma Ntoso 3.0 import (SPEC §9): many files become one draft corpus, then the one validator
// (build_corpus) makes the corpus.
//
// The stages, each in a file of its own (the Importer: akn_importer.hpp):
//   1. scan      akn_scan.cpp       each file decoded to UTF-8 (GBK / GB18030 through iconv), parsed,
//                akn_read_file.cpp  and walked once, iteratively, to collect what the import needs
//                                   with the lines of the elements (one Scan per document element: a
//                                   documentCollection's components are documents of their own);
//                                   every oddity is a warning and the walk goes on.
//   2. work      akn_work.cpp       each imported document element made a Work (id, title, dates,
//                akn_record.cpp     issuers, modifications), or read from normdoc's own record
//                                   (meta/proprietary, written by export-akn) when it has one.
//   3. resolve   akn_duplicates.cpp the works against each other in command-line order: duplicate
//                akn_authorities.cpp works, authorities by organization href, duplicate numbers,
//                akn_relations.cpp  relations from active and passive modifications and lifecycle
//                                   repeals, modification cycles.
//   4. build     this file          build_corpus; its problems are given back the file they belong
//                                   to. Problems come out by file (command-line order), then by line.
// Warnings that repeat are counted per file and oddity by condensed_problems
// (akn_condensed_problems.cpp); the small values read on the way are akn_values.hpp's.
#include "normdoc/akn.hpp"
#include "normdoc/draft_reader.hpp"
#include "normdoc/io.hpp"

#include "xml/akn_importer.hpp"
#include "xml/akn_scan.hpp"
#include "xml/xml_support.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace normdoc::detail::akn {

draft::Corpus Importer::make_draft(const std::vector<Edge>& edges) const {
    draft::Corpus d;
    if (profile_) d.profile = *profile_;
    // The records' authorities, and those that issue a kept document.
    std::vector<bool> used(authorities_.size(), false);
    for (const auto& list : issuers_)
        for (std::uint32_t a : list) used[a] = true;
    for (std::size_t a = 0; a < authorities_.size(); ++a)
        if (used[a] || authorities_[a].from_record) d.authorities.push_back(authorities_[a].authority);
    d.documents.reserve(kept_.size());
    for (std::size_t k = 0; k < kept_.size(); ++k) {
        const Work& w = works_[kept_[k]];
        draft::Document doc = w.doc;
        if (!w.record)
            for (std::uint32_t a : issuers_[k]) doc.issuers.push_back({authorities_[a].authority.id, doc.line});
        d.documents.push_back(std::move(doc));
    }
    for (const Edge& e : edges)
        d.documents[e.source].relations.push_back({e.kind, {d.documents[e.target].id, e.line}, e.date, e.until, e.line});
    return d;
}

// The validator says what each problem is about (Problem::subject): that gives it its file back.
bool Importer::attribute(Problem& p, std::size_t& file, std::optional<std::uint32_t>& work) const {
    if (const std::string_view id = p.subject.document_id(); !id.empty()) {
        for (std::uint32_t k = 0; k < kept_.size(); ++k)
            if (works_[kept_[k]].doc.id == id) {
                file = works_[kept_[k]].file;
                work = k;
                return true;
            }
        return false;
    }
    if (p.subject.kind == SubjectKind::authority) {
        for (const AuthorityInfo& a : authorities_)
            if (a.authority.id == p.subject.id) {
                file = a.file;
                return true;
            }
    }
    return false;
}

AknImportResult Importer::finish() {
    AknImportResult result;
    result.files_read = files_.size();
    drop_duplicate_ids();
    // Documents exported by normdoc come back in the exported corpus's order (its order note),
    // the others after them in command-line order.
    std::stable_sort(kept_.begin(), kept_.end(), [this](std::uint32_t a, std::uint32_t b) {
        const auto key = [this](std::uint32_t i) { return works_[i].position.value_or(~std::uint64_t(0)); };
        return key(a) < key(b);
    });
    resolve_authorities();
    drop_duplicate_numbers();
    std::vector<Edge> edges = drop_cycles(resolve_relations());

    // The validator should find nothing the import has not resolved; if it does, the documents it
    // names are dropped (an error for their files) and the rest is built again.
    std::vector<Problem> unattributed;
    for (int round = 0; round < 3 && !kept_.empty(); ++round) {
        LoadResult built = build_corpus(make_draft(edges));
        std::vector<bool> drop(kept_.size(), false);
        bool unplaced_error = false;
        for (Problem& p : built.problems) {
            std::size_t file = 0;
            std::optional<std::uint32_t> work;
            if (attribute(p, file, work)) {
                p.file = files_[file];
                if (p.is_error() && work) drop[*work] = true;
                else if (p.is_error()) unplaced_error = true;
                problems_[file].push_back({std::move(p), {}});
            } else {
                if (p.is_error()) unplaced_error = true;
                unattributed.push_back(std::move(p));
            }
        }
        if (built.corpus) {
            result.corpus = std::move(built.corpus);
            break;
        }
        if (unplaced_error || std::none_of(drop.begin(), drop.end(), [](bool b) { return b; })) break;
        // Drop the documents the validator refused, the relations touching them, and rebuild.
        std::vector<std::uint32_t> remap(kept_.size(), 0xffffffffu), kept;
        std::vector<std::vector<std::uint32_t>> issuers;
        for (std::uint32_t k = 0; k < kept_.size(); ++k) {
            if (drop[k]) {
                ++failed_;
                continue;
            }
            remap[k] = static_cast<std::uint32_t>(kept.size());
            kept.push_back(kept_[k]);
            issuers.push_back(issuers_[k]);
        }
        std::vector<Edge> remaining;
        for (const Edge& e : edges)
            if (!drop[e.source] && !drop[e.target]) remaining.push_back({remap[e.source], remap[e.target], e.kind, e.line, e.date, e.until});
        kept_ = std::move(kept);
        issuers_ = std::move(issuers);
        edges = std::move(remaining);
    }
    // SPEC §7/§9: files in the order given, each in line order.
    for (std::size_t f = 0; f < files_.size(); ++f) {
        std::stable_sort(problems_[f].begin(), problems_[f].end(),
                         [](const Noted& a, const Noted& b) { return a.problem.line < b.problem.line; });
        for (Noted& n : problems_[f]) {
            result.problems.push_back(std::move(n.problem));
            result.oddities.push_back(std::move(n.oddity));
        }
    }
    for (Problem& p : unattributed) {
        result.problems.push_back(std::move(p));
        result.oddities.emplace_back();
    }
    result.files_failed = failed_;
    result.files_left_out = files_left_out_;
    return result;
}

}  // namespace normdoc::detail::akn

namespace normdoc {

using detail::akn::Importer;
using detail::akn::k_max_file_bytes;
using detail::xml::FileBytes;
using detail::xml::load_file;

AknImportResult import_akn_sources(const std::vector<AknSource>& sources, const AknImportOptions& options) {
    Importer importer(options);
    for (const AknSource& s : sources) importer.add(s.name, s.content);
    return importer.finish();
}

AknImportResult import_akn(const std::vector<std::string>& files, const AknImportOptions& options) {
    Importer importer(options);
    for (const std::string& path : files) {
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (!ec && std::filesystem::is_regular_file(status)) {
            const std::uintmax_t size = std::filesystem::file_size(path, ec);
            if (!ec && size > k_max_file_bytes) {
                importer.refuse_large(path, size);
                continue;
            }
        }
        const FileBytes bytes = load_file(path);  // IoError: SPEC §9 exit 3, nothing written
        importer.add(path, bytes.view());
    }
    return importer.finish();
}

}  // namespace normdoc
