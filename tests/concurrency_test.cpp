// A loaded Corpus is immutable and its queries are const and lock-free (corpus.hpp, status.hpp,
// cleanup.hpp): status, clean-up and impact from 8 threads on one corpus must give, every time,
// exactly the answer of a single thread. Run under ThreadSanitizer by scripts/tsan (the `tsan`
// preset's flags); under the default run it still checks the answers.
#include "normdoc/cleanup.hpp"
#include "normdoc/generate.hpp"
#include "normdoc/impact.hpp"
#include "normdoc/io.hpp"
#include "normdoc/plan.hpp"
#include "normdoc/status.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace normdoc {
namespace {

using test::d;

constexpr int k_threads = 8;

// A generated corpus of realistic shape (hubs, chains, reforms, procedure defects).
const Corpus& shared_corpus() {
    static const Corpus corpus = [] {
        GenerateOptions options;
        options.documents = 2000;
        options.seed = 20181130;
        LoadResult r = read_corpus(generate_corpus_xml(options), "generated.xml");
        if (!r.ok()) {
            for (const Problem& p : r.problems) ADD_FAILURE() << to_string(p);
            return Corpus();
        }
        return *r.corpus;
    }();
    return corpus;
}

// One question and the text of its full answer, so that answers compare as strings.
struct Task {
    std::string name;
    std::function<std::string(const Corpus&)> answer;
};

std::string status_answer(const Corpus& c, Date day) {
    std::ostringstream out;
    for (DocumentId id : c.documents_by_id()) out << c.document(id).id() << ' ' << status_of(c, id, day) << '\n';
    return out.str();
}

std::string cleanup_answer(const Corpus& c, Date day, std::optional<AuthorityId> scope) {
    const CleanupResult r = cleanup(c, day, scope ? CleanupScope::of(*scope) : CleanupScope::all());
    std::ostringstream out;
    for (const CleanupItem& item : r.items()) {
        out << c.document(item.document).id() << ' ' << item.action;
        for (const Finding& f : r.findings(item)) out << ' ' << f.code << '(' << r.detail(item, f) << ')';
        out << '\n';
    }
    for (const ActionCounts& counts : r.summary_by_issuer())
        for (std::uint32_t n : counts.count) out << n << ' ';
    // The plan's XML too: the writer runs on the shared corpus as well.
    out << write_plan(r);
    return out.str();
}

std::string impact_answer(const Corpus& c, DocumentId doc, Date day) {
    std::ostringstream out;
    for (const ImpactEntry& e : impact(c, doc, day)) out << c.document(e.document).id() << ' ' << e.depth << ' ' << e.status << '\n';
    return out.str();
}

std::vector<Task> tasks(const Corpus& corpus) {
    std::vector<Task> out;
    const Date days[] = {d("2012-06-30"), d("2016-02-29"), d("2018-11-30"), d("2021-01-01"), d("2024-12-31")};
    for (Date day : days) {
        out.push_back({"status " + format_date(day), [day](const Corpus& c) { return status_answer(c, day); }});
        out.push_back({"cleanup " + format_date(day), [day](const Corpus& c) { return cleanup_answer(c, day, std::nullopt); }});
    }
    // Scoped clean-ups: the first authorities of the file (the top of the generated tree).
    for (AuthorityId a : corpus.authorities()) {
        if (a.index() >= 4) break;
        out.push_back({"cleanup scope " + std::string(corpus.authority(a).id()),
                       [a](const Corpus& c) { return cleanup_answer(c, d("2018-11-30"), a); }});
    }
    // Impact of the most depended-on documents (the widest traversals) and of a few others.
    std::vector<std::pair<std::size_t, DocumentId>> by_dependents;
    for (DocumentId id : corpus.documents()) {
        std::size_t n = 0;
        for (const Relation& r : corpus.relations_to(id)) n += is_dependency(r.kind) ? 1 : 0;
        by_dependents.emplace_back(n, id);
    }
    std::sort(by_dependents.begin(), by_dependents.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (std::size_t i = 0; i < std::min<std::size_t>(by_dependents.size(), 6); ++i) {
        const DocumentId id = by_dependents[i].second;
        out.push_back({"impact " + std::string(corpus.document(id).id()),
                       [id](const Corpus& c) { return impact_answer(c, id, d("2018-11-30")); }});
    }
    return out;
}

TEST(Concurrency, TheGeneratedCorpusIsBigEnoughToMatter) {
    const Corpus& corpus = shared_corpus();
    EXPECT_GE(corpus.document_count(), 2000u);
    EXPECT_GT(corpus.relation_count(), corpus.document_count());
    const CleanupResult r = cleanup(corpus, d("2018-11-30"), CleanupScope::all());
    EXPECT_GT(r.count(Action::repeal) + r.count(Action::declare_invalid) + r.count(Action::amend), 0u);
}

// The test: 8 threads, each asking every question (status, clean-up, impact) in its own
// order, all at once on the same corpus; every answer equals the single-threaded one.
TEST(Concurrency, StatusCleanupAndImpactFromEightThreadsAgreeWithOneThread) {
    const Corpus& corpus = shared_corpus();
    ASSERT_GT(corpus.document_count(), 0u);
    const std::vector<Task> all = tasks(corpus);
    std::vector<std::string> expected;
    for (const Task& t : all) expected.push_back(t.answer(corpus));

    std::mutex m;
    std::condition_variable go;
    int waiting = 0;
    std::vector<std::vector<std::string>> wrong(k_threads);
    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t) {
        threads.emplace_back([&, t] {
            {  // start together, so the questions overlap
                std::unique_lock<std::mutex> lock(m);
                if (++waiting == k_threads) go.notify_all();
                go.wait(lock, [&] { return waiting == k_threads; });
            }
            // Each thread holds its own copy of the handle (shared immutable data underneath).
            const Corpus mine = corpus;
            for (std::size_t i = 0; i < all.size(); ++i) {
                const std::size_t k = (i * 7 + static_cast<std::size_t>(t) * 5) % all.size();
                if (all[k].answer(t % 2 == 0 ? corpus : mine) != expected[k]) wrong[static_cast<std::size_t>(t)].push_back(all[k].name);
            }
        });
    }
    for (std::thread& th : threads) th.join();
    for (int t = 0; t < k_threads; ++t)
        for (const std::string& name : wrong[static_cast<std::size_t>(t)])
            ADD_FAILURE() << "thread " << t << ": " << name << " differs from the single-threaded answer";
}

// One CleanupResult read from 8 threads at once (cleanup.hpp: "query it from many threads").
TEST(Concurrency, OneCleanupResultReadFromEightThreads) {
    const Corpus& corpus = shared_corpus();
    const CleanupResult result = cleanup(corpus, d("2018-11-30"), CleanupScope::all());
    auto render = [&] {
        std::string out;
        for (const CleanupItem& item : result.items()) {
            const CleanupItem* found = result.find(item.document);
            if (found != &item) out += "find! ";
            for (const Finding& f : result.findings(item)) out += result.detail(item, f) + "\n";
        }
        out += write_plan(make_plan(result));
        return out;
    };
    const std::string expected = render();
    std::atomic<int> differing{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t)
        threads.emplace_back([&] {
            if (render() != expected) ++differing;
        });
    for (std::thread& th : threads) th.join();
    EXPECT_EQ(differing.load(), 0);
}

// Loading is independent too: 8 threads reading the same XML each get an equal corpus.
TEST(Concurrency, EightThreadsReadingTheSameFileGetEqualCorpora) {
    const Corpus& corpus = shared_corpus();
    const std::string xml = write_corpus(corpus);
    std::vector<std::string> differences(k_threads);
    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t)
        threads.emplace_back([&, t] {
            const LoadResult r = read_corpus(xml, "concurrent.xml");
            differences[static_cast<std::size_t>(t)] = r.ok() ? describe_difference(corpus, *r.corpus) : "did not load";
        });
    for (std::thread& th : threads) th.join();
    for (int t = 0; t < k_threads; ++t) EXPECT_EQ(differences[static_cast<std::size_t>(t)], "") << "thread " << t;
}

// Validation of a corpus of 20,000 documents or more runs its cycle search and id sort on a second
// thread (src/validate.cpp): a valid one loads equal every time, an invalid one gives the same
// problems every time, in line order. Under TSan this is the test of that parallelism.
TEST(Concurrency, ValidationOfALargeCorpusOnTwoThreadsIsDeterministic) {
    GenerateOptions options;
    options.documents = 20000;
    options.seed = 3;
    std::string xml = generate_corpus_xml(options);
    const LoadResult first = read_corpus(xml, "large.xml");
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first.corpus->document_count(), 20000u);
    const LoadResult second = read_corpus(xml, "large.xml");
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(describe_difference(*first.corpus, *second.corpus), "");

    // Break it: a basis cycle of two new documents and a duplicate of the first document's id.
    const std::string issuer(first.corpus->authority(AuthorityId(0)).id());
    const std::string dup(first.corpus->document(DocumentId(0)).id());
    const std::string extra =
        "<document id=\"cycle-a\" kind=\"rule\"><title>a</title><issuer ref=\"" + issuer +
        "\"/><relations><based-on ref=\"cycle-b\"/></relations></document>\n"
        "<document id=\"cycle-b\" kind=\"rule\"><title>b</title><issuer ref=\"" + issuer +
        "\"/><relations><based-on ref=\"cycle-a\"/></relations></document>\n"
        "<document id=\"" + dup + "\" kind=\"rule\"><title>dup</title><issuer ref=\"" + issuer + "\"/></document>\n";
    const std::size_t end = xml.rfind("</documents>");
    ASSERT_NE(end, std::string::npos);
    xml.insert(end, extra);
    std::vector<std::string> runs;
    for (int i = 0; i < 3; ++i) {
        const LoadResult r = read_corpus(xml, "broken.xml");
        EXPECT_FALSE(r.ok());
        std::string text;
        for (const Problem& p : r.problems) text += to_string(p) + "\n";
        runs.push_back(text);
    }
    EXPECT_NE(runs[0].find("BASIS_CYCLE"), std::string::npos) << runs[0];
    EXPECT_NE(runs[0].find("DUPLICATE_ID"), std::string::npos) << runs[0];
    EXPECT_EQ(runs[1], runs[0]);
    EXPECT_EQ(runs[2], runs[0]);
}

}  // namespace
}  // namespace normdoc
