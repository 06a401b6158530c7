// SPEC §9 import rules, each on a small file written in the shape its publisher writes
// (legislation.gov.uk, Laws.Africa / Indigo, the EU, the Italian Senate, SAFLII-style judgments,
// Scotland and Tanzania), the publisher's element named in each test's name. The files are our
// own, cut down from the shapes of public files (tests/data/akn-real/ holds real ones).
#include "normdoc/akn.hpp"
#include "normdoc/io.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace normdoc {
namespace {

using test::d;

std::size_t line_of(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    EXPECT_NE(at, std::string::npos) << "no '" << needle << "' in the test's own XML";
    return static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
}

std::vector<const Problem*> find(const AknImportResult& r, ProblemCode code) {
    std::vector<const Problem*> out;
    for (const Problem& p : r.problems)
        if (p.code == code) out.push_back(&p);
    return out;
}

std::string all_problems(const AknImportResult& r) {
    std::string out;
    for (const Problem& p : r.problems) out += to_string(p) + "\n";
    return out;
}

const Document doc(const Corpus& c, std::string_view id) {
    const auto found = c.find_document(id);
    if (!found) throw std::runtime_error("no document " + std::string(id));
    return c.document(*found);
}

std::vector<std::string> issuer_ids(const Corpus& c, std::string_view id) {
    std::vector<std::string> out;
    for (AuthorityId a : doc(c, id).issuers()) out.emplace_back(c.authority(a).id());
    return out;
}

struct Rel {
    RelationKind kind;
    std::string target;
    std::optional<Date> date;
    friend bool operator==(const Rel& a, const Rel& b) { return a.kind == b.kind && a.target == b.target && a.date == b.date; }
    friend std::ostream& operator<<(std::ostream& os, const Rel& r) {
        return os << to_string(r.kind) << ' ' << r.target << ' ' << (r.date ? format_date(*r.date) : "-");
    }
};
std::vector<Rel> relations_of(const Corpus& c, std::string_view id) {
    std::vector<Rel> out;
    for (const Relation& r : c.relations_from(*c.find_document(id))) out.push_back({r.kind, std::string(c.document(r.target).id()), r.date});
    return out;
}

constexpr const char* k_ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// ---- legislation.gov.uk -------------------------------------------------------------------------

// The shape of legislation.gov.uk's Akoma Ntoso: URIs for ids, a URL for the author and no
// TLCOrganization, shortTitle in the preface and no docTitle, typeless lifecycle eventRefs named
// effective-date-N and coming-into-force-N, passive modifications by the hundred.
std::string uk_act(const std::string& year, const std::string& number, const std::string& title, const std::string& meta_extra = {},
                   const std::string& references = {}) {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"" + std::string(k_ns) +
                    "\" xmlns:ukm=\"http://www.legislation.gov.uk/namespaces/metadata\">\n"
                    "<act name=\"ukpga\">\n<meta>\n<identification source=\"#source\">\n<FRBRWork>\n";
    s += "<FRBRthis value=\"http://www.legislation.gov.uk/ukpga/" + year + "/" + number + "\"/>\n";
    s += "<FRBRuri value=\"http://www.legislation.gov.uk/id/ukpga/" + year + "/" + number + "\"/>\n";
    s += "<FRBRdate date=\"" + year + "-07-16\" name=\"enacted\"/>\n";
    s += "<FRBRauthor href=\"http://www.legislation.gov.uk/id/legislature/UnitedKingdomParliament\"/>\n";
    s += "<FRBRcountry value=\"GB-UKM\"/>\n<FRBRnumber value=\"" + number + "\"/>\n</FRBRWork>\n</identification>\n";
    s += meta_extra;
    s += "<references source=\"#source\">\n<TLCPerson eId=\"source\" href=\"\" showAs=\"\"/>\n" + references + "</references>\n";
    s += "<proprietary source=\"#source\"><ukm:PrimaryMetadata/></proprietary>\n</meta>\n";
    s += "<preface>\n<p class=\"title\"><shortTitle>" + title + "</shortTitle></p>\n</preface>\n";
    s += "<body>\n<section eId=\"section-1\"><num>1</num><content><p>Text.</p></content></section>\n</body>\n</act>\n</akomaNtoso>\n";
    return s;
}

TEST(AknPublishers, LegislationGovUk_ShortTitleIsTheTitle) {
    const auto r = import_akn_sources({{"dpa.xml", uk_act("1998", "29", "Data Protection Act 1998")}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(doc(*r.corpus, "http://www.legislation.gov.uk/ukpga/1998/29").title(), "Data Protection Act 1998");
    EXPECT_TRUE(find(r, ProblemCode::missing).empty()) << all_problems(r);  // a shortTitle is a title: no warning
}

// legislation.gov.uk writes a no-break space in titles ("Northern\u00a0Ireland"): SPEC §9's white
// space folding folds SPEC §7's Unicode white space too, so the title reads as a person types it.
TEST(AknPublishers, LegislationGovUk_NoBreakSpaceInTheTitleIsFoldedToASpace) {
    const auto r = import_akn_sources(
        {{"nia.xml", uk_act("2022", "21", "School Age Act (Northern\xc2\xa0Ireland)\xe2\x80\xaf 2022\xc2\xa0")}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(doc(*r.corpus, "http://www.legislation.gov.uk/ukpga/2022/21").title(), "School Age Act (Northern Ireland) 2022");
}

TEST(AknPublishers, LegislationGovUk_FRBRauthorUrlWithoutTLCOrganizationIsTheIssuer) {
    const auto r = import_akn_sources({{"dpa.xml", uk_act("1998", "29", "Data Protection Act 1998")},
                                       {"foi.xml", uk_act("2000", "36", "Freedom of Information Act 2000")}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const std::vector<std::string> parliament = {"UnitedKingdomParliament"};
    EXPECT_EQ(issuer_ids(*r.corpus, "http://www.legislation.gov.uk/ukpga/1998/29"), parliament);
    EXPECT_EQ(issuer_ids(*r.corpus, "http://www.legislation.gov.uk/ukpga/2000/36"), parliament);  // one authority per href
    EXPECT_EQ(r.corpus->authority_count(), 1u);
    EXPECT_EQ(r.corpus->authority(*r.corpus->find_authority("UnitedKingdomParliament")).name(),
              "http://www.legislation.gov.uk/id/legislature/UnitedKingdomParliament");
    EXPECT_FALSE(r.corpus->find_authority("unknown"));
}

TEST(AknPublishers, LegislationGovUk_ComingIntoForceEventRefGivesEffective) {
    const std::string lifecycle = "<lifecycle source=\"#source\">\n"
                                  "<eventRef eId=\"enacted-1\" date=\"2014-05-14\" source=\"#source\" type=\"generation\"/>\n"
                                  "<eventRef eId=\"coming-into-force-1\" date=\"2014-10-01\" source=\"#source\"/>\n"
                                  "<eventRef eId=\"coming-into-force-2\" date=\"2014-09-01\" source=\"#source\"/>\n"
                                  "</lifecycle>\n";
    const auto r = import_akn_sources({{"a.xml", uk_act("2014", "27", "Children and Families Act 2014", lifecycle)}});
    ASSERT_TRUE(r.corpus) << all_problems(r);
    const Document a = doc(*r.corpus, "http://www.legislation.gov.uk/ukpga/2014/27");
    EXPECT_EQ(a.published(), d("2014-07-16"));  // FRBRdate "enacted"
    EXPECT_EQ(a.effective(), d("2014-09-01"));  // the earliest coming-into-force
}

// legislation.gov.uk's data.akn today (its made SIs): the eventRef's eId is date-cif-N and its
// refersTo says coming-into-force (naming no TLCEvent: the TLCEvent is "cif"). Before this rule
// the effective date fell back to the made date.
TEST(AknPublishers, LegislationGovUk_EventRefRefersToComingIntoForceGivesEffective) {
    const std::string lifecycle = "<lifecycle source=\"#\">\n"
                                  "<eventRef refersTo=\"#made\" date=\"2025-10-09\" eId=\"date-made\" source=\"#\"/>\n"
                                  "<eventRef refersTo=\"#coming-into-force\" date=\"2025-11-03\" eId=\"date-cif-2\" source=\"#\"/>\n"
                                  "<eventRef refersTo=\"#coming-into-force\" date=\"2025-10-10\" eId=\"date-cif-1\" source=\"#\"/>\n"
                                  "</lifecycle>\n";
    const std::string references = "<TLCEvent eId=\"made\" href=\"\" showAs=\"Made\"/>\n<TLCEvent eId=\"cif\" href=\"\" showAs=\"ComingIntoForce\"/>\n";
    const auto r = import_akn_sources({{"a.xml", uk_act("2025", "28", "A Made Instrument 2025", lifecycle, references)}});
    ASSERT_TRUE(r.corpus) << all_problems(r);
    const Document a = doc(*r.corpus, "http://www.legislation.gov.uk/ukpga/2025/28");
    EXPECT_EQ(a.published(), d("2025-07-16"));  // FRBRdate "enacted"
    EXPECT_EQ(a.effective(), d("2025-10-10"));  // the earliest eventRef that refers to coming-into-force
}

TEST(AknPublishers, LegislationGovUk_TypelessEffectiveDateEventRefsAreOneLineWithACount) {
    std::string lifecycle = "<lifecycle source=\"#source\">\n";
    for (int i = 1; i <= 39; ++i)
        lifecycle += "<eventRef eId=\"effective-date-" + std::to_string(i) + "\" date=\"2015-0" + std::to_string(1 + i % 9) +
                     "-01\" source=\"#source\"/>\n";
    lifecycle += "</lifecycle>\n";
    const std::string xml = uk_act("2014", "27", "Children and Families Act 2014", lifecycle);
    const auto r = import_akn_sources({{"a.xml", xml}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    // every line is there (--verbose) …
    EXPECT_EQ(find(r, ProblemCode::bad_value).size(), 39u);
    // … and a person reads one
    const std::vector<Problem> condensed = condensed_problems(r);
    ASSERT_EQ(condensed.size(), 1u) << all_problems(r);
    const std::size_t first = line_of(xml, "effective-date-1\"");
    EXPECT_EQ(condensed[0].line, first);
    EXPECT_EQ(condensed[0].code, ProblemCode::bad_value);
    EXPECT_EQ(condensed[0].message.rfind("39 eventRefs without a type, first at line " + std::to_string(first), 0), 0u) << condensed[0].message;
}

TEST(AknPublishers, LegislationGovUk_PassiveModificationsFromAnImportedActAreRelations) {
    // DPA 1998 lists what amended it; FOI 2000 is imported in the same set, the others are not.
    std::string analysis = "<analysis source=\"#source\">\n<passiveModifications>\n";
    analysis += "<textualMod type=\"substitution\" eId=\"key-a\"><source href=\"#c1\"/><destination href=\"#section-1\"/></textualMod>\n";
    analysis += "<textualMod type=\"insertion\" eId=\"key-b\"><source href=\"#c1\"/><destination href=\"#section-1\"/></textualMod>\n";
    for (int i = 0; i < 5; ++i)
        analysis += "<textualMod type=\"substitution\" eId=\"key-o" + std::to_string(i) +
                    "\"><source href=\"#c2\"/><destination href=\"#section-1\"/></textualMod>\n";
    analysis += "</passiveModifications>\n</analysis>\n";
    const std::string refs = "<passiveRef eId=\"c1\" href=\"http://www.legislation.gov.uk/id/ukpga/2000/36\" showAs=\"Freedom of Information Act 2000\"/>\n"
                             "<passiveRef eId=\"c2\" href=\"http://www.legislation.gov.uk/id/uksi/2000/123\" showAs=\"S.I. 2000/123\"/>\n";
    const std::string xml = uk_act("1998", "29", "Data Protection Act 1998", analysis, refs);
    const auto r = import_akn_sources({{"dpa.xml", xml}, {"foi.xml", uk_act("2000", "36", "Freedom of Information Act 2000")}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    // one relation per source, target and kind; a part of DPA (#section-1): amends
    EXPECT_EQ(relations_of(*r.corpus, "http://www.legislation.gov.uk/ukpga/2000/36"),
              (std::vector<Rel>{{RelationKind::amends, "http://www.legislation.gov.uk/ukpga/1998/29", std::nullopt}}));
    // the five naming no imported document: one warning, with the count
    const auto unknown = find(r, ProblemCode::unknown_ref);
    ASSERT_EQ(unknown.size(), 1u) << all_problems(r);
    EXPECT_EQ(unknown[0]->line, line_of(xml, "<source href=\"#c2\""));
    EXPECT_NE(unknown[0]->message.find("5 passive modifications"), std::string::npos) << unknown[0]->message;
}

TEST(AknPublishers, LegislationGovUk_DestinationInsideTheSameDocumentIsNoUnknownRef) {
    const std::string analysis = "<analysis source=\"#source\">\n<activeModifications>\n"
                                 "<textualMod type=\"substitution\" eId=\"m1\"><source href=\"#section-1\"/><destination href=\"#qtext_1\"/></textualMod>\n"
                                 "</activeModifications>\n</analysis>\n";
    const auto r = import_akn_sources({{"a.xml", uk_act("2014", "27", "Children and Families Act 2014", analysis)}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_TRUE(find(r, ProblemCode::unknown_ref).empty()) << all_problems(r);
    EXPECT_TRUE(relations_of(*r.corpus, "http://www.legislation.gov.uk/ukpga/2014/27").empty());
}

// ---- Laws.Africa / Indigo -----------------------------------------------------------------------

std::string za_act(const std::string& frbr_uri, const std::string& date, const std::string& title, const std::string& lifecycle = {},
                   const std::string& references = {}) {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"" + std::string(k_ns) + "\">\n";
    s += "<act contains=\"singleVersion\" name=\"act\">\n<meta>\n<identification source=\"#cobalt\">\n<FRBRWork>\n";
    s += "<FRBRthis value=\"" + frbr_uri + "/!main\"/>\n<FRBRuri value=\"" + frbr_uri + "\"/>\n";
    s += "<FRBRalias value=\"" + title + "\" name=\"title\"/>\n";
    s += "<FRBRdate date=\"" + date + "\" name=\"Generation\"/>\n<FRBRauthor href=\"\"/>\n<FRBRcountry value=\"za\"/>\n";
    s += "</FRBRWork>\n</identification>\n";
    s += lifecycle;
    s += "<references source=\"#cobalt\">\n<TLCOrganization eId=\"cobalt\" href=\"https://github.com/laws-africa/cobalt\" showAs=\"cobalt\"/>\n";
    s += references + "</references>\n</meta>\n";
    s += "<body>\n<section eId=\"sec_1\"><num>1.</num><content><p>Text.</p></content></section>\n</body>\n</act>\n</akomaNtoso>\n";
    return s;
}

TEST(AknPublishers, LawsAfrica_LifecycleRepealEventRefWhoseSourceIsAnImportedActIsARepealsRelation) {
    const std::string lifecycle = "<lifecycle source=\"#cobalt\">\n"
                                  "<eventRef eId=\"e1\" date=\"2010-02-05\" source=\"#original\" type=\"generation\"/>\n"
                                  "<eventRef eId=\"e2\" date=\"2016-05-01\" source=\"#repeal-0-source\" type=\"repeal\"/>\n"
                                  "</lifecycle>\n";
    const std::string refs = "<original eId=\"original\" href=\"/akn/za-cpt/act/by-law/2010/air-quality\" showAs=\"Original\"/>\n"
                             "<passiveRef eId=\"repeal-0-source\" href=\"/akn/za-cpt/act/by-law/2016/air-quality\" showAs=\"Air Quality By-law, 2016\"/>\n";
    const std::string old_act = za_act("/akn/za-cpt/act/by-law/2010/air-quality", "2010-02-05", "Air Quality By-law, 2010", lifecycle, refs);
    const std::string new_act = za_act("/akn/za-cpt/act/by-law/2016/air-quality", "2016-03-04", "Air Quality By-law, 2016");
    const auto r = import_akn_sources({{"2010.xml", old_act}, {"2016.xml", new_act}});
    ASSERT_TRUE(r.corpus) << all_problems(r);
    // the repealing act, imported in the same set, repeals the old one, dated the event's date
    EXPECT_EQ(relations_of(*r.corpus, "/akn/za-cpt/act/by-law/2016/air-quality/!main"),
              (std::vector<Rel>{{RelationKind::repeals, "/akn/za-cpt/act/by-law/2010/air-quality/!main", d("2016-05-01")}}));
    // and the event itself is still there
    const Document old_doc = doc(*r.corpus, "/akn/za-cpt/act/by-law/2010/air-quality/!main");
    ASSERT_EQ(old_doc.events().size(), 1u);
    EXPECT_EQ(old_doc.events()[0].type, EventType::repeal);
}

TEST(AknPublishers, LawsAfrica_EmptyFRBRauthorHrefIsTheUnknownIssuer) {
    const auto r = import_akn_sources({{"a.xml", za_act("/akn/za/act/2014/10", "2014-06-02", "Some Act, 2014")}});
    ASSERT_TRUE(r.corpus) << all_problems(r);
    EXPECT_EQ(issuer_ids(*r.corpus, "/akn/za/act/2014/10/!main"), std::vector<std::string>{"unknown"});
    EXPECT_EQ(doc(*r.corpus, "/akn/za/act/2014/10/!main").title(), "Some Act, 2014");
}

// ---- the EU ---------------------------------------------------------------------------------------

TEST(AknPublishers, Eu_DocTitleKeepsTheSpaceBetweenDocStageDocTypeAndDocPurpose) {
    const std::string xml = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"") + k_ns + "\">\n" +
                            "<doc name=\"PROP_ACT\">\n<meta>\n<identification source=\"#_\">\n<FRBRWork>\n"
                            "<FRBRthis value=\"/akn/eu/PROP_ACT/2021/206/!main\"/>\n<FRBRuri value=\"/akn/eu/PROP_ACT/2021/206\"/>\n"
                            "<FRBRdate date=\"2021-04-21\" name=\"adoption\"/>\n<FRBRauthor href=\"#commission\"/>\n<FRBRcountry value=\"eu\"/>\n"
                            "</FRBRWork>\n</identification>\n<references source=\"#_\">\n"
                            "<TLCOrganization eId=\"commission\" href=\"http://publications.europa.eu/resource/authority/corporate-body/COM\" showAs=\"European Commission\"/>\n"
                            "</references>\n</meta>\n<preface>\n<longTitle>\n<p>\n"
                            "  <docStage>Proposal for a</docStage>\n  <docType>REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL</docType>\n"
                            "  <docPurpose>laying down harmonised rules on artificial intelligence</docPurpose>\n</p>\n</longTitle>\n"
                            "<p><docTitle><docStage>Proposal for a</docStage> <docType>REGULATION</docType><br/>on AI</docTitle></p>\n"
                            "</preface>\n<mainBody>\n<p>Text.</p>\n</mainBody>\n</doc>\n</akomaNtoso>\n";
    const auto r = import_akn_sources({{"eu.xml", xml}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(doc(*r.corpus, "/akn/eu/PROP_ACT/2021/206/!main").title(), "Proposal for a REGULATION on AI");
    EXPECT_EQ(issuer_ids(*r.corpus, "/akn/eu/PROP_ACT/2021/206/!main"), std::vector<std::string>{"commission"});
}

// ---- the Italian Senate ---------------------------------------------------------------------------

TEST(AknPublishers, SenatoDellaRepubblica_CSD03NamespaceIsReadWithOneWarningPerFile) {
    const std::string xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<an:akomaNtoso xmlns:an=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD03\">\n"
        "<an:act contains=\"originalVersion\">\n<an:meta>\n<an:identification source=\"#redattore\">\n<an:FRBRWork>\n"
        "<an:FRBRthis value=\"http://dati.senato.it/13/Legge/1999/1/main\"/>\n<an:FRBRuri value=\"http://dati.senato.it/13/Legge/1999/1\"/>\n"
        "<an:FRBRdate date=\"1999-01-12\" name=\"approvazione\"/>\n<an:FRBRauthor href=\"#senato\"/>\n<an:FRBRcountry value=\"ita\"/>\n"
        "<an:FRBRnumber value=\"1\"/>\n</an:FRBRWork>\n</an:identification>\n"
        "<an:references source=\"#redattore\">\n"
        "<an:TLCOrganization href=\"/dati.senato.it/osr/Senato\" id=\"senato\" showAs=\"Senato della Repubblica\"/>\n"
        "<an:TLCOrganization href=\"/dati.senato.it/osr/Camera\" id=\"camera\" showAs=\"Camera dei Deputati\"/>\n"
        "</an:references>\n</an:meta>\n<an:preface><an:p><an:docTitle>Disposizioni in materia di ricerca</an:docTitle></an:p></an:preface>\n"
        "<an:body><an:article id=\"art1\"><an:num>1</an:num></an:article></an:body>\n</an:act>\n</an:akomaNtoso>\n";
    const auto r = import_akn_sources({{"senato.xml", xml}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Document a = doc(*r.corpus, "http://dati.senato.it/13/Legge/1999/1/main");
    EXPECT_EQ(a.title(), "Disposizioni in materia di ricerca");
    EXPECT_EQ(a.published(), d("1999-01-12"));
    EXPECT_EQ(issuer_ids(*r.corpus, a.id()), std::vector<std::string>{"senato"});
    std::size_t namespace_warnings = 0;
    for (const Problem& p : r.problems)
        if (p.message.find("CSD03") != std::string::npos) {
            ++namespace_warnings;
            EXPECT_EQ(p.line, 2u);
            EXPECT_EQ(p.severity, Severity::warning);
        }
    EXPECT_EQ(namespace_warnings, 1u) << all_problems(r);
}

TEST(AknPublishers, SenatoDellaRepubblica_AnotherNamespaceIsStillNotAkomaNtoso) {
    const std::string xml = "<?xml version=\"1.0\"?>\n<an:akomaNtoso xmlns:an=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD15\">\n"
                            "<an:act/>\n</an:akomaNtoso>\n";
    const auto r = import_akn_sources({{"x.xml", xml}});
    EXPECT_FALSE(r.corpus);
    ASSERT_EQ(find(r, ProblemCode::unknown_element).size(), 1u) << all_problems(r);
    EXPECT_EQ(r.files_failed, 1u);
}

// ---- what is imported: judgments, debates, bills, collections -------------------------------------

std::string typed(const std::string& type, const std::string& id, const std::string& dates, const std::string& extra_meta = {}) {
    std::string s = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"") + k_ns + "\">\n";
    s += "<" + type + " name=\"" + type + "\">\n<meta>\n<identification source=\"#x\">\n<FRBRWork>\n";
    s += "<FRBRthis value=\"" + id + "\"/>\n<FRBRuri value=\"" + id + "\"/>\n" + dates + "\n<FRBRauthor href=\"#court\"/>\n";
    s += "<FRBRcountry value=\"za\"/>\n</FRBRWork>\n</identification>\n" + extra_meta;
    s += "<references source=\"#x\">\n<TLCOrganization eId=\"court\" href=\"/ontology/organization/za/court\" showAs=\"Court\"/>\n</references>\n";
    s += "</meta>\n<mainBody><p>Text.</p></mainBody>\n</" + type + ">\n</akomaNtoso>\n";
    return s;
}

TEST(AknPublishers, Judgment_DebateAndDebateReport_AreLeftOutWithAWarningNamingTheirType) {
    const std::string date = "<FRBRdate date=\"2008-11-26\" name=\"Delivery\"/>";
    const auto r = import_akn_sources({
        {"judgment.xml", typed("judgment", "/akn/za/judgment/zasca/2008/140", date)},
        {"debate.xml", typed("debate", "/akn/cl/debate/2019/1", date)},
        {"report.xml", typed("debateReport", "/akn/cl/debateReport/2019/2", date)},
        {"act.xml", typed("act", "/akn/za/act/2008/1", date)},
    });
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(r.corpus->document_count(), 1u);
    EXPECT_TRUE(r.corpus->find_document("/akn/za/act/2008/1"));
    const auto bad = find(r, ProblemCode::bad_value);
    ASSERT_EQ(bad.size(), 3u) << all_problems(r);
    EXPECT_NE(bad[0]->message.find("<judgment> is not a normative document"), std::string::npos);
    EXPECT_EQ(bad[0]->line, 3u);  // the document element's line
    EXPECT_NE(bad[1]->message.find("<debate>"), std::string::npos);
    EXPECT_NE(bad[2]->message.find("<debateReport>"), std::string::npos);
    EXPECT_EQ(r.files_left_out, (std::map<std::string, std::size_t>{{"debate", 1}, {"debateReport", 1}, {"judgment", 1}}));
}

TEST(AknPublishers, Bill_IsImportedAsADraft) {
    const auto r = import_akn_sources({{"bill.xml", typed("bill", "/akn/ke/bill/2019/12", "<FRBRdate date=\"2019-05-02\" name=\"Generation\"/>")}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Document b = doc(*r.corpus, "/akn/ke/bill/2019/12");
    EXPECT_FALSE(b.published());  // a bill is not in force
    EXPECT_FALSE(b.effective());
    // a draft by rule, not for want of a date: no warning about one
    EXPECT_EQ(all_problems(r).find("publication date"), std::string::npos) << all_problems(r);
}

TEST(AknPublishers, FRBRdate_DeliveryNotHearingOfSeveral) {
    const std::string dates = "<FRBRdate date=\"2008-11-05\" name=\"Hearing\"/>\n<FRBRdate date=\"2008-11-26\" name=\"Delivery\"/>";
    const auto r = import_akn_sources({{"a.xml", typed("doc", "/akn/za/doc/2008/140", dates)}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(doc(*r.corpus, "/akn/za/doc/2008/140").published(), d("2008-11-26"));
}

TEST(AknPublishers, FRBRdate_TheLifecycleGenerationEventsDateWinsOverTheNames) {
    const std::string dates = "<FRBRdate date=\"2008-11-05\" name=\"Hearing\"/>\n<FRBRdate date=\"2008-11-26\" name=\"Delivery\"/>\n"
                              "<FRBRdate date=\"2008-12-01\" name=\"other\"/>";
    const std::string lifecycle = "<lifecycle source=\"#x\">\n<eventRef eId=\"g\" date=\"2008-12-01\" source=\"#x\" type=\"generation\"/>\n</lifecycle>\n";
    const auto r = import_akn_sources({{"a.xml", typed("doc", "/akn/za/doc/2008/141", dates, lifecycle)}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(doc(*r.corpus, "/akn/za/doc/2008/141").published(), d("2008-12-01"));
}

TEST(AknPublishers, DocumentCollection_ComponentsAreImportedOneByOneAuthorsFromTheCollectionsReferences) {
    const std::string xml = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"") + k_ns + "\">\n" +
        "<documentCollection name=\"gazette\">\n<meta>\n<identification source=\"#x\">\n<FRBRWork>\n"
        "<FRBRthis value=\"/akn/za/officialGazette/2014/1/!main\"/>\n<FRBRuri value=\"/akn/za/officialGazette/2014/1\"/>\n"
        "<FRBRdate date=\"2014-06-02\" name=\"publication\"/>\n<FRBRauthor href=\"#parliament\"/>\n<FRBRcountry value=\"za\"/>\n"
        "</FRBRWork>\n</identification>\n<references source=\"#x\">\n"
        "<TLCOrganization eId=\"parliament\" href=\"/ontology/organization/za/parliament\" showAs=\"Parliament\"/>\n"
        "</references>\n</meta>\n<collectionBody>\n"
        "<component eId=\"c1\">\n<act name=\"act\">\n<meta>\n<identification source=\"#x\">\n<FRBRWork>\n"
        "<FRBRthis value=\"/akn/za/act/2014/10/!main\"/>\n<FRBRuri value=\"/akn/za/act/2014/10\"/>\n"
        "<FRBRdate date=\"2014-06-02\" name=\"Generation\"/>\n<FRBRauthor href=\"#parliament\"/>\n<FRBRcountry value=\"za\"/>\n"
        "</FRBRWork>\n</identification>\n</meta>\n<preface><p><docTitle>Act 10 of 2014</docTitle></p></preface>\n"
        "<body><section eId=\"sec_1\"/></body>\n</act>\n</component>\n"
        "<component eId=\"c2\">\n<judgment name=\"judgment\">\n<meta>\n<identification source=\"#x\">\n<FRBRWork>\n"
        "<FRBRthis value=\"/akn/za/judgment/2014/3\"/>\n<FRBRuri value=\"/akn/za/judgment/2014/3\"/>\n"
        "<FRBRdate date=\"2014-06-02\" name=\"Delivery\"/>\n<FRBRauthor href=\"#parliament\"/>\n<FRBRcountry value=\"za\"/>\n"
        "</FRBRWork>\n</identification>\n</meta>\n<judgmentBody/>\n</judgment>\n</component>\n"
        "<component eId=\"c3\">\n<act name=\"act\">\n<meta>\n<identification source=\"#x\">\n<FRBRWork>\n"
        "<FRBRthis value=\"/akn/za/act/2014/11/!main\"/>\n<FRBRuri value=\"/akn/za/act/2014/11\"/>\n"
        "<FRBRdate date=\"2014-06-02\" name=\"Generation\"/>\n<FRBRauthor href=\"#minister\"/>\n<FRBRcountry value=\"za\"/>\n"
        "</FRBRWork>\n</identification>\n<references source=\"#x\">\n"
        "<TLCOrganization eId=\"minister\" href=\"/ontology/organization/za/minister\" showAs=\"Minister\"/>\n"
        "</references>\n</meta>\n<preface><p><docTitle>Act 11 of 2014</docTitle></p></preface>\n"
        "<body><section eId=\"sec_1\"/></body>\n</act>\n</component>\n"
        "</collectionBody>\n</documentCollection>\n</akomaNtoso>\n";
    const auto r = import_akn_sources({{"gazette.xml", xml}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(r.corpus->document_count(), 2u);  // the two acts; not the collection, not the judgment
    EXPECT_EQ(doc(*r.corpus, "/akn/za/act/2014/10/!main").title(), "Act 10 of 2014");
    EXPECT_EQ(issuer_ids(*r.corpus, "/akn/za/act/2014/10/!main"), std::vector<std::string>{"parliament"});  // the collection's
    EXPECT_EQ(issuer_ids(*r.corpus, "/akn/za/act/2014/11/!main"), std::vector<std::string>{"minister"});    // its own
    EXPECT_FALSE(r.corpus->find_document("/akn/za/judgment/2014/3"));
    EXPECT_TRUE(r.files_left_out.empty());
    EXPECT_EQ(find(r, ProblemCode::bad_value).size(), 1u) << all_problems(r);  // the judgment
}

// ---- numbers: a serial of its issuer's year (SPEC §7) -----------------------------------------------

std::string numbered(const std::string& id, const std::string& date, const std::string& org, const std::string& number) {
    std::string s = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"") + k_ns + "\">\n";
    s += "<act>\n<meta>\n<identification source=\"#" + org + "\">\n<FRBRWork>\n";
    s += "<FRBRthis value=\"" + id + "\"/>\n<FRBRuri value=\"" + id + "\"/>\n<FRBRdate date=\"" + date + "\" name=\"Generation\"/>\n";
    s += "<FRBRauthor href=\"#" + org + "\"/>\n<FRBRcountry value=\"xx\"/>\n<FRBRnumber value=\"" + number + "\"/>\n";
    s += "</FRBRWork>\n</identification>\n<references source=\"#" + org + "\">\n";
    s += "<TLCOrganization eId=\"" + org + "\" href=\"/ontology/organization/" + org + "\" showAs=\"" + org + "\"/>\n</references>\n";
    s += "</meta>\n<preface><p><docTitle>" + id + "</docTitle></p></preface>\n<body><section eId=\"s\"/></body>\n</act>\n</akomaNtoso>\n";
    return s;
}

TEST(AknPublishers, FRBRnumber_ScotlandsAsp2017_1AndTanzaniasAct1977_1KeepTheirNumbers) {
    const auto r = import_akn_sources({{"asp.xml", numbered("/akn/gb-sct/act/asp/2017/1", "2017-01-18", "scottish-parliament", "1")},
                                       {"tz.xml", numbered("/akn/tz/act/1977/1", "1977-04-25", "tz-parliament", "1")},
                                       {"sct2.xml", numbered("/akn/gb-sct/act/asp/2018/1", "2018-01-10", "scottish-parliament", "1")}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(doc(*r.corpus, "/akn/gb-sct/act/asp/2017/1").number(), "1");
    EXPECT_EQ(doc(*r.corpus, "/akn/tz/act/1977/1").number(), "1");         // another issuer
    EXPECT_EQ(doc(*r.corpus, "/akn/gb-sct/act/asp/2018/1").number(), "1");  // the same issuer, another year
    EXPECT_TRUE(find(r, ProblemCode::duplicate_number).empty()) << all_problems(r);
}

TEST(AknPublishers, FRBRnumber_TheSameIssuerAndYearIsADuplicateDroppedFromTheLater) {
    const std::string later = numbered("/akn/gb-sct/act/asp/2017/1b", "2017-03-01", "scottish-parliament", "1");
    const auto r = import_akn_sources({{"asp.xml", numbered("/akn/gb-sct/act/asp/2017/1", "2017-01-18", "scottish-parliament", "1")},
                                       {"later.xml", later}});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(doc(*r.corpus, "/akn/gb-sct/act/asp/2017/1b").number(), "");
    const auto dup = find(r, ProblemCode::duplicate_number);
    ASSERT_EQ(dup.size(), 1u);
    EXPECT_EQ(dup[0]->file, "later.xml");
    EXPECT_EQ(dup[0]->line, line_of(later, "<FRBRnumber"));
}

// ---- the command line: the summary and --verbose ---------------------------------------------------

#ifdef NORMDOC_CLI
TEST(AknPublishersCli, TheSummaryCountsFilesLeftOutByKindAndVerboseWritesEveryLine) {
    const std::string dir = test::scratch_dir("akn_publishers_summary");
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir + "/" + name, std::ios::binary) << text;
        return dir + "/" + name;
    };
    const std::string date = "<FRBRdate date=\"2008-11-26\" name=\"Delivery\"/>";
    std::string lifecycle = "<lifecycle source=\"#source\">\n";
    for (int i = 1; i <= 3; ++i) lifecycle += "<eventRef eId=\"effective-date-" + std::to_string(i) + "\" date=\"2015-01-0" + std::to_string(i) + "\" source=\"#source\"/>\n";
    lifecycle += "</lifecycle>\n";
    const std::vector<std::string> files = {
        write("j1.xml", typed("judgment", "/akn/za/judgment/2008/1", date)),
        write("j2.xml", typed("judgment", "/akn/za/judgment/2008/2", date)),
        write("d.xml", typed("debate", "/akn/cl/debate/2019/1", date)),
        write("uk.xml", uk_act("2014", "27", "Children and Families Act 2014", lifecycle)),
    };
    std::vector<std::string> args = {"import-akn"};
    args.insert(args.end(), files.begin(), files.end());
    args.insert(args.end(), {"-o", dir + "/corpus.xml"});
    const test::CliRun run = test::run_cli(dir, args);
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.err.find("from 1 of 4 files; 3 left out (2 judgment, debate)"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("3 eventRefs without a type, first at line"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("effective-date") == std::string::npos, true);  // nothing of the lines themselves
    std::size_t lines = std::count(run.err.begin(), run.err.end(), '\n');
    EXPECT_EQ(lines, 5u) << run.err;  // 3 left out, 1 counted line, the summary

    args.push_back("--verbose");
    const test::CliRun verbose = test::run_cli(dir, args);
    ASSERT_EQ(verbose.code, 0) << verbose.err;
    EXPECT_EQ(static_cast<std::size_t>(std::count(verbose.err.begin(), verbose.err.end(), '\n')), 7u) << verbose.err;
}
#endif

}  // namespace
}  // namespace normdoc
