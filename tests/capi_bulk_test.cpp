// The C ABI's bulk calls for managed bindings (include/normdoc/normdoc.h "bulk into",
// src/capi/bulk_into.cpp): nd_status_all_into gives the rows of nd_status_all in the caller's
// arrays; nd_cleanup_ranks / nd_impact_ranks name each row's document by its row in byte order
// of ids. Bad input: a wrong count, a freed handle, a bad date. Run under ASan by the dev preset.
#include "normdoc/normdoc.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

const std::string k_example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";
const std::string k_edge = std::string(NORMDOC_SOURCE_DIR) + "/tests/data/bindings/edge.xml";

struct Opened {
    nd_corpus* corpus = nullptr;
    explicit Opened(const std::string& path) {
        nd_error err;
        EXPECT_EQ(nd_corpus_open(path.c_str(), &corpus, nullptr, &err), ND_OK) << err.message;
    }
    ~Opened() { nd_corpus_free(corpus); }
};

// The ids of nd_status_all, by row.
std::vector<std::string> ids_by_row(const nd_corpus* corpus) {
    nd_error err;
    nd_status_list* list = nullptr;
    EXPECT_EQ(nd_status_all(corpus, "2000-01-01", &list, &err), ND_OK) << err.message;
    nd_status_columns cols;
    EXPECT_EQ(nd_status_list_columns(list, &cols, &err), ND_OK) << err.message;
    std::vector<std::string> ids;
    for (size_t i = 0; i < cols.count; ++i) ids.emplace_back(cols.ids.data + cols.ids.offsets[i]);
    nd_status_list_free(list);
    return ids;
}

TEST(CapiBulk, StatusAllIntoIsTheRowsOfStatusAll) {
    Opened o(k_edge);
    nd_error err;
    for (const char* day : {"2018-11-30", "2020-06-30", "2024-01-01"}) {
        nd_status_list* list = nullptr;
        ASSERT_EQ(nd_status_all(o.corpus, day, &list, &err), ND_OK) << err.message;
        nd_status_columns cols;
        ASSERT_EQ(nd_status_list_columns(list, &cols, &err), ND_OK);
        std::vector<int32_t> status(cols.count), last_day(cols.count), ended(cols.count);
        std::vector<uint8_t> amended(cols.count);
        ASSERT_EQ(nd_status_all_into(o.corpus, day, status.data(), last_day.data(), ended.data(), amended.data(),
                                     cols.count, &err),
                  ND_OK)
            << err.message;
        for (size_t i = 0; i < cols.count; ++i) {
            EXPECT_EQ(status[i], cols.status[i]) << day << " row " << i;
            EXPECT_EQ(last_day[i], cols.last_day[i]) << day << " row " << i;
            EXPECT_EQ(ended[i], cols.ended[i]) << day << " row " << i;
            EXPECT_EQ(amended[i], cols.amended[i]) << day << " row " << i;
        }
        nd_status_list_free(list);
    }
}

// SPEC §5 through the bulk call: Ａ-fullwidth is repealed by a relation from 2019-06-01.
TEST(CapiBulk, StatusAllIntoFollowsSpec5) {
    Opened o(k_edge);
    const auto ids = ids_by_row(o.corpus);
    size_t row = 0;
    while (row < ids.size() && ids[row] != "\xEF\xBC\xA1-fullwidth") ++row;
    ASSERT_LT(row, ids.size());
    nd_error err;
    std::vector<int32_t> status(ids.size());
    ASSERT_EQ(nd_status_all_into(o.corpus, "2019-05-31", status.data(), nullptr, nullptr, nullptr, ids.size(), &err), ND_OK);
    EXPECT_EQ(status[row], ND_DOC_IN_FORCE);
    ASSERT_EQ(nd_status_all_into(o.corpus, "2019-06-01", status.data(), nullptr, nullptr, nullptr, ids.size(), &err), ND_OK);
    EXPECT_EQ(status[row], ND_DOC_REPEALED);
}

TEST(CapiBulk, CleanupRanksNameTheItemsDocuments) {
    Opened o(k_example);
    const auto ids = ids_by_row(o.corpus);
    nd_error err;
    nd_cleanup* run = nullptr;
    ASSERT_EQ(nd_cleanup_run(o.corpus, "2018-11-30", nullptr, &run, &err), ND_OK) << err.message;
    size_t n = 0;
    ASSERT_EQ(nd_cleanup_count(run, &n, &err), ND_OK);
    ASSERT_GT(n, 0u);
    std::vector<uint32_t> ranks(n);
    ASSERT_EQ(nd_cleanup_ranks(run, ranks.data(), n, &err), ND_OK) << err.message;
    for (size_t i = 0; i < n; ++i) {
        nd_cleanup_item item;
        ASSERT_EQ(nd_cleanup_get(run, i, &item, &err), ND_OK);
        ASSERT_LT(ranks[i], ids.size());
        EXPECT_EQ(ids[ranks[i]], item.id);
    }
    EXPECT_EQ(nd_cleanup_ranks(run, ranks.data(), n + 1, &err), ND_E_INVALID_ARGUMENT);
    EXPECT_NE(std::strstr(err.message, "count"), nullptr) << err.message;
    EXPECT_EQ(nd_cleanup_ranks(run, nullptr, n, &err), ND_E_INVALID_ARGUMENT);
    nd_cleanup_free(run);
    EXPECT_EQ(nd_cleanup_ranks(run, ranks.data(), n, &err), ND_E_INVALID_HANDLE);
}

TEST(CapiBulk, ImpactRanksNameTheEntriesDocuments) {
    Opened o(k_edge);
    const auto ids = ids_by_row(o.corpus);
    nd_error err;
    nd_impact* run = nullptr;
    ASSERT_EQ(nd_impact_run(o.corpus, "law", "2020-06-30", &run, &err), ND_OK) << err.message;
    size_t n = 0;
    ASSERT_EQ(nd_impact_count(run, &n, &err), ND_OK);
    ASSERT_EQ(n, 4u);  // a,b  q"uote  文件-甲  😀-emoji, by depth
    std::vector<uint32_t> ranks(n);
    ASSERT_EQ(nd_impact_ranks(run, ranks.data(), n, &err), ND_OK) << err.message;
    for (size_t i = 0; i < n; ++i) {
        nd_impact_row row;
        ASSERT_EQ(nd_impact_get(run, i, &row, &err), ND_OK);
        EXPECT_EQ(ids[ranks[i]], row.id);
    }
    nd_impact_free(run);
    EXPECT_EQ(nd_impact_ranks(run, ranks.data(), n, &err), ND_E_INVALID_HANDLE);
}

TEST(CapiBulk, StatusAllIntoRefusesBadInput) {
    Opened o(k_example);
    nd_error err;
    size_t n = 0;
    ASSERT_EQ(nd_corpus_document_count(o.corpus, &n, &err), ND_OK);
    std::vector<int32_t> status(n);
    EXPECT_EQ(nd_status_all_into(o.corpus, "2018-02-30", status.data(), nullptr, nullptr, nullptr, n, &err), ND_E_BAD_DATE);
    EXPECT_EQ(nd_status_all_into(o.corpus, nullptr, status.data(), nullptr, nullptr, nullptr, n, &err), ND_E_INVALID_ARGUMENT);
    EXPECT_EQ(nd_status_all_into(o.corpus, "2018-11-30", status.data(), nullptr, nullptr, nullptr, n - 1, &err),
              ND_E_INVALID_ARGUMENT);
    EXPECT_EQ(nd_status_all_into(nullptr, "2018-11-30", status.data(), nullptr, nullptr, nullptr, n, &err), ND_E_INVALID_HANDLE);
    nd_corpus* freed = nullptr;
    ASSERT_EQ(nd_corpus_open(k_example.c_str(), &freed, nullptr, &err), ND_OK);
    nd_corpus_free(freed);
    EXPECT_EQ(nd_status_all_into(freed, "2018-11-30", status.data(), nullptr, nullptr, nullptr, n, &err), ND_E_INVALID_HANDLE);
}

}  // namespace
