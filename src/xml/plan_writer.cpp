// Plan XML (SPEC §8): one <item> per document looked at, its <finding>s inside.
#include "normdoc/plan.hpp"

#include "xml/xml_support.hpp"

namespace normdoc {

namespace {

using detail::xml::append_escaped_attribute;

// A comment cannot hold "--" nor end in "-".
void append_comment(std::string& out, std::string_view text) {
    out += "<!-- ";
    char previous = ' ';
    for (char c : text) {
        if (c == '-' && previous == '-') out += ' ';
        if (c == '\n' || c == '\r') c = ' ';
        out += c;
        previous = c;
    }
    if (previous == '-') out += ' ';
    out += " -->";
}

std::string write(const Plan& plan, const Corpus* corpus) {
    std::string out;
    out.reserve(128 + plan.items.size() * 160);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cleanup-plan xmlns=\"";
    out += k_plan_namespace;
    out += "\" as-of=\"";
    out += format_date(plan.as_of);
    out += '"';
    if (!plan.scope.empty()) {
        out += " scope=\"";
        append_escaped_attribute(out, plan.scope);
        out += '"';
    }
    out += plan.items.empty() ? "/>\n" : ">\n";
    for (const PlanItem& item : plan.items) {
        if (corpus) {
            if (const auto d = corpus->find_document(item.ref)) {
                const Document doc = corpus->document(*d);
                std::string note(doc.number());
                if (!note.empty()) note += ' ';
                note += "《";
                note += doc.title();
                note += "》";
                out += "  ";
                append_comment(out, note);
                out += '\n';
            }
        }
        out += "  <item ref=\"";
        append_escaped_attribute(out, item.ref);
        out += "\" action=\"";
        out += to_string(item.action);
        out += '"';
        if (item.findings.empty()) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        for (const PlanFinding& f : item.findings) {
            out += "    <finding code=\"";
            out += to_string(f.code);
            out += "\" detail=\"";
            append_escaped_attribute(out, f.detail);
            out += "\"/>\n";
        }
        out += "  </item>\n";
    }
    if (!plan.items.empty()) out += "</cleanup-plan>\n";
    return out;
}

}  // namespace

std::string write_plan(const Plan& plan) { return write(plan, nullptr); }

std::string write_plan(const CleanupResult& result) { return write(make_plan(result), &result.corpus()); }

}  // namespace normdoc
