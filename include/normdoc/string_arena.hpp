// Strings of a loaded corpus (ids, names, titles) copied once into large blocks, so the model
// holds string_views: one allocation per 1 MiB instead of one per string.
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace normdoc::detail {

class StringArena {
public:
    StringArena() = default;
    StringArena(StringArena&&) noexcept = default;
    StringArena& operator=(StringArena&&) noexcept = default;
    StringArena(const StringArena&) = delete;
    StringArena& operator=(const StringArena&) = delete;

    std::string_view store(std::string_view text) {
        if (text.empty()) return {};
        if (text.size() > k_block / 4) {  // a big string gets a block of its own
            blocks_.push_back(std::make_unique<char[]>(text.size()));
            std::memcpy(blocks_.back().get(), text.data(), text.size());
            return {blocks_.back().get(), text.size()};
        }
        if (blocks_.empty() || used_ + text.size() > k_block || current_ == nullptr) {
            blocks_.push_back(std::make_unique<char[]>(k_block));
            current_ = blocks_.back().get();
            used_ = 0;
        }
        char* out = current_ + used_;
        std::memcpy(out, text.data(), text.size());
        used_ += text.size();
        return {out, text.size()};
    }

    // Takes over the blocks of `other`: the views it gave stay valid, now owned here.
    void adopt(StringArena&& other) {
        for (auto& block : other.blocks_) blocks_.push_back(std::move(block));
        other.blocks_.clear();
        other.current_ = nullptr;
        other.used_ = 0;
    }

private:
    static constexpr std::size_t k_block = 1 << 20;
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* current_ = nullptr;
    std::size_t used_ = 0;
};

}  // namespace normdoc::detail
