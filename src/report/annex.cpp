// The clean-up annex (SPEC §13): the rows of the 规范性文件清理结果 tables.
#include "report/annex.hpp"

#include "normdoc/document_order.hpp"

namespace normdoc::report {

Annex make_annex(const CleanupResult& result) {
    std::vector<DocumentId> ids;
    ids.reserve(result.items().size());
    for (const CleanupItem& item : result.items()) ids.push_back(item.document);
    ids = in_document_order(result.corpus(), std::move(ids));

    std::array<std::size_t, k_action_count> counts{};
    for (const CleanupItem& item : result.items()) ++counts[static_cast<std::size_t>(item.action)];
    Annex annex;
    annex.all.reserve(ids.size());
    for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a) {
        if (counts[static_cast<std::size_t>(a)] == 0) continue;
        AnnexTable table;
        table.action = static_cast<Action>(a);
        table.items.reserve(counts[static_cast<std::size_t>(a)]);
        // One pass over the ordered documents per action keeps the order of 文号 in each table.
        for (DocumentId d : ids) {
            const CleanupItem* item = result.find(d);
            if (item->action == table.action) table.items.push_back(item);
        }
        annex.all.insert(annex.all.end(), table.items.begin(), table.items.end());
        annex.tables.push_back(std::move(table));
    }
    return annex;
}

std::string annex_issuers(const Corpus& corpus, const Document& doc) {
    std::string out;
    for (AuthorityId a : doc.issuers()) {
        if (!out.empty()) out += "、";
        out += corpus.authority(a).name();
    }
    return out;
}

}  // namespace normdoc::report
