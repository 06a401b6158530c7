// libFuzzer harness: the plan XML reader (SPEC §8, src/xml/plan_reader.cpp), the plan writer,
// and applying what is read to a small fixed corpus (SPEC §6).
//
// Oracles:
// - read_plan never throws; it gives a plan exactly when it reports no error; every problem
//   names the file and a line inside it, in line order;
// - write → read gives an equal plan without problems;
// - apply_plan never throws; when it gives a corpus, the decision document is in it and every
//   `repeal` / `declare-invalid` item has ended as of the decision's date, and a clean-up of the
//   result as of that day proposes no ending for any of them (SPEC §6, last sentence).
#include "normdoc/builder.hpp"
#include "normdoc/cleanup.hpp"
#include "normdoc/plan.hpp"
#include "normdoc/status.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace normdoc;

void check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "plan_fuzz: broken: %s\n", what);
        std::abort();
    }
}

// The corpus of the seeds in tests/fuzz/seeds/plan_fuzz: documents d1…d5 and law of jy-kjj.
const Corpus& fixed_corpus() {
    static const Corpus corpus = [] {
        CorpusBuilder b;
        b.authority("jy-gov", "江阴市人民政府", AuthorityKind::government);
        b.authority("jy-kjj", "江阴市科学技术局", AuthorityKind::department).parent("jy-gov");
        b.document("law", DocumentKind::law, "中华人民共和国促进科技成果转化法").issuer("jy-gov").published("2015-08-29");
        b.document("d1", DocumentKind::normative, "关于加快推进技术转移的实施意见").issuer("jy-kjj")
            .number("澄科发〔2016〕1号").dates("2016-05-10", "2016-06-01").based_on("law");
        b.document("d2", DocumentKind::normative, "科技计划项目管理办法（试行）").issuer("jy-kjj")
            .dates("2017-01-10").based_on("d1");
        b.document("d3", DocumentKind::normative, "科技创新券实施细则").issuer("jy-kjj").dates("2012-03-01");
        b.document("d4", DocumentKind::normative, "关于废止部分文件的决定").issuer("jy-kjj").dates("2013-01-01")
            .repeals("d5");
        b.document("d5", DocumentKind::normative, "已废止的文件").issuer("jy-kjj").dates("2010-01-01");
        LoadResult r = b.build();
        check(r.ok(), "the fixed corpus builds");
        return *r.corpus;
    }();
    return corpus;
}

void check_problems(const PlanLoadResult& r, std::string_view xml) {
    const std::size_t lines = static_cast<std::size_t>(std::count(xml.begin(), xml.end(), '\n')) + 1;
    check(r.ok() == !has_errors(r.problems), "a plan exactly when there is no error");
    for (std::size_t i = 0; i < r.problems.size(); ++i) {
        const Problem& p = r.problems[i];
        check(p.file == "fuzz-plan.xml", "every problem names the file");
        check(p.line >= 1 && p.line <= lines, "every problem has a line inside the file");
        if (i > 0) check(r.problems[i - 1].line <= p.line, "problems in line order");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string owned(reinterpret_cast<const char*>(data), size);
    const PlanLoadResult r = read_plan(owned, "fuzz-plan.xml");
    check_problems(r, owned);
    if (!r.ok()) return 0;
    const Plan& plan = *r.plan;

    const std::string written = write_plan(plan);
    const PlanLoadResult back = read_plan(written, "fuzz-plan.xml");
    if (!back.ok() || !back.problems.empty() || *back.plan != plan) {
        std::fprintf(stderr, "written:\n%s\n", written.c_str());
        for (const Problem& p : back.problems) std::fprintf(stderr, "%s\n", to_string(p).c_str());
        check(false, "a written plan reads back equal, without problems");
    }

    const Corpus& corpus = fixed_corpus();
    const Decision decision{"decision", "澄科发〔2030〕1号", "关于废止和宣布失效部分规范性文件的决定", {"jy-kjj"}, plan.as_of,
                            DocumentKind::other};
    const ApplyResult applied = apply_plan(corpus, plan, decision);
    check(applied.ok() == !has_errors(applied.problems), "apply: a corpus exactly when there is no error");
    if (!applied.ok()) return 0;
    const Corpus& result = *applied.corpus;
    check(result.document_count() == corpus.document_count() + 1, "apply adds the one decision document");
    check(result.find_document("decision").has_value(), "the decision document is there");
    const CleanupResult cleaned = cleanup(result, decision.date, CleanupScope::all());
    for (const PlanItem& item : plan.items) {
        if (!is_ending(item.action)) continue;
        const auto id = result.find_document(item.ref);
        check(id.has_value(), "an applied item names a document of the corpus");
        // A document that is still a draft on the decision's day stays a draft (SPEC §5 rule 1
        // comes first), whatever ends it: apply takes such an item (open point, RELIABILITY.md).
        const auto before = corpus.find_document(item.ref);
        const bool draft = before && status_of(corpus, *before, decision.date).status == Status::draft;
        if (!draft) check(is_ended(status_of(result, *id, decision.date).status), "an applied ending has ended the document");
        for (const CleanupItem& c : cleaned.items())
            if (c.document == *id) check(!is_ending(c.action), "a clean-up after apply proposes no ending again");
    }
    return 0;
}
