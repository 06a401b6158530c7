// SPEC §13: the clean-up annex as a web page (`cleanup --format html`) and a workbook (`--format
// xlsx`), read back by other programs: the page rendered by a real browser (headless Chromium,
// Debian's `chromium`), the workbook opened by Python's zipfile and XML parser. Each is checked
// against the CSV of the same clean-up: the same documents with the same numbers and actions, in
// the order of 文号 (SPEC §13, worked out here again from the corpus, not taken from the program).
#include "normdoc/builder.hpp"
#include "normdoc/io.hpp"
#include "report/cleanup_html.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace normdoc {
namespace {

#ifdef NORMDOC_CLI

using test::read_text;
using test::run_cli;
using test::scratch_dir;

const std::string k_example = std::string(NORMDOC_SOURCE_DIR) + "/examples/jiangyin.xml";

// ---- reading CSV (RFC 4180) ------------------------------------------------------------------

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        any = true;
        if (c == '"') quoted = true;
        else if (c == ',') row.push_back(std::move(field)), field.clear();
        else if (c == '\n') {
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
            any = false;
        } else field += c;
    }
    if (any) row.push_back(field), rows.push_back(row);
    return rows;
}

// One row of `cleanup --format csv`: id,number,status,action,findings.
struct Expected {
    std::string id, number, action;
};

// ---- SPEC §13's order, worked out again ------------------------------------------------------

// Strongest action first (SPEC §6's order), the annex's tables one after another.
int action_rank(const std::string& a) {
    static const std::vector<std::string> order{"repeal", "declare-invalid", "amend", "evaluate", "retain"};
    return static_cast<int>(std::find(order.begin(), order.end(), a) - order.begin());
}

// "澄科发〔2013〕15号" → agency 澄科发, year 2013, serial 15.
struct NumberKey {
    std::string agency;
    long year = 0, serial = 0;
};
NumberKey number_key(const std::string& number) {
    static const std::regex pattern(R"(^(.*?)(〔|\[|（)([0-9]{4})(〕|\]|）)([0-9]*))");
    std::smatch m;
    NumberKey k;
    if (std::regex_search(number, m, pattern)) {
        k.agency = m[1];
        k.year = std::stol(m[3]);
        k.serial = m[5].length() ? std::stol(m[5]) : 0;
    }
    return k;
}

// The CSV's rows in the annex's order: by action table, then first issuer (in the corpus's order
// of authorities), then 发文字号 (agency, year and serial as numbers), documents without one last.
std::vector<Expected> in_annex_order(const Corpus& corpus, std::vector<Expected> rows) {
    auto key = [&](const Expected& e) {
        const Document doc = corpus.document(*corpus.find_document(e.id));
        const NumberKey n = number_key(e.number);
        return std::make_tuple(action_rank(e.action), doc.issuers()[0].index(), e.number.empty(), n.agency, n.year,
                               n.serial, e.number, e.id);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Expected& a, const Expected& b) { return key(a) < key(b); });
    return rows;
}

std::vector<Expected> expected_rows(const std::string& dir, const std::string& corpus_path, const std::vector<std::string>& extra,
                                    const Corpus& corpus, const std::string& as_of = "2018-11-30") {
    std::vector<std::string> args{"cleanup", corpus_path, "--as-of", as_of, "--format", "csv", "-o", dir + "/annex.csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    const test::CliRun r = run_cli(dir, args);
    EXPECT_EQ(r.code, 0) << r.err;
    const auto csv = parse_csv(read_text(dir + "/annex.csv"));
    EXPECT_FALSE(csv.empty());
    std::vector<Expected> rows;
    for (std::size_t i = 1; i < csv.size(); ++i) rows.push_back({csv[i].at(0), csv[i].at(1), csv[i].at(3)});
    return in_annex_order(corpus, rows);
}

Corpus load(const std::string& path) {
    LoadResult r = read_corpus_file(path);
    EXPECT_TRUE(r.corpus) << path;
    return r.corpus ? *r.corpus : Corpus();
}

// ---- the browser -----------------------------------------------------------------------------

bool have(const char* program) { return std::system((std::string("command -v ") + program + " > /dev/null 2>&1").c_str()) == 0; }

// Chromium headless on a page, with its own profile (tests run in parallel), no name resolution
// (every host maps to nothing) and its network log; `what` is --dump-dom or --screenshot=….
int chromium(const std::string& dir, const std::string& page, const std::string& what, const std::string& out) {
    const std::string profile = dir + "/chromium-profile";
    const std::string cmd = "timeout 90 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "
                            "--disable-background-networking --disable-component-update --disable-sync "
                            "--user-data-dir=" + profile + " --host-resolver-rules='MAP * ~NOTFOUND' "
                            "--window-size=1280,1600 --log-net-log=" + dir + "/net-log.json " + what +
                            " 'file://" + page + "' > " + out + " 2> " + dir + "/chromium.err";
    return std::system(cmd.c_str());
}

// The requests the page made, from Chromium's network log (one event a line): every URL request
// whose network isolation key or site for cookies is the file:// page. Chromium's own background
// requests (updates, accounts) have other keys and are not the page's.
std::vector<std::string> page_requests(const std::string& net_log) {
    std::vector<std::string> urls;
    std::istringstream in(net_log);
    std::string line;
    static const std::regex url(R"re("url":"([^"]*)")re");
    while (std::getline(in, line)) {
        if (line.find("\"network_isolation_key\":\"file://") == std::string::npos &&
            line.find("SiteForCookies: {site=file://") == std::string::npos)
            continue;
        std::smatch m;
        if (std::regex_search(line, m, url)) urls.push_back(m[1]);
    }
    return urls;
}

std::string unescape_html(std::string s) {
    static const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + std::string(to).size()))
            s.replace(at, std::string(from).size(), to);
    return s;
}

struct RenderedRow {
    std::string id, action;
    std::vector<std::string> cells;  // text of each <td>
};

// The annex's rows as the browser's DOM holds them after loading the page.
std::vector<RenderedRow> rendered_rows(const std::string& dom) {
    static const std::regex row(R"re(<tr data-id="([^"]*)" data-action="([^"]*)">([\s\S]*?)</tr>)re");
    static const std::regex cell(R"re(<td[^>]*>([\s\S]*?)</td>)re");
    std::vector<RenderedRow> rows;
    for (auto it = std::sregex_iterator(dom.begin(), dom.end(), row); it != std::sregex_iterator(); ++it) {
        RenderedRow r{unescape_html((*it)[1]), (*it)[2], {}};
        const std::string body = (*it)[3];
        for (auto c = std::sregex_iterator(body.begin(), body.end(), cell); c != std::sregex_iterator(); ++c)
            r.cells.push_back(unescape_html((*c)[1]));
        rows.push_back(std::move(r));
    }
    return rows;
}

// 清理意见 of each action (SPEC §13's column), as the seed report and a legal office's annex word it.
std::string opinion(const std::string& action) {
    static const std::map<std::string, std::string> words{
        {"repeal", "拟废止"}, {"declare-invalid", "拟宣布失效"}, {"amend", "拟修改"}, {"evaluate", "需评估"}, {"retain", "继续有效"}};
    return words.at(action);
}

// 制定机关: every issuer of a joint document, joined with 、.
std::string issuer_names(const Corpus& corpus, const Document& doc) {
    std::string out;
    for (AuthorityId a : doc.issuers()) out += (out.empty() ? "" : "、") + std::string(corpus.authority(a).name());
    return out;
}

void expect_rows_match(const std::vector<RenderedRow>& rendered, const std::vector<Expected>& expected, const Corpus& corpus) {
    ASSERT_EQ(rendered.size(), expected.size());
    std::map<std::string, int> serial;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const RenderedRow& r = rendered[i];
        const Expected& e = expected[i];
        SCOPED_TRACE("row " + std::to_string(i) + ": " + e.id);
        EXPECT_EQ(r.id, e.id);
        EXPECT_EQ(r.action, e.action);
        ASSERT_EQ(r.cells.size(), 6u);  // 序号, 文件名称, 文号, 制定机关, 清理意见, 理由
        EXPECT_EQ(r.cells[0], std::to_string(++serial[e.action]));  // 序号 counts within its table
        EXPECT_EQ(r.cells[1], std::string(corpus.document(*corpus.find_document(e.id)).title()));
        EXPECT_EQ(r.cells[2], e.number);
        EXPECT_EQ(r.cells[3], issuer_names(corpus, corpus.document(*corpus.find_document(e.id))));
        EXPECT_EQ(r.cells[4], opinion(e.action));
    }
}

TEST(CleanupHtml, ChromiumRendersEveryRowOfTheCsvInTheOrderOfWenhaoAndFetchesNothing) {
    if (!have("chromium")) GTEST_SKIP() << "chromium is not installed (scripts/bootstrap installs Debian's chromium)";
    const std::string dir = scratch_dir("cleanup-html-chromium");
    const Corpus corpus = load(k_example);
    const std::vector<Expected> expected = expected_rows(dir, k_example, {}, corpus);
    ASSERT_GT(expected.size(), 30u);

    const test::CliRun r = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--format", "html", "-o", dir + "/annex.html"});
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_EQ(chromium(dir, dir + "/annex.html", "--dump-dom", dir + "/dom.html"), 0) << read_text(dir + "/chromium.err");
    const std::string dom = read_text(dir + "/dom.html");
    ASSERT_NE(dom.find("规范性文件清理结果"), std::string::npos) << dom.substr(0, 500);
    expect_rows_match(rendered_rows(dom), expected, corpus);

    // Nothing from elsewhere: the page asked the network for nothing, and names no resource.
    EXPECT_EQ(page_requests(read_text(dir + "/net-log.json")), std::vector<std::string>{});
    const std::string page = read_text(dir + "/annex.html");
    for (const char* outside : {"http:", "https:", "//", "<script", "<link", "@import", "<img", "<iframe", "src="})
        EXPECT_EQ(page.find(outside), std::string::npos) << outside;
    // The inline SVG picture of the documents to be ended is there and drawn by the browser.
    EXPECT_NE(dom.find("<svg"), std::string::npos);
}

// The same on a generated corpus (normdoc generate: many issuers, joint documents, numbers of
// every agency, documents without a number): a few hundred rows in the order of 文号.
std::string generated_corpus(const std::string& dir) {
    const test::CliRun g = run_cli(dir, {"generate", "--documents", "600", "--seed", "17", "-o", dir + "/generated.xml"});
    EXPECT_EQ(g.code, 0) << g.err;
    return dir + "/generated.xml";
}

TEST(CleanupHtml, ChromiumRendersAGeneratedCorpusInTheOrderOfWenhao) {
    if (!have("chromium")) GTEST_SKIP() << "chromium is not installed (scripts/bootstrap installs Debian's chromium)";
    const std::string dir = scratch_dir("cleanup-html-generated");
    const std::string path = generated_corpus(dir);
    const Corpus corpus = load(path);
    const std::vector<Expected> expected = expected_rows(dir, path, {}, corpus, "2020-06-30");
    ASSERT_GT(expected.size(), 300u);
    const test::CliRun r = run_cli(dir, {"cleanup", path, "--as-of", "2020-06-30", "--format", "html", "-o", dir + "/annex.html"});
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_EQ(chromium(dir, dir + "/annex.html", "--dump-dom", dir + "/dom.html"), 0) << read_text(dir + "/chromium.err");
    expect_rows_match(rendered_rows(read_text(dir + "/dom.html")), expected, corpus);
    EXPECT_EQ(page_requests(read_text(dir + "/net-log.json")), std::vector<std::string>{});
}

// The network check above can fail: a page with an outside image and style sheet is caught.
TEST(CleanupHtml, TheNetworkCheckSeesAPageThatFetchesFromElsewhere) {
    if (!have("chromium")) GTEST_SKIP() << "chromium is not installed (scripts/bootstrap installs Debian's chromium)";
    const std::string dir = scratch_dir("cleanup-html-outside");
    test::write_file(dir + "/outside.html", "<!DOCTYPE html><html><body><img src=\"https://example.com/x.png\">"
                                            "<link rel=\"stylesheet\" href=\"http://example.org/a.css\"></body></html>");
    ASSERT_EQ(chromium(dir, dir + "/outside.html", "--dump-dom", dir + "/dom.html"), 0) << read_text(dir + "/chromium.err");
    const std::vector<std::string> urls = page_requests(read_text(dir + "/net-log.json"));
    EXPECT_NE(std::find(urls.begin(), urls.end(), "https://example.com/x.png"), urls.end());
    EXPECT_NE(std::find(urls.begin(), urls.end(), "http://example.org/a.css"), urls.end());
}

// Titles, numbers and names are text, never markup: a title holding <script>, & and quotes is
// shown as written and runs nothing.
TEST(CleanupHtml, EverythingIsEscaped) {
    const std::string dir = scratch_dir("cleanup-html-escaped");
    CorpusBuilder b;
    b.authority("gov", "A&B \"市\" <政府>", AuthorityKind::government);
    b.document("d1", DocumentKind::normative, "关于<script>alert('x')</script>&amp;的通知").issuer("gov")
        .number("澄政发〔2010〕1号<b>").dates("2010-01-01");
    LoadResult built = b.build();
    ASSERT_TRUE(built.corpus);
    save_corpus(*built.corpus, dir + "/c.xml");
    const test::CliRun r = run_cli(dir, {"cleanup", dir + "/c.xml", "--as-of", "2018-11-30", "--format", "html"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.find("<script"), std::string::npos);
    EXPECT_EQ(r.out.find("<b>"), std::string::npos);
    EXPECT_NE(r.out.find("关于&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;的通知"), std::string::npos);
    EXPECT_NE(r.out.find("A&amp;B &quot;市&quot; &lt;政府&gt;"), std::string::npos);

    if (!have("chromium")) GTEST_SKIP() << "chromium is not installed: the escaping was checked in the text only";
    test::write_file(dir + "/annex.html", r.out);
    ASSERT_EQ(chromium(dir, dir + "/annex.html", "--dump-dom", dir + "/dom.html"), 0) << read_text(dir + "/chromium.err");
    const std::vector<RenderedRow> rows = rendered_rows(read_text(dir + "/dom.html"));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].cells.at(1), "关于<script>alert('x')</script>&amp;的通知");
    EXPECT_EQ(rows[0].cells.at(2), "澄政发〔2010〕1号<b>");
    EXPECT_EQ(rows[0].cells.at(3), "A&B \"市\" <政府>");
}

// SPEC §13: the page's inline SVG picture shows the documents to be ended and the documents that
// rest on them; past the limit it says how many more there are (the tables list them all).
TEST(CleanupHtml, ThePictureShowsTheDocumentsToBeEndedAndWhatRestsOnThem) {
    CorpusBuilder b;
    b.authority("gov", "江阴市人民政府", AuthorityKind::government);
    b.document("old", DocumentKind::normative, "旧办法").issuer("gov").number("澄政发〔2010〕1号").dates("2010-01-01");
    b.document("rests", DocumentKind::normative, "实施细则").issuer("gov").number("澄政发〔2018〕2号").dates("2018-01-01").based_on("old");
    b.document("other", DocumentKind::normative, "另一旧办法").issuer("gov").number("澄政发〔2011〕3号").dates("2011-01-01");
    LoadResult built = b.build();
    ASSERT_TRUE(built.corpus);
    const CleanupResult r = cleanup(*built.corpus, test::d("2018-11-30"), CleanupScope::all());
    ASSERT_TRUE(is_ending(r.find(*built.corpus->find_document("old"))->action));
    ASSERT_TRUE(is_ending(r.find(*built.corpus->find_document("other"))->action));

    const report::Messages zh(report::Lang::zh);
    std::ostringstream all;
    report::write_cleanup_html(all, r, zh);
    const std::string page = all.str();
    const std::size_t from = page.find("<svg"), to = page.find("</svg>");
    ASSERT_NE(from, std::string::npos);
    const std::string svg = page.substr(from, to - from);
    for (const char* number : {"澄政发〔2010〕1号", "澄政发〔2018〕2号", "澄政发〔2011〕3号"}) EXPECT_NE(svg.find(number), std::string::npos) << number;
    EXPECT_NE(svg.find("marker-end"), std::string::npos);  // the arrow from the dependent to its basis
    EXPECT_EQ(svg.find("另有"), std::string::npos);

    // "rests" loses its only basis, so it is to be repealed too: three documents to be ended, the
    // repeal first (the tables' order), then the two declared invalid.
    EXPECT_EQ(r.find(*built.corpus->find_document("rests"))->action, Action::repeal);
    report::CleanupHtmlOptions one;
    one.picture_limit = 1;
    std::ostringstream limited;
    report::write_cleanup_html(limited, r, zh, one);
    const std::string small = limited.str().substr(limited.str().find("<svg"));
    EXPECT_NE(small.find("另有 2 份"), std::string::npos);
    EXPECT_NE(small.substr(0, small.find("</svg>")).find("澄政发〔2018〕2号"), std::string::npos);
    EXPECT_EQ(small.substr(0, small.find("</svg>")).find("澄政发〔2011〕3号"), std::string::npos);
    EXPECT_NE(small.find("澄政发〔2011〕3号"), std::string::npos);  // still in its table
}

// SPEC §13: printable. The print style sheet repeats a table's header on each page, starts each
// table after the first on a new page, and names Chinese fonts with fallbacks.
TEST(CleanupHtml, PrintStyleSheetRepeatsTheHeaderAndBreaksBetweenTables) {
    const std::string dir = scratch_dir("cleanup-html-print");
    const test::CliRun r = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--format", "html"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string& page = r.out;
    const std::size_t print = page.find("@media print");
    ASSERT_NE(print, std::string::npos);
    EXPECT_NE(page.find("thead { display: table-header-group; }", print), std::string::npos);
    EXPECT_NE(page.find("section.table + section.table", print), std::string::npos);
    EXPECT_NE(page.find("break-before: page", print), std::string::npos);
    EXPECT_NE(page.find("\"Noto Serif CJK SC\""), std::string::npos);
    EXPECT_NE(page.find("serif;"), std::string::npos);
    // A table per action present, each with its header in a <thead>.
    std::size_t tables = 0;
    for (std::size_t at = page.find("<section class=\"table\""); at != std::string::npos; at = page.find("<section class=\"table\"", at + 1))
        ++tables;
    EXPECT_EQ(tables, 5u);  // the example has repeal, declare-invalid, amend, evaluate and retain
    EXPECT_NE(page.find("<thead><tr><th class=\"n\">序号</th><th>文件名称</th><th>文号</th><th>制定机关</th><th>清理意见</th><th>理由</th></tr></thead>"),
              std::string::npos);
}

// Printed (Chromium's --print-to-pdf, the print style sheet in force), each action table after the
// first starts a page of its own: the page prints on more sheets than the same page without its
// page-break rule, and on at least as many as it has tables.
std::size_t pdf_pages(const std::string& pdf) {
    static const std::regex page(R"(/Type\s*/Page[^s])");
    return static_cast<std::size_t>(std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

TEST(CleanupHtml, PrintedEachTableAfterTheFirstStartsANewPage) {
    if (!have("chromium")) GTEST_SKIP() << "chromium is not installed (scripts/bootstrap installs Debian's chromium)";
    const std::string dir = scratch_dir("cleanup-html-pdf");
    const test::CliRun r = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--format", "html", "-o", dir + "/annex.html"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::string html = read_text(dir + "/annex.html");
    std::size_t tables = 0;
    for (std::size_t at = html.find("<section class=\"table\""); at != std::string::npos; at = html.find("<section class=\"table\"", at + 1))
        ++tables;
    EXPECT_EQ(tables, 5u);
    const std::string rule = "break-before: page; page-break-before: always;";
    const std::size_t at = html.find(rule);
    ASSERT_NE(at, std::string::npos);
    test::write_file(dir + "/unbroken.html", html.erase(at, rule.size()));

    ASSERT_EQ(chromium(dir, dir + "/annex.html", "--no-pdf-header-footer --print-to-pdf=" + dir + "/annex.pdf", dir + "/stdout.txt"), 0)
        << read_text(dir + "/chromium.err");
    ASSERT_EQ(chromium(dir, dir + "/unbroken.html", "--no-pdf-header-footer --print-to-pdf=" + dir + "/unbroken.pdf", dir + "/stdout.txt"), 0)
        << read_text(dir + "/chromium.err");
    const std::string pdf = read_text(dir + "/annex.pdf");
    ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_GE(pdf_pages(pdf), tables);
    EXPECT_GT(pdf_pages(pdf), pdf_pages(read_text(dir + "/unbroken.pdf")));
}

// The README's picture: the browser takes a screenshot of the page (docs/images/cleanup-annex.png
// is made by scripts/annex-screenshot with the same command).
TEST(CleanupHtml, ChromiumTakesAScreenshot) {
    if (!have("chromium")) GTEST_SKIP() << "chromium is not installed (scripts/bootstrap installs Debian's chromium)";
    const std::string dir = scratch_dir("cleanup-html-screenshot");
    const test::CliRun r = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--format", "html", "-o", dir + "/annex.html"});
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_EQ(chromium(dir, dir + "/annex.html", "--screenshot=" + dir + "/annex.png", dir + "/stdout.txt"), 0)
        << read_text(dir + "/chromium.err");
    const std::string png = read_text(dir + "/annex.png");
    ASSERT_GT(png.size(), 10000u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

// ---- the workbook ----------------------------------------------------------------------------

// Reads an .xlsx with Python's zipfile and ElementTree (another reader than libxlsxwriter) and
// prints one line per cell: sheet name, row, column letter, text, tab-separated.
const char* const k_read_xlsx = R"py(
import sys, zipfile, re
import xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
out = sys.stdout
for sheet in ET.fromstring(z.read('xl/workbook.xml')).find('m:sheets', ns):
    name = sheet.get('name')
    target = rels[sheet.get('{%s}id' % ns['r'])]
    root = ET.fromstring(z.read('xl/' + target.lstrip('/').replace('xl/', '', 1)))
    pane = root.find('m:sheetViews/m:sheetView/m:pane', ns)
    out.write('%s\tpane\t%s\t%s\n' % (name, pane.get('state') if pane is not None else '', pane.get('ySplit') if pane is not None else ''))
    out.write('%s\tcols\t%d\t\n' % (name, len(root.findall('m:cols/m:col', ns))))
    for c in root.iter('{%s}c' % ns['m']):
        ref = c.get('r'); m = re.match(r'([A-Z]+)([0-9]+)', ref)
        t = c.get('t')
        if t == 's': text = shared[int(c.find('m:v', ns).text)]
        elif t == 'inlineStr': text = ''.join(x.text or '' for x in c.iter('{%s}t' % ns['m']))
        else:
            v = c.find('m:v', ns); text = v.text if v is not None else ''
            if text.endswith('.0'): text = text[:-2]
        out.write('%s\t%s\t%s\t%s\n' % (name, m.group(2), m.group(1), text.replace('\t', ' ').replace('\n', ' ')))
)py";

struct Sheet {
    std::string pane_state, pane_split;
    int columns = 0;
    std::map<int, std::map<std::string, std::string>> cells;  // row → column letter → text
};

std::map<std::string, Sheet> read_workbook(const std::string& dir, const std::string& path, std::vector<std::string>& order) {
    test::write_file(dir + "/read_xlsx.py", k_read_xlsx);
    const int rc = std::system(("/usr/bin/python3 " + dir + "/read_xlsx.py " + path + " > " + dir + "/cells.tsv 2> " + dir +
                                "/python.err")
                                   .c_str());
    EXPECT_EQ(rc, 0) << read_text(dir + "/python.err");
    std::map<std::string, Sheet> sheets;
    std::istringstream in(read_text(dir + "/cells.tsv"));
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::size_t at = 0;
        for (std::size_t tab; (tab = line.find('\t', at)) != std::string::npos; at = tab + 1) f.push_back(line.substr(at, tab - at));
        f.push_back(line.substr(at));
        if (f.size() != 4) continue;
        if (!sheets.count(f[0])) order.push_back(f[0]);
        Sheet& s = sheets[f[0]];
        if (f[1] == "pane") s.pane_state = f[2], s.pane_split = f[3];
        else if (f[1] == "cols") s.columns = std::stoi(f[2]);
        else s.cells[std::stoi(f[1])][f[2]] = f[3];
    }
    return sheets;
}

void expect_sheet_matches(const Sheet& sheet, const std::vector<Expected>& expected, const Corpus& corpus) {
    const std::vector<std::string> header{"序号", "文件名称", "文号", "制定机关", "清理意见", "理由"};
    const std::string letters = "ABCDEF";
    ASSERT_TRUE(sheet.cells.count(1));
    for (std::size_t c = 0; c < header.size(); ++c) EXPECT_EQ(sheet.cells.at(1).at(std::string(1, letters[c])), header[c]);
    EXPECT_EQ(sheet.pane_state, "frozen");  // the header row stays in view
    EXPECT_EQ(sheet.pane_split, "1");
    EXPECT_EQ(sheet.columns, 6);            // every column has its width
    ASSERT_EQ(sheet.cells.size(), expected.size() + 1);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& row = sheet.cells.at(static_cast<int>(i) + 2);
        const Expected& e = expected[i];
        const Document doc = corpus.document(*corpus.find_document(e.id));
        SCOPED_TRACE("row " + std::to_string(i + 2) + ": " + e.id);
        EXPECT_EQ(row.at("A"), std::to_string(i + 1));
        EXPECT_EQ(row.at("B"), std::string(doc.title()));
        EXPECT_EQ(row.count("C") ? row.at("C") : std::string(), e.number);
        EXPECT_EQ(row.at("D"), issuer_names(corpus, doc));
        EXPECT_EQ(row.at("E"), opinion(e.action));
    }
}

TEST(CleanupXlsx, AnotherReaderFindsTheCsvRowsInASheetForAllAndOnePerAction) {
    if (std::system("/usr/bin/python3 -c 'import zipfile' > /dev/null 2>&1") != 0) GTEST_SKIP() << "/usr/bin/python3 is missing";
    const std::string dir = scratch_dir("cleanup-xlsx-read");
    const Corpus corpus = load(k_example);
    const std::vector<Expected> expected = expected_rows(dir, k_example, {}, corpus);
    const test::CliRun r = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--format", "xlsx", "-o", dir + "/annex.xlsx"});
    if (r.code == 2 && r.err.find("libxlsxwriter") != std::string::npos) GTEST_SKIP() << r.err;
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "");

    std::vector<std::string> order;
    const std::map<std::string, Sheet> sheets = read_workbook(dir, dir + "/annex.xlsx", order);
    const std::vector<std::string> names{"全部", "拟废止", "拟宣布失效", "拟修改", "需评估", "继续有效"};
    EXPECT_EQ(order, names);
    {
        SCOPED_TRACE("全部");
        expect_sheet_matches(sheets.at("全部"), expected, corpus);
    }
    const std::vector<std::string> actions{"repeal", "declare-invalid", "amend", "evaluate", "retain"};
    for (std::size_t a = 0; a < actions.size(); ++a) {
        SCOPED_TRACE(names[a + 1]);
        std::vector<Expected> of_action;
        for (const Expected& e : expected)
            if (e.action == actions[a]) of_action.push_back(e);
        expect_sheet_matches(sheets.at(names[a + 1]), of_action, corpus);
    }
}

TEST(CleanupXlsx, AnotherReaderFindsTheRowsOfAGeneratedCorpus) {
    if (std::system("/usr/bin/python3 -c 'import zipfile' > /dev/null 2>&1") != 0) GTEST_SKIP() << "/usr/bin/python3 is missing";
    const std::string dir = scratch_dir("cleanup-xlsx-generated");
    const std::string path = generated_corpus(dir);
    const Corpus corpus = load(path);
    const std::vector<Expected> expected = expected_rows(dir, path, {}, corpus, "2020-06-30");
    const test::CliRun r = run_cli(dir, {"cleanup", path, "--as-of", "2020-06-30", "--format", "xlsx", "-o", dir + "/annex.xlsx"});
    if (r.code == 2 && r.err.find("libxlsxwriter") != std::string::npos) GTEST_SKIP() << r.err;
    ASSERT_EQ(r.code, 0) << r.err;
    std::vector<std::string> order;
    const std::map<std::string, Sheet> sheets = read_workbook(dir, dir + "/annex.xlsx", order);
    ASSERT_FALSE(order.empty());
    EXPECT_EQ(order[0], "全部");
    expect_sheet_matches(sheets.at("全部"), expected, corpus);
    // A sheet per action that has documents, strongest first, each with exactly those.
    const std::vector<std::pair<std::string, std::string>> actions{
        {"repeal", "拟废止"}, {"declare-invalid", "拟宣布失效"}, {"amend", "拟修改"}, {"evaluate", "需评估"}, {"retain", "继续有效"}};
    std::vector<std::string> names{"全部"};
    for (const auto& [action, name] : actions) {
        std::vector<Expected> of_action;
        for (const Expected& e : expected)
            if (e.action == action) of_action.push_back(e);
        if (of_action.empty()) continue;
        names.push_back(name);
        SCOPED_TRACE(name);
        expect_sheet_matches(sheets.at(name), of_action, corpus);
    }
    EXPECT_EQ(order, names);
}

// Excel holds at most 32,767 characters in a cell: a longer title is cut there with "…" rather
// than failing the workbook.
TEST(CleanupXlsx, ATitleLongerThanACellHoldsIsCutWithAnEllipsis) {
    if (std::system("/usr/bin/python3 -c 'import zipfile' > /dev/null 2>&1") != 0) GTEST_SKIP() << "/usr/bin/python3 is missing";
    const std::string dir = scratch_dir("cleanup-xlsx-long-title");
    std::string title;
    for (int i = 0; i < 40000; ++i) title += "文";
    CorpusBuilder b;
    b.authority("gov", "江阴市人民政府", AuthorityKind::government);
    b.document("d1", DocumentKind::normative, title).issuer("gov").number("澄政发〔2018〕1号").dates("2018-01-01");
    LoadResult built = b.build();
    ASSERT_TRUE(built.corpus);
    save_corpus(*built.corpus, dir + "/c.xml");
    const test::CliRun r = run_cli(dir, {"cleanup", dir + "/c.xml", "--as-of", "2018-11-30", "--format", "xlsx", "-o", dir + "/a.xlsx"});
    if (r.code == 2 && r.err.find("libxlsxwriter") != std::string::npos) GTEST_SKIP() << r.err;
    ASSERT_EQ(r.code, 0) << r.err;
    std::vector<std::string> order;
    const std::map<std::string, Sheet> sheets = read_workbook(dir, dir + "/a.xlsx", order);
    const std::string cell = sheets.at("全部").cells.at(2).at("B");
    EXPECT_EQ(cell.size(), 32766u * 3 + std::string("…").size());  // 32,766 × 文 and …
    EXPECT_EQ(cell.substr(cell.size() - 3), "…");
}

TEST(CleanupXlsx, NeedsAnOutputFileAndLeavesNoTemporaryBehind) {
    const std::string dir = scratch_dir("cleanup-xlsx-usage");
    const test::CliRun r = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--format", "xlsx"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("-o FILE"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");

    // A directory that cannot be written: exit 3 naming the file, nothing left there or in TMPDIR.
    const std::string tmp = dir + "/tmp";
    std::system(("mkdir -p " + tmp).c_str());
    setenv("TMPDIR", tmp.c_str(), 1);
    const test::CliRun bad = run_cli(dir, {"cleanup", k_example, "--as-of", "2018-11-30", "--format", "xlsx", "-o", dir + "/no/such/dir/a.xlsx"});
    unsetenv("TMPDIR");
    if (bad.code == 2 && bad.err.find("libxlsxwriter") != std::string::npos) GTEST_SKIP() << bad.err;
    EXPECT_EQ(bad.code, 3) << bad.err;
    EXPECT_NE(bad.err.find("a.xlsx"), std::string::npos) << bad.err;
    EXPECT_EQ(read_text(dir + "/no/such/dir/a.xlsx"), "");
    EXPECT_EQ(std::system(("test -z \"$(ls -A " + tmp + ")\"").c_str()), 0) << "a temporary file was left in TMPDIR";
}

#endif  // NORMDOC_CLI

}  // namespace
}  // namespace normdoc
