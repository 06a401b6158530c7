// `normdoc add|withdraw|apply|compact` on a registry (SPEC §12) from outside: after a random
// sequence of changes the registry's status and cleanup CSV equal those of `validate`d XML of the
// same content (written here, by text surgery on the generated file, not by the registry's
// merge); each change is refused exactly when validating the same content as one file has an
// error, with the same problems; apply in place gives what apply on the XML gives; a second
// writer is exit 3.
#include "normdoc/registry.hpp"
#include "registry/writer_lock.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#ifdef NORMDOC_CLI

namespace normdoc::test {
namespace {

// A corpus file cut into its parts: what comes before the documents, each document's element
// (with its id), and what comes after.
struct CorpusText {
    std::string head, tail;
    std::vector<std::pair<std::string, std::string>> docs;
    std::vector<std::string> authorities;

    static CorpusText parse(const std::string& xml) {
        CorpusText t;
        const std::string open = "  <documents>\n", close = "  </documents>\n", start = "    <document ";
        const std::size_t begin = xml.find(open) + open.size(), end = xml.find(close);
        t.head = xml.substr(0, begin);
        t.tail = xml.substr(end);
        for (std::size_t at = xml.find(start, begin); at < end;) {
            std::size_t next = xml.find(start, at + 1);
            if (next > end) next = end;
            const std::string chunk = xml.substr(at, next - at);
            t.docs.push_back({attribute(chunk, "id"), chunk});
            at = next;
        }
        for (std::size_t at = xml.find("<authority id=\""); at < begin; at = xml.find("<authority id=\"", at + 1))
            t.authorities.push_back(attribute(xml.substr(at), "id"));
        return t;
    }
    static std::string attribute(const std::string& element, const std::string& name) {
        const std::size_t at = element.find(" " + name + "=\"") + name.size() + 3;
        return element.substr(at, element.find('"', at) - at);
    }
    std::string xml() const {
        std::string out = head;
        for (const auto& d : docs) out += d.second;
        return out + tail;
    }
    std::size_t find(const std::string& id) const {
        for (std::size_t i = 0; i < docs.size(); ++i)
            if (docs[i].first == id) return i;
        return docs.size();
    }
};

std::string fragment(const std::string& documents) {
    return "<corpus xmlns=\"urn:normdoc:corpus:1\">\n  <documents>\n" + documents + "  </documents>\n</corpus>\n";
}

// "CODE: message" of every error (or warning) line on standard error, sorted.
std::vector<std::string> said_of(const std::string& err, const std::string& severity) {
    std::vector<std::string> out;
    std::istringstream lines(err);
    const std::string mark = ": " + severity + ": ";
    for (std::string line; std::getline(lines, line);) {
        const std::size_t at = line.find(mark);
        if (at != std::string::npos) out.push_back(line.substr(at + mark.size()));
    }
    std::sort(out.begin(), out.end());
    return out;
}
std::vector<std::string> errors_of(const std::string& err) { return said_of(err, "error"); }

// What `after` says that `before` did not (multisets of sorted lines).
std::vector<std::string> new_in(const std::vector<std::string>& after, const std::vector<std::string>& before) {
    std::vector<std::string> out;
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(out));
    return out;
}

std::string generated(const std::string& dir, int documents, int seed) {
    const std::string file = dir + "/g.xml";
    const CliRun run = run_cli(dir, {"generate", "--documents", std::to_string(documents), "--seed", std::to_string(seed), "-o", file});
    EXPECT_EQ(run.code, 0) << run.err;
    return file;
}

void expect_same_answers(const std::string& dir, const std::string& registry, const std::string& xml, const std::string& when) {
    for (const char* command : {"status", "cleanup"}) {
        const CliRun on_registry = run_cli(dir, {command, registry, "--as-of", "2024-01-01", "--format", "csv"});
        const CliRun on_xml = run_cli(dir, {command, xml, "--as-of", "2024-01-01", "--format", "csv"});
        ASSERT_EQ(on_xml.code, 0) << on_xml.err;
        ASSERT_EQ(on_registry.code, 0) << on_registry.err;
        ASSERT_EQ(on_registry.out, on_xml.out) << command << " differs " << when;
    }
}

TEST(RegistryChangeCli, AfterRandomChangesTheRegistryAnswersAsAFullValidationOfTheSameContent) {
    const std::string dir = scratch_dir("change_cli_random");
    CorpusText model = CorpusText::parse(read_text(generated(dir, 400, 3)));
    ASSERT_GT(model.docs.size(), 300u);
    const std::string registry = dir + "/r.ndb";
    write_file(dir + "/m.xml", model.xml());
    ASSERT_EQ(run_cli(dir, {"compile", dir + "/m.xml", "-o", registry}).code, 0);
    std::vector<std::string> model_warnings = said_of(run_cli(dir, {"validate", dir + "/m.xml"}).err, "warning");

    std::mt19937_64 rng(15);
    auto pick = [&rng](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    int committed = 0, refused = 0, compactions = 0;
    std::size_t new_warnings = 0;
    for (int step = 0; step < 40; ++step) {
        const std::string when = "after step " + std::to_string(step);
        const unsigned op = static_cast<unsigned>(rng() % 10);
        if (op == 8) {
            ASSERT_EQ(run_cli(dir, {"compact", registry}).code, 0);
            ++compactions;
            continue;
        }
        CorpusText next = model;
        std::vector<std::string> args;
        if (op <= 3 || op == 9) {  // a new document, resting on one held (op 9: on one that is not)
            const std::string id = "n" + std::to_string(step);
            const int year = 2015 + static_cast<int>(pick(9));
            const std::string basis = op == 9 ? std::string("no-such-document") : next.docs[pick(next.docs.size())].first;
            std::string doc = "    <document id=\"" + id + "\" kind=\"normative\" number=\"测试〔" + std::to_string(year) + "〕" +
                              std::to_string(step) + "号\">\n      <title>新文件" + id + "</title>\n      <issuer ref=\"" +
                              next.authorities[pick(next.authorities.size())] + "\"/>\n      <dates published=\"" +
                              std::to_string(year) + "-03-01\"/>\n      <relations>\n        <based-on ref=\"" + basis + "\"/>\n";
            if (pick(4) == 0) doc += "        <repeals ref=\"" + next.docs[pick(next.docs.size())].first + "\"/>\n";
            doc += "      </relations>\n    </document>\n";
            next.docs.push_back({id, doc});
            write_file(dir + "/f.xml", fragment(doc));
            args = {"add", registry, dir + "/f.xml"};
        } else if (op <= 5) {  // a held document replaced: a new title, and perhaps a new basis (a cycle?)
            auto& d = next.docs[pick(next.docs.size())];
            std::string doc = d.second;
            doc.replace(doc.find("<title>") + 7, 0, "修订");
            if (pick(2) == 0) {
                const std::string rel = "        <based-on ref=\"" + next.docs[pick(next.docs.size())].first + "\"/>\n";
                const std::size_t at = doc.find("<relations>\n");
                if (at != std::string::npos) doc.insert(at + 12, rel);
                else doc.insert(doc.rfind("    </document>"), "      <relations>\n" + rel + "      </relations>\n");
            }
            d.second = doc;
            write_file(dir + "/f.xml", fragment(doc));
            args = {"add", registry, dir + "/f.xml"};
        } else {  // withdraw: refused when something refers to it
            const std::size_t at = pick(next.docs.size());
            args = {"withdraw", registry, next.docs[at].first};
            next.docs.erase(next.docs.begin() + static_cast<long>(at));
        }
        write_file(dir + "/next.xml", next.xml());
        const CliRun validated = run_cli(dir, {"validate", dir + "/next.xml"});
        const CliRun change = run_cli(dir, args);
        ASSERT_TRUE(validated.code == 0 || validated.code == 1) << validated.err;
        ASSERT_EQ(change.code, validated.code) << args[0] << " " << when << "\n" << change.err << "\nvalidate:\n" << validated.err;
        EXPECT_EQ(errors_of(change.err), errors_of(validated.err)) << when;
        if (change.code == 0) {
            // A change reports the warnings it makes: those validate gives now and did not before.
            const std::vector<std::string> warnings = said_of(validated.err, "warning");
            EXPECT_EQ(said_of(change.err, "warning"), new_in(warnings, model_warnings)) << args[0] << " " << when;
            new_warnings += new_in(warnings, model_warnings).size();
            model_warnings = warnings;
            model = std::move(next);
            ++committed;
        } else {
            ++refused;
        }
        if (step % 5 == 4) {
            write_file(dir + "/m.xml", model.xml());
            expect_same_answers(dir, registry, dir + "/m.xml", when);
        }
    }
    write_file(dir + "/m.xml", model.xml());
    expect_same_answers(dir, registry, dir + "/m.xml", "at the end");
    ASSERT_EQ(run_cli(dir, {"compact", registry}).code, 0);
    expect_same_answers(dir, registry, dir + "/m.xml", "after the last compaction");
    std::printf("random changes: %d committed (%zu new warnings), %d refused, %d compactions\n", committed, new_warnings, refused,
                compactions);
    EXPECT_GE(committed, 10);
    EXPECT_GE(refused, 3);
    EXPECT_GE(compactions, 1);
}

TEST(RegistryChangeCli, ApplyInPlaceGivesWhatApplyOnTheXmlGives) {
    const std::string dir = scratch_dir("change_cli_apply");
    const std::string xml = generated(dir, 300, 5);
    const std::string registry = dir + "/r.ndb";
    ASSERT_EQ(run_cli(dir, {"compile", xml, "-o", registry}).code, 0);
    ASSERT_EQ(run_cli(dir, {"cleanup", xml, "--as-of", "2024-01-01", "--format", "xml", "-o", dir + "/plan.xml"}).code, 0);
    const std::vector<std::string> decision{"--id", "dec-1", "--number", "国办发〔2024〕1号", "--title", "清理决定",
                                            "--issuer", "cn-gov", "--date", "2024-01-01", "--only-competent"};
    std::vector<std::string> on_xml{"apply", xml, dir + "/plan.xml", "-o", dir + "/applied.xml"};
    std::vector<std::string> in_place{"apply", registry, dir + "/plan.xml"};
    on_xml.insert(on_xml.end(), decision.begin(), decision.end());
    in_place.insert(in_place.end(), decision.begin(), decision.end());
    const CliRun a = run_cli(dir, on_xml);
    const CliRun b = run_cli(dir, in_place);
    ASSERT_EQ(a.code, 0) << a.err;
    ASSERT_EQ(b.code, 0) << b.err;
    EXPECT_EQ(errors_of(a.err), errors_of(b.err));
    expect_same_answers(dir, registry, dir + "/applied.xml", "after apply");
    // The same decision again: its id is taken, nothing written.
    const CliRun again = run_cli(dir, in_place);
    EXPECT_EQ(again.code, 1);
    EXPECT_NE(again.err.find("DUPLICATE_ID"), std::string::npos) << again.err;
    expect_same_answers(dir, registry, dir + "/applied.xml", "after a refused apply");
    // With -o on a registry: a new snapshot, the registry as it was.
    ASSERT_EQ(run_cli(dir, {"compile", xml, "-o", dir + "/r2.ndb"}).code, 0);
    std::vector<std::string> to_new{"apply", dir + "/r2.ndb", dir + "/plan.xml", "-o", dir + "/r3.ndb"};
    to_new.insert(to_new.end(), decision.begin(), decision.end());
    ASSERT_EQ(run_cli(dir, to_new).code, 0);
    expect_same_answers(dir, dir + "/r3.ndb", dir + "/applied.xml", "on the -o snapshot");
    expect_same_answers(dir, dir + "/r2.ndb", xml, "on the registry left as it was");
}

TEST(RegistryChangeCli, ASecondWriterIsExit3InUse) {
    const std::string dir = scratch_dir("change_cli_second_writer");
    const std::string xml = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";
    const std::string registry = dir + "/r.ndb";
    ASSERT_EQ(run_cli(dir, {"compile", xml, "-o", registry}).code, 0);
    write_file(dir + "/f.xml", fragment(""));
    const registry::WriterLock held = registry::WriterLock::acquire(registry);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"add", registry, dir + "/f.xml"},
                                                 std::vector<std::string>{"compact", registry}}) {
        const CliRun run = run_cli(dir, args);
        EXPECT_EQ(run.code, 3) << args[0];
        EXPECT_NE(run.err.find("in use"), std::string::npos) << run.err;
    }
}

TEST(RegistryChangeCli, ChangesAreForRegistriesAndIdsMustBeHeld) {
    const std::string dir = scratch_dir("change_cli_usage");
    const std::string xml = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";
    const std::string registry = dir + "/r.ndb";
    ASSERT_EQ(run_cli(dir, {"compile", xml, "-o", registry}).code, 0);
    write_file(dir + "/f.xml", fragment(""));
    EXPECT_EQ(run_cli(dir, {"add", xml, dir + "/f.xml"}).code, 2);          // corpus XML is not changed in place
    EXPECT_EQ(run_cli(dir, {"withdraw", registry, "no-such-document"}).code, 2);  // SPEC §10
    EXPECT_EQ(run_cli(dir, {"add", registry, dir + "/missing.xml"}).code, 3);
    EXPECT_EQ(run_cli(dir, {"add", registry, dir + "/f.xml"}).code, 0);     // nothing to add: nothing changes
}

}  // namespace
}  // namespace normdoc::test

#endif  // NORMDOC_CLI
