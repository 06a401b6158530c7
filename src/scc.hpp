// Strongly connected components of a graph in CSR arrays, by an iterative Tarjan: chains and
// cycles of 100,000 documents must not overflow the stack.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace normdoc {

// Components with more than one vertex (a cycle), each as its vertices in discovery order.
// Vertex v's successors are targets[offsets[v] .. offsets[v+1]).
inline std::vector<std::vector<std::uint32_t>> strongly_connected_components(const std::vector<std::uint32_t>& offsets,
                                                                              const std::vector<std::uint32_t>& targets) {
    constexpr std::uint32_t k_unvisited = 0xffffffffu;
    const std::size_t n = offsets.empty() ? 0 : offsets.size() - 1;
    std::vector<std::uint32_t> index(n, k_unvisited), low(n, 0), next_edge(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<std::uint32_t> stack, call;
    std::vector<std::vector<std::uint32_t>> out;
    std::uint32_t counter = 0;

    for (std::uint32_t root = 0; root < n; ++root) {
        if (index[root] != k_unvisited || offsets[root] == offsets[root + 1]) continue;
        call.push_back(root);
        index[root] = low[root] = counter++;
        next_edge[root] = offsets[root];
        stack.push_back(root);
        on_stack[root] = true;
        while (!call.empty()) {
            const std::uint32_t v = call.back();
            if (next_edge[v] < offsets[v + 1]) {
                const std::uint32_t w = targets[next_edge[v]++];
                if (index[w] == k_unvisited) {
                    index[w] = low[w] = counter++;
                    next_edge[w] = offsets[w];
                    stack.push_back(w);
                    on_stack[w] = true;
                    call.push_back(w);
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            call.pop_back();
            if (!call.empty()) low[call.back()] = std::min(low[call.back()], low[v]);
            if (low[v] != index[v]) continue;
            std::vector<std::uint32_t> component;
            std::uint32_t w;
            do {
                w = stack.back();
                stack.pop_back();
                on_stack[w] = false;
                component.push_back(w);
            } while (w != v);
            if (component.size() > 1) out.push_back(std::move(component));
        }
    }
    return out;
}

}  // namespace normdoc
