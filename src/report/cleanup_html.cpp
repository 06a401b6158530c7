// The clean-up annex as a web page (SPEC §13 `cleanup --format html`).
#include "report/cleanup_html.hpp"

#include "report/annex.hpp"
#include "report/html.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace normdoc::report {

namespace {

// The first `max` code points of `text`, and … when there were more.
std::string clip(std::string_view text, std::size_t max) {
    std::size_t count = 0, at = 0;
    while (at < text.size()) {
        if (count == max) return std::string(text.substr(0, at)) + "…";
        const auto lead = static_cast<unsigned char>(text[at]);
        at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        ++count;
    }
    return std::string(text);
}

void heading(std::string& out, const CleanupResult& r, const Messages& m) {
    const Corpus& corpus = r.corpus();
    out += "<h1>";
    append_html(out, m.text(Msg::annex_title));
    out += "</h1>\n<p class=\"meta\">";
    append_html(out, m.fill(Msg::annex_meta, {format_date(r.as_of()), std::to_string(r.items().size())}));
    if (!r.scope().is_all()) append_html(out, m.fill(Msg::annex_meta_scope, {corpus.authority(r.scope().authority()).name()}));
    out += "</p>\n";
}

void summary(std::string& out, const CleanupResult& r, const Messages& m) {
    const Corpus& corpus = r.corpus();
    out += "<section class=\"summary\">\n<h2>";
    append_html(out, m.text(Msg::annex_summary_title));
    out += "</h2>\n<p class=\"seed\">";
    append_html(out, m.seed_summary(r));  // the seed's 拟废止的…规范性文件 N 份 …
    out += "</p>\n<table class=\"by-issuer\">\n<thead><tr><th>";
    append_html(out, m.text(Msg::col_issuer));
    out += "</th>";
    for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a) {
        out += "<th class=\"n\">";
        append_html(out, m.action(static_cast<Action>(a)));
        out += "</th>";
    }
    out += "<th class=\"n\">";
    append_html(out, m.text(Msg::col_total));
    out += "</th></tr></thead>\n<tbody>\n";
    for (const ActionCounts& c : r.summary_by_issuer()) {
        out += c.authority.valid() ? "<tr><td>" : "<tr class=\"total\"><td>";
        if (c.authority.valid())
            append_html(out, corpus.authority(c.authority).name());
        else
            append_html(out, m.text(Msg::annex_by_issuer_total));
        out += "</td>";
        for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a) {
            out += "<td class=\"n\">";
            out += std::to_string(c[static_cast<Action>(a)]);
            out += "</td>";
        }
        out += "<td class=\"n\">";
        out += std::to_string(c.total());
        out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
}

const char* fill(Action a) {
    switch (a) {
        case Action::repeal: return "#ffc7ce";
        case Action::declare_invalid: return "#f8cbad";
        case Action::amend: return "#ffeb9c";
        case Action::evaluate: return "#ddebf7";
        case Action::retain: return "#c6efce";
    }
    return "#ffffff";
}

// One box of the picture: number and short title on two lines, the full title as its tooltip.
void box(std::string& out, const Document& doc, const char* colour, int x, int y, int w, int h) {
    out += "<g><title>";
    append_html(out, doc.title());
    out += "</title><rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(w) +
           "\" height=\"" + std::to_string(h) + "\" rx=\"4\" fill=\"" + colour + "\" stroke=\"#595959\"/>";
    const auto chars = static_cast<std::size_t>((w - 12) / 12);  // 12px characters
    const std::string first = doc.number().empty() ? clip(doc.title(), chars) : std::string(doc.number());
    const std::string second = doc.number().empty() ? std::string() : clip(doc.title(), chars);
    out += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + 16) + "\">";
    append_html(out, first);
    out += "</text>";
    if (!second.empty()) {
        out += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + 32) + "\">";
        append_html(out, second);
        out += "</text>";
    }
    out += "</g>";
}

// SPEC §13: the documents to be ended and the documents that rest on them (based-on /
// implements): a small tree per ended document, the ended document on the left, its dependents
// stacked to its right, each with an arrow to it (the direction of based-on).
void picture(std::string& out, const CleanupResult& r, const Annex& annex, const Messages& m,
             const CleanupHtmlOptions& options) {
    const Corpus& corpus = r.corpus();
    std::vector<const CleanupItem*> ended;
    for (const CleanupItem* item : annex.all)
        if (is_ending(item->action)) ended.push_back(item);
    if (ended.empty()) return;
    const std::size_t drawn = std::min(ended.size(), options.picture_limit);
    constexpr int k_left = 300, k_box = 300, k_gap = 70, k_line = 46, k_height = 38, k_margin = 10, k_space = 12;
    const int width = k_margin * 2 + k_left + k_gap + k_box;

    // The dependents of each drawn document, each once, in id order.
    std::vector<std::vector<DocumentId>> deps(drawn);
    int height = k_margin;
    for (std::size_t i = 0; i < drawn; ++i) {
        for (DocumentId d : corpus.dependents_of(ended[i]->document)) deps[i].push_back(d);
        std::sort(deps[i].begin(), deps[i].end(), [&](DocumentId a, DocumentId b) {
            return corpus.document(a).id() < corpus.document(b).id();
        });
        deps[i].erase(std::unique(deps[i].begin(), deps[i].end()), deps[i].end());
        const std::size_t lines = std::max<std::size_t>(1, std::min(deps[i].size(), options.dependents_per_row) +
                                                               (deps[i].size() > options.dependents_per_row ? 1 : 0));
        height += static_cast<int>(lines) * k_line + k_space;
    }
    if (ended.size() > drawn) height += 24;

    out += "<section class=\"picture\">\n<h2>";
    append_html(out, m.text(Msg::annex_picture_title));
    out += "</h2>\n<figure>\n";
    out += "<svg viewBox=\"0 0 " + std::to_string(width) + ' ' + std::to_string(height) + "\" width=\"" +
           std::to_string(width) + "\" height=\"" + std::to_string(height) +
           "\" role=\"img\" font-size=\"12\" font-family=\"Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, "
           "SimHei, PingFang SC, sans-serif\">\n";
    out += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
           "orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#404040\"/></marker></defs>\n";
    int y = k_margin;
    for (std::size_t i = 0; i < drawn; ++i) {
        const CleanupItem& item = *ended[i];
        box(out, corpus.document(item.document), fill(item.action), k_margin, y, k_left, k_height);
        const std::size_t shown = std::min(deps[i].size(), options.dependents_per_row);
        const int to_x = k_margin + k_left, to_y = y + k_height / 2;
        const int x = k_margin + k_left + k_gap;
        for (std::size_t k = 0; k < shown; ++k) {
            const int dy = y + static_cast<int>(k) * k_line;
            const CleanupItem* dep = r.find(deps[i][k]);
            box(out, corpus.document(deps[i][k]), dep ? fill(dep->action) : "#ffffff", x, dy, k_box, k_height);
            const int from_y = dy + k_height / 2;
            out += "<path d=\"M" + std::to_string(x) + ',' + std::to_string(from_y) + " C" + std::to_string(x - k_gap / 2) +
                   ',' + std::to_string(from_y) + ' ' + std::to_string(to_x + k_gap / 2) + ',' + std::to_string(to_y) + ' ' +
                   std::to_string(to_x) + ',' + std::to_string(to_y) +
                   "\" fill=\"none\" stroke=\"#404040\" marker-end=\"url(#arrow)\"/>";
        }
        if (deps[i].size() > shown)
            out += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + static_cast<int>(shown) * k_line + 16) +
                   "\">" + html_escaped(m.fill(Msg::annex_picture_more_dependents, {std::to_string(deps[i].size() - shown)})) +
                   "</text>";
        out += '\n';
        const std::size_t lines = std::max<std::size_t>(1, shown + (deps[i].size() > shown ? 1 : 0));
        y += static_cast<int>(lines) * k_line + k_space;
    }
    if (ended.size() > drawn)
        out += "<text x=\"" + std::to_string(k_margin) + "\" y=\"" + std::to_string(y + 14) + "\">" +
               html_escaped(m.fill(Msg::annex_picture_more, {std::to_string(ended.size() - drawn)})) + "</text>\n";
    out += "</svg>\n<figcaption class=\"figure-caption\">";
    append_html(out, m.text(Msg::annex_picture_caption));
    out += "</figcaption>\n</figure>\n</section>\n";
}

void table(HtmlPage& page, const CleanupResult& r, const AnnexTable& t, const Messages& m) {
    const Corpus& corpus = r.corpus();
    std::string& out = page.text();
    const std::string_view action = to_string(t.action);
    out += "<section class=\"table\" data-action=\"";
    out += action;
    out += "\">\n<h2>";
    append_html(out, m.fill(Msg::annex_table_heading, {m.action(t.action), std::to_string(t.items.size())}));
    out += "</h2>\n<table class=\"annex\">\n<thead><tr>";
    for (Msg column : k_annex_columns) {
        out += column == Msg::col_seq ? "<th class=\"n\">" : "<th>";
        append_html(out, m.text(column));
        out += "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    std::size_t n = 0;
    for (const CleanupItem* item : t.items) {
        const Document doc = corpus.document(item->document);
        out += "<tr data-id=\"";
        append_html(out, doc.id());
        out += "\" data-action=\"";
        out += action;
        out += "\"><td class=\"n\">";
        out += std::to_string(++n);
        out += "</td><td>";
        append_html(out, doc.title());
        out += "</td><td class=\"no\">";
        append_html(out, doc.number());
        out += "</td><td>";
        append_html(out, annex_issuers(corpus, doc));
        out += "</td><td>";
        append_html(out, m.action(item->action));
        out += "</td><td class=\"reason\">";
        append_html(out, m.reasons(r, *item));
        out += "</td></tr>\n";
        page.flush_if_large();
    }
    out += "</tbody>\n</table>\n</section>\n";
}

}  // namespace

void write_cleanup_html(std::ostream& out, const CleanupResult& result, const Messages& messages,
                        const CleanupHtmlOptions& options) {
    const Annex annex = make_annex(result);
    HtmlPage page(out, std::string(messages.text(Msg::annex_title)) + ' ' + format_date(result.as_of()),
                  messages.lang() == Lang::zh ? "zh-CN" : "en");
    heading(page.text(), result, messages);
    summary(page.text(), result, messages);
    picture(page.text(), result, annex, messages, options);
    page.flush();
    for (const AnnexTable& t : annex.tables) table(page, result, t, messages);
    page.finish();
}

}  // namespace normdoc::report
