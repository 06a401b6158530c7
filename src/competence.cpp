// The parent forest of the authorities (SPEC §2 competence: "a body above"), walked once.
#include "normdoc/competence.hpp"

#include <algorithm>

namespace normdoc::detail {

std::vector<AuthorityTreeRecord> build_authority_tree(Span<AuthorityRecord> authorities) {
    const std::size_t n = authorities.size();
    std::vector<AuthorityTreeRecord> tree(n);
    auto parent = [&](std::size_t i) { return authorities[i].parent; };

    // Cycles of parents: walk each chain once, colouring as we go (iterative); a cycle is cut at
    // its first member in file order, which becomes a root.
    std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on the current walk, 2 done
    std::vector<std::uint8_t> cut(n, 0);
    std::vector<std::uint32_t> walk;
    for (std::size_t start = 0; start < n; ++start) {
        if (state[start] != 0) continue;
        walk.clear();
        std::size_t v = start;
        while (true) {
            state[v] = 1;
            walk.push_back(static_cast<std::uint32_t>(v));
            const AuthorityId p = parent(v);
            if (!p.valid() || p.index() >= n || state[p.index()] == 2) break;
            if (state[p.index()] == 1) {
                const auto from = std::find(walk.begin(), walk.end(), p.index());
                const std::uint32_t top = *std::min_element(from, walk.end());
                cut[top] = 1;
                for (auto m = from; m != walk.end(); ++m) {
                    tree[*m].in_cycle = 1;
                    tree[*m].top = AuthorityId(top);
                }
                break;
            }
            v = p.index();
        }
        for (auto w : walk) state[w] = 2;
    }

    // Children lists (counting sort by parent), then a depth-first walk from each root in file order.
    std::vector<std::uint32_t> offsets(n + 1, 0), children;
    auto has_parent = [&](std::size_t i) { return parent(i).valid() && parent(i).index() < n && !cut[i]; };
    for (std::size_t i = 0; i < n; ++i)
        if (has_parent(i)) ++offsets[parent(i).index() + 1];
    for (std::size_t i = 1; i <= n; ++i) offsets[i] += offsets[i - 1];
    children.resize(offsets[n]);
    {
        std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            if (has_parent(i)) children[next[parent(i).index()]++] = static_cast<std::uint32_t>(i);
    }
    std::uint32_t clock = 0;
    struct Frame { std::uint32_t node, next_child; };
    std::vector<Frame> stack;
    for (std::size_t root = 0; root < n; ++root) {
        if (has_parent(root)) continue;
        stack.push_back({static_cast<std::uint32_t>(root), offsets[root]});
        tree[root].enter = clock++;
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (f.next_child < offsets[f.node + 1]) {
                const std::uint32_t c = children[f.next_child++];
                tree[c].enter = clock++;
                stack.push_back({c, offsets[c]});
            } else {
                tree[f.node].leave = clock - 1;
                stack.pop_back();
            }
        }
    }
    return tree;
}

}  // namespace normdoc::detail
