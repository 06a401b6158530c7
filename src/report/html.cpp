// The page skeleton of the reports for people (SPEC §13).
#include "report/html.hpp"

namespace normdoc::report {

void append_html(std::string& out, std::string_view text) {
    std::size_t plain = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char* entity = nullptr;
        switch (text[i]) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            case '\'': entity = "&#39;"; break;
            default: continue;
        }
        out.append(text.data() + plain, i - plain);
        out += entity;
        plain = i + 1;
    }
    out.append(text.data() + plain, text.size() - plain);
}

std::string html_escaped(std::string_view text) {
    std::string out;
    append_html(out, text);
    return out;
}

// Fonts by name, Chinese first, with the fallbacks of each platform: Noto CJK (Debian's
// fonts-noto-cjk), Source Han, the Windows and macOS faces, then the generic family. Official
// tables are printed in 仿宋 / 宋体; the headings in 黑体.
std::string_view page_style() {
    return R"css(
:root { --rule: #7f7f7f; --head: #e7e6e6; --band: #f7f7f7; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "FangSong", "STFangsong", "SimSun", "Songti SC", serif;
       font-size: 11pt; line-height: 1.45; color: #000; background: #fff; margin: 2em; }
h1, h2, h3, th, .figure-caption { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei",
       "PingFang SC", "Heiti SC", sans-serif; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 0.3em; }
p.meta { text-align: center; margin: 0 0 1.5em; }
h2 { font-size: 14pt; margin: 1.2em 0 0.5em; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1em; }
table.by-issuer { width: auto; min-width: 50%; }
th, td { border: 1px solid var(--rule); padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
thead th { background: var(--head); white-space: nowrap; }
tbody tr:nth-child(even) td { background: var(--band); }
td.n, th.n { text-align: right; white-space: nowrap; }
td.no { white-space: nowrap; }
td.reason { font-size: 9.5pt; }
ul.summary { margin: 0.3em 0 1em; }
figure { margin: 1em 0; }
figure svg { max-width: 100%; height: auto; }
@media print {
  @page { size: A4 landscape; margin: 12mm 10mm; }
  body { margin: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.table + section.table, section.break { break-before: page; page-break-before: always; }
  tbody tr:nth-child(even) td { background: none; }
  thead th { background: var(--head); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";
}

HtmlPage::HtmlPage(std::ostream& out, std::string_view title, std::string_view lang) : out_(out) {
    buffer_.reserve(1 << 16);
    buffer_ += "<!DOCTYPE html>\n<html lang=\"";
    append_html(buffer_, lang);
    buffer_ += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>";
    append_html(buffer_, title);
    buffer_ += "</title>\n<style>";
    buffer_ += page_style();
    buffer_ += "</style>\n</head>\n<body>\n";
}

void HtmlPage::flush_if_large() {
    if (buffer_.size() >= (1u << 16)) flush();
}

void HtmlPage::flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
}

void HtmlPage::finish() {
    buffer_ += "</body>\n</html>\n";
    flush();
}

}  // namespace normdoc::report
