// SPEC §9 on real files (tests/data/akn-real/, sources in SOURCES.md): for each, what an importer
// must get from it, read off the file itself: kept or left out, title, publication date, issuers,
// relations.
#include "normdoc/akn.hpp"
#include "normdoc/io.hpp"
#include "normdoc/status.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace normdoc {
namespace {

using test::d;

const std::string k_real = std::string(NORMDOC_TEST_DATA) + "/akn-real/";

AknImportResult import(const std::vector<std::string>& names) {
    std::vector<std::string> paths;
    for (const auto& n : names) paths.push_back(k_real + n);
    return import_akn(paths);
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

std::vector<std::string> issuers(const Corpus& c, std::string_view id) {
    std::vector<std::string> out;
    for (AuthorityId a : doc(c, id).issuers()) out.push_back(std::string(c.authority(a).id()) + "=" + std::string(c.authority(a).name()));
    return out;
}

std::size_t relation_count(const Corpus& c) {
    std::size_t n = 0;
    for (DocumentId id : c.documents()) n += c.relations_from(id).size();
    return n;
}

// Italian Senate, AkomaNtosoBulkData: an amendment (emendamento) in the CSD03 namespace.
TEST(AknReal, SenatoDellaRepubblica_EmendamentoIsLeftOutAndItsCSD03NamespaceRead) {
    const auto r = import({"senato_13_755_emend_1.1.xml"});
    EXPECT_FALSE(r.corpus);  // nothing normative in it
    EXPECT_EQ(r.files_failed, 0u) << all_problems(r);  // read, understood, left out: not an error
    EXPECT_EQ(r.files_left_out, (std::map<std::string, std::size_t>{{"amendment", 1}}));
    bool namespace_warned = false, left_out_warned = false;
    for (const Problem& p : r.problems) {
        EXPECT_EQ(p.severity, Severity::warning) << to_string(p);
        namespace_warned |= p.line == 2 && p.message.find("/CSD03") != std::string::npos;
        left_out_warned |= p.line == 3 && p.message.find("<amendment> is not a normative document") != std::string::npos;
    }
    EXPECT_TRUE(namespace_warned) << all_problems(r);
    EXPECT_TRUE(left_out_warned) << all_problems(r);
}

// OASIS LegalDocML examples (UN/DESA, CIRSFID), as akomantoso-lib keeps them: a memorandum doc,
// in the committee draft CSD13 namespace and in the 3.0 release namespace; references by wId.
TEST(AknReal, OasisExample_MemorandumDocInCSD13AndIn30) {
    for (const std::string file : {"oasis_memorandum_csd13.xml", "oasis_memorandum_30.xml"}) {
        const auto r = import({file});
        ASSERT_TRUE(r.ok()) << file << "\n" << all_problems(r);
        const Corpus& c = *r.corpus;
        ASSERT_EQ(c.document_count(), 1u);
        const std::string id = "/ak/bill/2010-07-10/B24/memorandum";
        EXPECT_EQ(doc(c, id).title(), "MEMORANDUM ON THE OBJECTS OF THE HIGHER EDUCATION LAWS AMENDMENT BILL, 2010") << file;
        EXPECT_EQ(doc(c, id).published(), d("2010-07-10")) << file;  // FRBRdate "Enactment"
        EXPECT_EQ(issuers(c, id), std::vector<std::string>{"parliament=Parliament"}) << file;
        EXPECT_EQ(relation_count(c), 0u);
        const bool csd = file.find("csd13") != std::string::npos;
        EXPECT_EQ(all_problems(r).find("CSD13") != std::string::npos, csd) << all_problems(r);
    }
}

// Laws.Africa / Indigo: three acts as Indigo stores them; 2001/8's lifecycle says 2014/10 repealed it.
TEST(AknReal, LawsAfrica_IndigoActsWithALifecycleRepealByAnActOfTheSet) {
    const auto r = import({"lawsafrica_za_act_2014_10.xml", "lawsafrica_za_act_2001_8_repealed.xml", "lawsafrica_za_act_2010_1_amended.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Corpus& c = *r.corpus;
    EXPECT_EQ(c.document_count(), 3u);

    const std::string water = "/akn/za/act/2014/10/!main", repealed = "/akn/za/act/2001/8/!main", amended = "/akn/za/act/2010/1/!main";
    EXPECT_EQ(doc(c, water).title(), "This is a title");  // an FRBRalias without a name
    EXPECT_EQ(doc(c, water).published(), d("2014-02-12"));
    EXPECT_EQ(issuers(c, water), std::vector<std::string>{"unknown=unknown issuer"});  // "#council", but no references

    EXPECT_EQ(doc(c, repealed).title(), "Repealed Act");
    EXPECT_EQ(doc(c, repealed).published(), d("2001-05-02"));
    ASSERT_EQ(doc(c, repealed).events().size(), 1u);
    EXPECT_EQ(doc(c, repealed).events()[0].type, EventType::repeal);
    EXPECT_EQ(doc(c, repealed).events()[0].date, d("2014-02-12"));
    // the repeal event's source, /akn/za/act/2014/10, is imported: a repeals relation from it
    const auto from_water = c.relations_from(*c.find_document(water));
    ASSERT_EQ(from_water.size(), 1u);
    EXPECT_EQ((*from_water.begin()).kind, RelationKind::repeals);
    EXPECT_EQ(c.document((*from_water.begin()).target).id(), repealed);
    EXPECT_EQ((*from_water.begin()).date, d("2014-02-12"));
    EXPECT_EQ(status_of(c, *c.find_document(repealed), d("2014-02-12")).status, Status::repealed);

    EXPECT_EQ(doc(c, amended).title(), "Act with amendments");
    EXPECT_EQ(doc(c, amended).published(), d("2010-06-01"));
    EXPECT_EQ(issuers(c, amended), std::vector<std::string>{"council=Council"});
    ASSERT_EQ(doc(c, amended).events().size(), 1u);
    EXPECT_EQ(doc(c, amended).events()[0].type, EventType::amendment);
    EXPECT_EQ(doc(c, amended).events()[0].source, "/akn/za/act/2011/1");  // not imported: the event only
    EXPECT_EQ(relation_count(c), 1u);
}

// Indigo's PDF test input: a bare year in FRBRdate, the date in <publication>, an empty author.
TEST(AknReal, Indigo_BareYearFRBRdateTakesThePublicationDate) {
    const auto r = import({"indigo_za_act_2023_724.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Corpus& c = *r.corpus;
    const std::string id = "/akn/za/act/2023/724/!main";
    EXPECT_EQ(doc(c, id).title(), "A Whole New Work, 2023");
    EXPECT_EQ(doc(c, id).number(), "724");
    EXPECT_EQ(doc(c, id).published(), d("2023-03-31"));
    EXPECT_EQ(issuers(c, id), std::vector<std::string>{"unknown=unknown issuer"});
}

// Indigo's eId test fixture: an act with a schedule attached as a <doc> of its own.
TEST(AknReal, Indigo_AnAttachedScheduleIsPartOfTheActNotADocument) {
    const auto r = import({"indigo_za_act_1980_01_attachment.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Corpus& c = *r.corpus;
    EXPECT_EQ(c.document_count(), 1u);
    const std::string id = "/za/act/1980/01/main";
    EXPECT_EQ(doc(c, id).title(), "Short Title");
    EXPECT_EQ(doc(c, id).published(), d("1980-01-01"));
    EXPECT_EQ(issuers(c, id), std::vector<std::string>{"council=Council"});
}

// UK National Archives, Find Case Law: a judgment, with the court in its own proprietary elements.
TEST(AknReal, NationalArchives_JudgmentIsLeftOut) {
    const auto r = import({"tna_caselaw_uksc_2024_1234_judgment.xml", "lawsafrica_za_act_2014_10.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(r.corpus->document_count(), 1u);
    EXPECT_FALSE(r.corpus->find_document("https://caselaw.nationalarchives.gov.uk/id/uksc/2024/1234"));
    EXPECT_EQ(r.files_left_out, (std::map<std::string, std::size_t>{{"judgment", 1}}));
    ASSERT_FALSE(r.problems.empty());
    EXPECT_EQ(r.problems.front().line, 3u);
    EXPECT_NE(r.problems.front().message.find("<judgment>"), std::string::npos);
}

// Laws.Africa / Indigo, Tanzania: the Constitution of 1977 in Swahili (trimmed: SOURCES.md). The
// work's FRBRdate is a bare year and <publication date="0001-01-01">, which SPEC §7 refuses: no
// published date (a draft, warned); the title from the FRBRalias; two appendices attached as docs.
TEST(AknReal, LawsAfrica_TanzaniaBareYearAndPublication00010101AreNoPublishedDate) {
    const auto r = import({"indigo_tz_act_1977_1_swahili_trimmed.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Corpus& c = *r.corpus;
    EXPECT_EQ(c.document_count(), 1u);  // the appendices are part of the act
    const std::string id = "/akn/tz/act/1977/1/!main";
    EXPECT_EQ(doc(c, id).title(), "Katiba ya Jamhuri ya Muungano wa Tanzania, ya Mwaka");
    EXPECT_FALSE(doc(c, id).published());
    EXPECT_FALSE(doc(c, id).effective());
    EXPECT_EQ(issuers(c, id), std::vector<std::string>{"unknown=unknown issuer"});  // FRBRauthor href=""
    EXPECT_EQ(doc(c, id).number(), "1");  // the appendices' FRBRnumber 1 is theirs: no duplicate
    EXPECT_EQ(relation_count(c), 0u);
    bool bad_date = false;
    for (const Problem& p : r.problems)
        bad_date |= p.code == ProblemCode::bad_date && p.line == 28 && p.message.find("0001-01-01") != std::string::npos;
    EXPECT_TRUE(bad_date) << all_problems(r);
}

// ---- legislation.gov.uk (its data.akn, as the lgu2 API serves it) -------------------------------

std::size_t count(const AknImportResult& r, Severity severity, ProblemCode code) {
    std::size_t n = 0;
    for (const Problem& p : r.problems) n += p.severity == severity && p.code == code;
    return n;
}

// A whole Act of the Northern Ireland Assembly as enacted: docTitle in the preface, FRBRdate
// "enacted", the author a URL and no TLCOrganization, one typeless eventRef.
TEST(AknReal, LegislationGovUk_NiaEnacted_DocTitleEnactedDateAndTheAuthorUrlAsIssuer) {
    const auto r = import({"legislation_gov_uk_nia_2022_21_enacted.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Corpus& c = *r.corpus;
    ASSERT_EQ(c.document_count(), 1u);
    const std::string id = "http://www.legislation.gov.uk/id/nia/2022/21";
    EXPECT_EQ(doc(c, id).title(), "School Age Act (Northern Ireland) 2022");
    EXPECT_EQ(doc(c, id).number(), "21");
    EXPECT_EQ(doc(c, id).kind(), DocumentKind::other);  // no FRBRsubtype, no --kind
    EXPECT_EQ(doc(c, id).published(), d("2022-04-27"));
    EXPECT_EQ(doc(c, id).effective(), d("2022-04-27"));  // no coming-into-force eventRef: the published date
    EXPECT_EQ(issuers(c, id),
              std::vector<std::string>{"NorthernIrelandAssembly=http://www.legislation.gov.uk/id/legislature/NorthernIrelandAssembly"});
    EXPECT_EQ(relation_count(c), 0u);
    EXPECT_TRUE(doc(c, id).events().empty());
    // The enactment eventRef has no type: one BAD_VALUE warning at its line, and nothing else.
    ASSERT_EQ(r.problems.size(), 1u) << all_problems(r);
    EXPECT_EQ(r.problems[0].code, ProblemCode::bad_value);
    EXPECT_EQ(r.problems[0].line, 32u);
}

// A revised (point-in-time) version of a 1943 Act: the work's FRBRdate (enacted 1943-11-11) is
// the published date, not the expression's validFrom (1991-02-01).
TEST(AknReal, LegislationGovUk_RevisedUkpga1943_TheWorkDateNotTheVersionDate) {
    const auto r = import({"legislation_gov_uk_ukpga_1943_48_1991-02-01.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Corpus& c = *r.corpus;
    const std::string id = "http://www.legislation.gov.uk/id/ukpga/1943/48";
    EXPECT_EQ(doc(c, id).title(), "Parliament (Elections and Meeting) Act 1943");
    EXPECT_EQ(doc(c, id).number(), "48");
    EXPECT_EQ(doc(c, id).published(), d("1943-11-11"));
    EXPECT_EQ(doc(c, id).effective(), d("1943-11-11"));
    EXPECT_EQ(issuers(c, id),
              std::vector<std::string>{"UnitedKingdomParliament=http://www.legislation.gov.uk/id/legislature/UnitedKingdomParliament"});
    EXPECT_EQ(relation_count(c), 0u);
    EXPECT_EQ(count(r, Severity::warning, ProblemCode::missing), 0u) << all_problems(r);  // a title, an issuer, a date
}

// One regulation of a Scottish SI as made: a fragment (no docTitle: the title is the FRBRuri,
// with a warning), FRBRsubtype "regulation" (no normdoc kind: --kind gives it), and the coming
// into force as legislation.gov.uk writes it today: eId "date-cif-1", refersTo "#coming-into-force".
TEST(AknReal, LegislationGovUk_SsiMade_ComingIntoForceEventRefGivesEffective) {
    AknImportOptions options;
    options.kind = DocumentKind::rule;
    const auto r = import_akn({k_real + "legislation_gov_uk_ssi_2025_281_regulation_1_made.xml"}, options);
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Corpus& c = *r.corpus;
    const std::string id = "http://www.legislation.gov.uk/id/ssi/2025/281";
    EXPECT_EQ(doc(c, id).title(), "http://www.legislation.gov.uk/id/ssi/2025/281");
    EXPECT_EQ(doc(c, id).number(), "281");
    EXPECT_EQ(doc(c, id).kind(), DocumentKind::rule);
    EXPECT_EQ(doc(c, id).published(), d("2025-10-09"));  // FRBRdate "made"
    EXPECT_EQ(doc(c, id).effective(), d("2025-10-10"));  // the coming-into-force eventRef
    EXPECT_EQ(issuers(c, id), std::vector<std::string>{"scotland=http://www.legislation.gov.uk/id/government/scotland"});
    EXPECT_EQ(count(r, Severity::warning, ProblemCode::missing), 1u) << all_problems(r);  // the title
    EXPECT_EQ(count(r, Severity::warning, ProblemCode::bad_value), 2u) << all_problems(r);  // two typeless eventRefs
    // Condensed: the two typeless eventRefs are one line with their count.
    std::size_t typeless_lines = 0;
    for (const Problem& p : condensed_problems(r)) typeless_lines += p.code == ProblemCode::bad_value;
    EXPECT_EQ(typeless_lines, 1u);
}

// EU legislation as legislation.gov.uk holds it (eudr: an EU Regulation): FRBRauthor href="".
TEST(AknReal, LegislationGovUk_EuRegulationWithAnEmptyAuthorIsIssuedByUnknown) {
    const auto r = import({"legislation_gov_uk_eudr_2020_2089_article_1.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    const Corpus& c = *r.corpus;
    const std::string id = "http://www.legislation.gov.uk/id/eudr/2020/2089";
    EXPECT_EQ(doc(c, id).number(), "2089");
    EXPECT_EQ(doc(c, id).published(), d("2020-12-11"));  // FRBRdate "adopted"
    EXPECT_EQ(issuers(c, id), std::vector<std::string>{"unknown=unknown issuer"});
    EXPECT_EQ(doc(c, id).title(), "http://www.legislation.gov.uk/id/eudr/2020/2089");  // an article: no docTitle
}

// The four together: one authority per author href, no number taken for a duplicate.
TEST(AknReal, LegislationGovUk_AllTogether) {
    const auto r = import({"legislation_gov_uk_nia_2022_21_enacted.xml", "legislation_gov_uk_ukpga_1943_48_1991-02-01.xml",
                           "legislation_gov_uk_ssi_2025_281_regulation_1_made.xml", "legislation_gov_uk_eudr_2020_2089_article_1.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(r.corpus->document_count(), 4u);
    EXPECT_EQ(r.corpus->authority_count(), 4u);  // NorthernIrelandAssembly, UnitedKingdomParliament, scotland, unknown
    EXPECT_EQ(count(r, Severity::warning, ProblemCode::duplicate_number), 0u);
    EXPECT_EQ(count(r, Severity::warning, ProblemCode::unknown_ref), 0u);
}

// ---- the EU: LEOS, the European Commission's editor (AKN4EU) ------------------------------------

// A LEOS proposal package: a documentCollection "PROP_ACT" whose components are documentRefs to
// the memorandum and the bill in files of their own. Nothing normative is embedded: left out.
TEST(AknReal, Leos_ProposalCollectionOfDocumentRefsIsLeftOut) {
    const auto r = import({"leos_proposal_prop_act_collection.xml"});
    EXPECT_FALSE(r.corpus);
    EXPECT_EQ(r.files_failed, 0u) << all_problems(r);
    EXPECT_EQ(r.files_left_out, (std::map<std::string, std::size_t>{{"documentCollection", 1}}));
    ASSERT_EQ(r.problems.size(), 1u) << all_problems(r);
    EXPECT_EQ(r.problems[0].severity, Severity::warning);
    EXPECT_EQ(r.problems[0].line, 3u);
}

// LEOS's template for a proposal for a regulation (BL-023): a bill whose FRBRthis, FRBRuri and
// FRBRauthor are empty until publication. No work identification: an error for this file only.
TEST(AknReal, Leos_RegulationBillTemplateWithEmptyFRBRthisIsAFileError) {
    const auto r = import({"leos_template_bl_023_regulation_bill.xml", "legislation_gov_uk_nia_2022_21_enacted.xml"});
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.files_failed, 1u);
    ASSERT_TRUE(r.corpus) << all_problems(r);  // the other file is still imported
    EXPECT_EQ(r.corpus->document_count(), 1u);
    ASSERT_FALSE(r.problems.empty());
    EXPECT_EQ(r.problems[0].severity, Severity::error);
    EXPECT_EQ(r.problems[0].code, ProblemCode::missing);
    EXPECT_EQ(r.problems[0].line, 7u);  // <FRBRWork>
    EXPECT_NE(r.problems[0].file.find("leos_template_bl_023"), std::string::npos);
}

// All of them at once: the two OASIS files are one work (the first is kept), the rest as above.
TEST(AknReal, AllTogether) {
    const auto r = import({"senato_13_755_emend_1.1.xml", "oasis_memorandum_csd13.xml", "oasis_memorandum_30.xml", "lawsafrica_za_act_2014_10.xml",
                           "lawsafrica_za_act_2001_8_repealed.xml", "lawsafrica_za_act_2010_1_amended.xml", "indigo_za_act_2023_724.xml",
                           "indigo_za_act_1980_01_attachment.xml", "tna_caselaw_uksc_2024_1234_judgment.xml"});
    ASSERT_TRUE(r.ok()) << all_problems(r);
    EXPECT_EQ(r.corpus->document_count(), 6u);
    std::size_t duplicates = 0;
    for (const Problem& p : r.problems) duplicates += p.code == ProblemCode::duplicate_id;
    EXPECT_EQ(duplicates, 1u) << all_problems(r);
    EXPECT_EQ(r.files_left_out, (std::map<std::string, std::size_t>{{"amendment", 1}, {"judgment", 1}}));
}

// Every real file at once, in directory order: what each gives is what it gives alone.
TEST(AknReal, EveryRealFileTogether) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(k_real))
        if (entry.path().extension() == ".xml") files.push_back(entry.path().filename().string());
    std::sort(files.begin(), files.end());
    ASSERT_EQ(files.size(), 16u);
    const auto r = import(files);
    ASSERT_TRUE(r.corpus) << all_problems(r);
    // OASIS 1 (the other is the same work), Laws.Africa 3, Indigo 2, Tanzania 1, legislation.gov.uk 4
    EXPECT_EQ(r.corpus->document_count(), 11u);
    EXPECT_EQ(r.files_failed, 1u);  // the LEOS template
    EXPECT_EQ(r.files_left_out, (std::map<std::string, std::size_t>{{"amendment", 1}, {"documentCollection", 1}, {"judgment", 1}}));
    EXPECT_EQ(count(r, Severity::warning, ProblemCode::duplicate_id), 1u) << all_problems(r);
    EXPECT_EQ(count(r, Severity::warning, ProblemCode::duplicate_number), 0u) << all_problems(r);
    EXPECT_EQ(relation_count(*r.corpus), 1u);  // Laws.Africa's lifecycle repeal
}

}  // namespace
}  // namespace normdoc
