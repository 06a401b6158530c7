#include <normdoc/date.hpp>
#include <normdoc/normdoc.hpp>

#include <iostream>

int main() {
    // SPEC §4: effective 2018-06-01, 5 years → last day 2023-05-31.
    const auto effective = normdoc::parse_date("2018-06-01");
    if (!effective) return 1;
    std::cout << normdoc::format_date(normdoc::term_last_day(*effective.date, normdoc::Years(5))) << '\n';
    // The library links: build a one-document corpus.
    normdoc::CorpusBuilder b;
    b.authority("gov", "人民政府", normdoc::AuthorityKind::government);
    b.document("d", normdoc::DocumentKind::normative, "办法").issuer("gov").dates("2018-06-01");
    return b.build().ok() ? 0 : 1;
}
