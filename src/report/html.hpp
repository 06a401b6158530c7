// The skeleton of normdoc's web pages for people (SPEC §13: `cleanup --format html`, `annual
// --format html`): one self-contained, printable page. Everything it needs is inside it: the style
// sheet is inline, there is no script, no font, image or style sheet fetched from anywhere (a
// picture is inline SVG), and fonts are named, with fallbacks, as installed on the reader's machine.
//
//   HtmlPage page(out, "规范性文件清理结果");   // <!DOCTYPE html> … <body>
//   page.text() += "<h1>"; append_html(page.text(), title); page.text() += "</h1>\n";
//   page.flush();                                // now and then, for long pages
//   page.finish();                               // </body></html>
//
// Printing: A4 landscape, each <section class="table"> after the first starts a new page, a
// table's <thead> is repeated at the top of every printed page, a row is not split across pages.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace normdoc::report {

// `text` with &, <, >, " and ' escaped, for element content and quoted attribute values alike.
void append_html(std::string& out, std::string_view text);
std::string html_escaped(std::string_view text);

// The inline style sheet of every page (screen and print).
std::string_view page_style();

class HtmlPage {
public:
    // Writes the head: doctype, charset, the title (escaped), the style sheet; opens <body>.
    HtmlPage(std::ostream& out, std::string_view title, std::string_view lang = "zh-CN");
    HtmlPage(const HtmlPage&) = delete;
    HtmlPage& operator=(const HtmlPage&) = delete;

    // The buffer that is written out by flush() and finish(): append markup here.
    std::string& text() noexcept { return buffer_; }
    // Passes the buffer on to the stream when it has grown (cheap to call after every row).
    void flush_if_large();
    void flush();
    // Closes <body> and <html> and flushes.
    void finish();

private:
    std::ostream& out_;
    std::string buffer_;
};

}  // namespace normdoc::report
