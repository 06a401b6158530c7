#include "report/annex_order.hpp"

#include "normdoc/document_order.hpp"

#include <unordered_map>

namespace normdoc::report {

// The one order of 文号 (include/normdoc/document_order.hpp), over the items' documents.
void order_by_number(const Corpus& corpus, std::vector<const CleanupItem*>& items) {
    std::vector<DocumentId> docs;
    docs.reserve(items.size());
    std::unordered_map<std::uint32_t, const CleanupItem*> item_of;
    item_of.reserve(items.size());
    for (const CleanupItem* item : items) {
        docs.push_back(item->document);
        item_of.emplace(item->document.index(), item);
    }
    docs = in_document_order(corpus, std::move(docs));
    for (std::size_t i = 0; i < docs.size(); ++i) items[i] = item_of.at(docs[i].index());
}

}  // namespace normdoc::report
