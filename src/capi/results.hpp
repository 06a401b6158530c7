// What the C ABI's result handles hold: the C++ result and its fields as columns (nd_*_columns).
#pragma once

#include "capi/capi.hpp"

#include "normdoc/cleanup.hpp"
#include "normdoc/document_status.hpp"
#include "normdoc/impact.hpp"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace normdoc::capi {

struct StatusListImpl {
    explicit StatusListImpl(Corpus c) : corpus(std::move(c)) {}
    Corpus corpus;
    std::vector<DocumentStatus> statuses;  // by documents_by_id
    StringColumn ids, numbers;
    std::vector<std::int32_t> status, last_day, ended;
    std::vector<std::uint8_t> amended;
};

struct CleanupImpl {
    explicit CleanupImpl(CleanupResult r) : result(std::move(r)) {}
    CleanupResult result;
    StringColumn ids, numbers, decided_by;
    std::vector<std::int32_t> status, action;
    std::vector<std::uint32_t> first_finding, finding_count;
    std::vector<std::int32_t> finding_code, finding_action;
    std::vector<ActionCounts> summary;
    StringColumn summary_ids, summary_names;
    std::string scope;  // the scope authority's id, "" for all

    // The findings' details in English: written on first use (a clean-up of a million documents
    // need not word them all when nobody reads them).
    const StringColumn& details() const {
        std::call_once(details_once_, [this] {
            StringColumn d;
            d.reserve(finding_code.size(), finding_code.size() * 32);
            for (const CleanupItem& item : result.items())
                for (const Finding& f : result.findings(item)) d.add(result.detail(item, f));
            details_ = std::move(d);
        });
        return details_;
    }

private:
    mutable std::once_flag details_once_;
    mutable StringColumn details_;
};

struct ImpactImpl {
    explicit ImpactImpl(Corpus c) : corpus(std::move(c)) {}
    Corpus corpus;
    std::vector<ImpactEntry> entries;
    StringColumn ids, numbers;
    std::vector<std::uint32_t> depth;
    std::vector<std::int32_t> status;
};

}  // namespace normdoc::capi
