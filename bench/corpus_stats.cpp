// normdoc_bench_stats CORPUS: reads and validates a corpus, then prints its shape as KEY=VALUE
// lines (documents, relations per document, trial share, dependency in-degree: the most
// depended-on document and the share of the top 1 %), so that scripts/bench can pick the
// `impact` root and docs/PERFORMANCE.md can state the shape of what was measured.
//
// normdoc_bench_stats --generate N [--seed S] OUT: writes a generated corpus (atomically), for
// scripts that have no CLI built.
//
// normdoc_bench_stats --parse-only FILE: parses FILE with pugixml (the reader's options) and
// nothing else: the floor that `normdoc validate` is compared with, as a process.
#include "normdoc/atomic_file.hpp"
#include "normdoc/generate.hpp"
#include "normdoc/io.hpp"
#include "normdoc/status.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

int stats(const std::string& path) {
    const normdoc::LoadResult r = normdoc::read_corpus_file(path);
    std::size_t errors = 0, warnings = 0;
    std::map<std::string, std::size_t> by_code;
    for (const auto& p : r.problems) {
        (p.is_error() ? errors : warnings)++;
        by_code[std::string(to_string(p.severity)) + ":" + std::string(to_string(p.code))]++;
        if (p.is_error() && errors <= 10) std::cerr << p << '\n';
    }
    std::cout << "errors=" << errors << "\nwarnings=" << warnings << '\n';
    for (const auto& [code, n] : by_code) std::cout << "problem." << code << '=' << n << '\n';
    if (!r.corpus) return 1;
    const normdoc::Corpus& c = *r.corpus;
    const std::size_t n = c.document_count();
    std::vector<std::uint32_t> in(n, 0);
    std::size_t dependency = 0, trial = 0;
    std::map<std::string, std::size_t> kinds, by_relation;
    for (auto d : c.documents()) {
        const auto& doc = c.document(d);
        trial += doc.trial();
        kinds[std::string(to_string(doc.kind()))]++;
        for (const auto& rel : c.relations_from(d)) {
            by_relation[std::string(to_string(rel.kind))]++;
            if (normdoc::is_dependency(rel.kind)) {
                ++dependency;
                ++in[rel.target.index()];
            }
        }
    }
    std::vector<std::uint32_t> sorted = in;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    const std::size_t top = std::max<std::size_t>(1, n / 100);
    std::size_t top_edges = 0;
    for (std::size_t i = 0; i < top; ++i) top_edges += sorted[i];
    const auto most = std::max_element(in.begin(), in.end()) - in.begin();
    std::cout << "documents=" << n << "\nauthorities=" << c.authority_count() << "\nrelations=" << c.relation_count()
              << "\nrelations_per_document=" << static_cast<double>(c.relation_count()) / static_cast<double>(n)
              << "\ndependency_relations=" << dependency
              << "\ntrial_share=" << static_cast<double>(trial) / static_cast<double>(n)
              << "\ntop1_dependency_share=" << static_cast<double>(top_edges) / static_cast<double>(std::max<std::size_t>(1, dependency))
              << "\nmost_depended_on=" << c.document(normdoc::DocumentId(static_cast<std::uint32_t>(most))).id()
              << "\nmost_depended_on_dependents=" << in[static_cast<std::size_t>(most)] << '\n';
    for (const auto& [k, v] : kinds) std::cout << "kind." << k << '=' << v << '\n';
    for (const auto& [k, v] : by_relation) std::cout << "relation." << k << '=' << v << '\n';
    std::map<std::string, std::size_t> statuses;
    const normdoc::Date day = normdoc::parse_date("2020-06-30").date.value();
    for (auto d : c.documents()) statuses[std::string(to_string(normdoc::status_of(c, d, day).status))]++;
    for (const auto& [k, v] : statuses) std::cout << "status_2020_06_30." << k << '=' << v << '\n';
    return errors == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::vector<std::string> args(argv + 1, argv + argc);
        if (args.size() >= 3 && args[0] == "--generate") {
            normdoc::GenerateOptions options;
            options.documents = std::stoull(args[1]);
            std::string out = args[2];
            if (args.size() == 5 && args[2] == "--seed") {
                options.seed = std::stoull(args[3]);
                out = args[4];
            }
            normdoc::GenerateSummary s;
            normdoc::write_file_atomically(out, [&](normdoc::OutputSink& sink) { s = normdoc::generate(options, sink); });
            std::cout << "bytes=" << s.bytes << "\nrelations=" << s.relations << "\nmost_depended_on=" << s.most_depended_on
                      << "\nmost_depended_on_dependents=" << s.most_depended_on_dependents << '\n';
            return 0;
        }
        if (args.size() == 2 && args[0] == "--parse-only") {
            pugi::xml_document doc;
            const pugi::xml_parse_result r = doc.load_file(args[1].c_str(), pugi::parse_default);
            if (!r) {
                std::cerr << args[1] << ": " << r.description() << '\n';
                return 1;
            }
            std::size_t elements = 0;
            for (pugi::xml_node n = doc.document_element().first_child(); n; n = n.next_sibling()) ++elements;
            std::cout << "sections=" << elements << '\n';
            return 0;
        }
        if (args.size() != 1) {
            std::cerr << "usage: normdoc_bench_stats CORPUS | --generate N [--seed S] OUT | --parse-only FILE\n";
            return 2;
        }
        return stats(args[0]);
    } catch (const std::exception& e) {
        std::cerr << "normdoc_bench_stats: " << e.what() << '\n';
        return 3;
    }
}
