// SPEC §13: the reports' order of documents (include/normdoc/document_order.hpp).
#include "normdoc/document_order.hpp"

#include <algorithm>

namespace normdoc {

std::vector<DocumentId> in_document_order(const Corpus& corpus, std::vector<DocumentId> documents) {
    struct Key {
        std::uint32_t issuer;
        DocumentNumber number;
        std::string_view text;
        std::string_view id;
        DocumentId document;
    };
    std::vector<Key> keys;
    keys.reserve(documents.size());
    for (DocumentId d : documents) {
        const Document doc = corpus.document(d);
        keys.push_back({doc.issuers().front().index(), parse_number(doc.number()), doc.number(), doc.id(), d});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        if (a.issuer != b.issuer) return a.issuer < b.issuer;
        if (a.text.empty() != b.text.empty()) return b.text.empty();
        if (!a.text.empty() && a.text != b.text) {
            if (detail::number_before(a.text, a.number, b.text, b.number)) return true;
            if (detail::number_before(b.text, b.number, a.text, a.number)) return false;
        }
        return a.id < b.id;
    });
    for (std::size_t k = 0; k < keys.size(); ++k) documents[k] = keys[k].document;
    return documents;
}

}  // namespace normdoc
