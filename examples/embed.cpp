// Embedding normdoc (README "Embedding"): the status of every document of a corpus as of a day,
// its last day in force and the day its review window opens (SPEC §4, §5). With no argument, the
// seed's three 2018 trial measures of 江阴市科学技术局, built in code; with a file, that corpus.
//   embed [CORPUS.xml [YYYY-MM-DD]]
#include <normdoc/normdoc.hpp>

#include <iostream>

int main(int argc, char** argv) {
    using namespace normdoc;
    LoadResult loaded;
    if (argc > 1) {
        try {
            loaded = read_corpus_file(argv[1]);  // normdoc/io.hpp
        } catch (const IoError& e) {
            std::cerr << e.what() << '\n';
            return 3;
        }
    } else {
        CorpusBuilder b;  // the same validator as for XML files
        b.authority("jy-kjj", "江阴市科学技术局", AuthorityKind::department).level(Level::county);
        b.document("jy-kjj-2018-03", DocumentKind::normative, "江阴市技术转移机构管理办法（试行）")
            .issuer("jy-kjj").dates("2018-05-15", "2018-06-01");  // published, effective
        b.document("jy-kjj-2018-07", DocumentKind::normative, "“澄科贷”工作操作规范（试行）")
            .issuer("jy-kjj").dates("2018-08-20", "2018-09-01");
        b.document("jy-kjj-2018-09", DocumentKind::normative, "江阴市科技型企业办理“锡科贷操作规范”（试行）")
            .issuer("jy-kjj").dates("2018-10-08", "2018-11-01");
        loaded = b.build();
    }
    for (const Problem& p : loaded.problems) std::cerr << p << '\n';
    if (!loaded.ok()) return 1;

    const Corpus& corpus = *loaded.corpus;
    const DateParse day = parse_date(argc > 2 ? argv[2] : "2018-11-30");  // the day of the seed's report
    if (!day) {
        std::cerr << "not a date: " << day.error << '\n';
        return 2;
    }
    const Date as_of = *day.date;
    std::cout << "id  status  last day  review from  title\n";
    for (DocumentId id : corpus.documents_by_id()) {
        const Document doc = corpus.document(id);
        const DocumentStatus s = status_of(corpus, id, as_of);
        // A law has no last day, a draft no status but draft: print what there is.
        std::cout << doc.id() << "  " << s.status << "  " << (s.last_day ? format_date(*s.last_day) : "-") << "  ";
        if (s.last_day && s.status == Status::in_force)
            std::cout << format_date(review_window_opens(*s.last_day, corpus.profile().review_months()));
        else
            std::cout << '-';
        std::cout << "  " << doc.title() << '\n';
    }
    return 0;
}
