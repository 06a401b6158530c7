// Corpus's lookups by string id and by number (binary searches over its indexes in byte order).
#include "normdoc/corpus.hpp"

#include <algorithm>

namespace normdoc {

std::optional<DocumentId> Corpus::find_document(std::string_view id) const noexcept {
    const Span<DocumentId> order = columns().documents_by_id;
    const auto it = std::lower_bound(order.begin(), order.end(), id,
                                     [this](DocumentId d, std::string_view key) { return Document(data_.get(), d).id() < key; });
    if (it == order.end() || Document(data_.get(), *it).id() != id) return std::nullopt;
    return *it;
}

std::optional<AuthorityId> Corpus::find_authority(std::string_view id) const noexcept {
    const Span<AuthorityId> order = columns().authorities_by_id;
    const auto it = std::lower_bound(order.begin(), order.end(), id,
                                     [this](AuthorityId a, std::string_view key) { return Authority(data_.get(), a).id() < key; });
    if (it == order.end() || Authority(data_.get(), *it).id() != id) return std::nullopt;
    return *it;
}

Span<DocumentId> Corpus::find_by_number(std::string_view number) const noexcept {
    if (number.empty()) return {};
    const Span<DocumentId> order = columns().documents_by_number;
    auto number_of = [this](DocumentId d) { return Document(data_.get(), d).number(); };
    const auto first = std::lower_bound(order.begin(), order.end(), number,
                                        [&](DocumentId d, std::string_view key) { return number_of(d) < key; });
    const auto last = std::upper_bound(first, order.end(), number,
                                       [&](std::string_view key, DocumentId d) { return key < number_of(d); });
    return {first, last};
}

}  // namespace normdoc
