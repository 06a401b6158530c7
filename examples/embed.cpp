// Embedding normdoc: the seed's three 2018 trial measures of 江阴市科学技术局, the last day each
// is in force (trial: 2 years, SPEC §4) and the day its review window opens (6 months before).
#include <normdoc/normdoc.hpp>

#include <iostream>

int main() {
    using namespace normdoc;
    CorpusBuilder b;
    b.authority("jy-kjj", "江阴市科学技术局", AuthorityKind::department).level(Level::county);
    b.document("jy-kjj-2018-03", DocumentKind::normative, "江阴市技术转移机构管理办法（试行）")
        .issuer("jy-kjj").dates("2018-05-15", "2018-06-01");
    b.document("jy-kjj-2018-07", DocumentKind::normative, "“澄科贷”工作操作规范（试行）")
        .issuer("jy-kjj").dates("2018-08-20", "2018-09-01");
    b.document("jy-kjj-2018-09", DocumentKind::normative, "江阴市科技型企业办理“锡科贷操作规范”（试行）")
        .issuer("jy-kjj").dates("2018-10-08", "2018-11-01");
    const LoadResult loaded = b.build();  // the same validator as for XML files
    if (!loaded.ok()) {
        for (const Problem& p : loaded.problems) std::cerr << p << '\n';
        return 1;
    }
    const Corpus& corpus = *loaded.corpus;
    const Date as_of = *parse_date("2018-11-30").date;  // the day of the seed's report
    std::cout << "id              status    last day    review from  title\n";
    for (DocumentId id : corpus.documents_by_id()) {
        const DocumentStatus s = status_of(corpus, id, as_of);
        const Date opens = review_window_opens(*s.last_day, corpus.profile().review_months());
        std::cout << corpus.document(id).id() << "  " << s.status << "  " << format_date(*s.last_day) << "  "
                  << format_date(opens) << "   " << corpus.document(id).title() << '\n';
    }
    return 0;
}
