// The synthetic corpus generator (SPEC §10 `generate`), the driver: the authority tree
// (authority_tree.hpp), then one document at a time (documents.hpp), each written through the one
// corpus writer (src/xml/corpus_writer.hpp) as it is made, so that memory stays flat in N. See
// include/normdoc/generate.hpp for the shape and docs/PERFORMANCE.md for the figures.
#include "normdoc/generate.hpp"

#include "generate/authority_tree.hpp"
#include "generate/documents.hpp"
#include "generate/rng.hpp"
#include "normdoc/draft.hpp"
#include "xml/corpus_writer.hpp"

#include <stdexcept>
#include <string>

namespace normdoc {
namespace {

using detail::gen::AuthorityTree;
using detail::gen::k_no;

void write_authorities(const AuthorityTree& tree, detail::xml::CorpusWriter& out) {
    draft::Authority a;
    for (const auto& x : tree.auths) {
        a.id = x.id;
        a.name = x.name;
        a.kind = x.kind;
        a.level = x.level;
        a.parent.reset();
        if (x.parent != k_no) a.parent = draft::Ref{tree.auths[static_cast<std::size_t>(x.parent)].id, 0};
        a.abolished = x.abolished;
        a.successor.reset();
        if (x.abolished && x.successor != k_no)
            a.successor = draft::Ref{tree.auths[static_cast<std::size_t>(x.successor)].id, 0};
        out.authority(a);
    }
}

}  // namespace

GenerateSummary generate(const GenerateOptions& options, OutputSink& sink) {
    if (options.documents == 0) throw std::invalid_argument("generate: at least one document");
    if (options.documents > 0xffffffffULL) throw std::invalid_argument("generate: at most 4294967295 documents");
    detail::gen::Rng rng(options.seed);
    const AuthorityTree tree(options.documents, rng);
    detail::gen::DocumentMaker documents(options.documents, rng, tree);
    detail::xml::CorpusWriter out(sink);

    // SPEC §3's defaults, written out; the comment says how to make the file again (in words: XML
    // allows no "--" in a comment, so not as the command line).
    out.begin(Profile(), "normdoc generate, " + std::to_string(options.documents) + " documents, seed " +
                             std::to_string(options.seed));
    write_authorities(tree, out);
    const std::uint64_t n = options.documents;
    const std::uint64_t step = std::max<std::uint64_t>(1, n / 100);
    draft::Document d;
    for (std::uint64_t i = 0; i < n; ++i) {
        documents.make(static_cast<std::uint32_t>(i), d);
        out.document(d);
        if (options.progress && ((i + 1) % step == 0 || i + 1 == n)) options.progress({i + 1, n});
    }
    out.end();

    GenerateSummary summary;
    documents.summarise(summary);
    summary.documents = n;
    summary.authorities = tree.auths.size();
    summary.bytes = out.bytes();
    return summary;
}

std::string generate_corpus_xml(const GenerateOptions& options, GenerateSummary* summary) {
    std::string xml;
    StringSink sink(xml);
    const GenerateSummary s = generate(options, sink);
    if (summary) *summary = s;
    return xml;
}

}  // namespace normdoc
