#include "report/annex_order.hpp"

#include <algorithm>
#include <tuple>

namespace normdoc::report {

void order_by_number(const Corpus& corpus, std::vector<const CleanupItem*>& items) {
    struct Key {
        std::uint32_t issuer;
        bool no_number;
        std::string_view agency;
        int year;
        long serial;
        std::string_view number;
        std::string_view id;
        const CleanupItem* item;
    };
    std::vector<Key> keys;
    keys.reserve(items.size());
    for (const CleanupItem* item : items) {
        const Document doc = corpus.document(item->document);
        const DocumentNumber n = doc.parsed_number();
        keys.push_back({doc.issuers()[0].index(), doc.number().empty(), n.agency, n.year.value_or(0), n.serial.value_or(0),
                        doc.number(), doc.id(), item});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.issuer, a.no_number, a.agency, a.year, a.serial, a.number, a.id) <
               std::tie(b.issuer, b.no_number, b.agency, b.year, b.serial, b.number, b.id);
    });
    for (std::size_t i = 0; i < keys.size(); ++i) items[i] = keys[i].item;
}

}  // namespace normdoc::report
