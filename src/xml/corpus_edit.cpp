// insert_document of io.hpp: a document added to a corpus file's bytes, every other byte kept.
#include "normdoc/io.hpp"
#include "normdoc/draft.hpp"

#include "encoding.hpp"
#include "xml/corpus_writer.hpp"
#include "xml/xml_support.hpp"

#include <cstring>
#include <limits>

namespace normdoc {

namespace {

using detail::xml::Layout;
using detail::xml::Section;

// The whitespace from the start of the line to `at`, or none when something else stands there.
std::string_view indent_before(std::string_view xml, std::size_t at) {
    std::size_t begin = at;
    while (begin > 0 && (xml[begin - 1] == ' ' || xml[begin - 1] == '\t')) --begin;
    if (begin > 0 && xml[begin - 1] != '\n') return {};
    return xml.substr(begin, at - begin);
}

bool at_line_start(std::string_view xml, std::size_t at) {
    std::size_t begin = at;
    while (begin > 0 && (xml[begin - 1] == ' ' || xml[begin - 1] == '\t')) --begin;
    return begin == 0 || xml[begin - 1] == '\n';
}

}  // namespace

std::optional<std::string> insert_document(std::string_view xml, const draft::Document& document) {
    // The document is written in UTF-8: a file in another encoding is rewritten whole.
    const std::string encoding = detail::declared_encoding(xml);
    if (!encoding.empty() && !detail::is_utf8_name(encoding)) return std::nullopt;

    Layout layout;
    detail::xml::SyntaxError error;
    if (!detail::xml::scan_layout(xml, std::numeric_limits<std::size_t>::max(), layout, error)) return std::nullopt;
    const Section* documents = nullptr;
    for (const Section& section : layout.sections) {
        detail::xml::StartTag tag;
        if (!tag.parse(xml, section.tag_begin, section.tag_end, section.self_closing, error)) return std::nullopt;
        // Unprefixed only: the document is written in the default namespace.
        if (std::strcmp(tag.element().name(), "documents") == 0) documents = &section;
    }
    if (documents == nullptr) return std::nullopt;

    // The file's own layout: its line end, the <documents> line's indentation as the step.
    const std::size_t first_newline = xml.find('\n');
    const std::string_view newline =
        first_newline != std::string_view::npos && first_newline > 0 && xml[first_newline - 1] == '\r' ? "\r\n" : "\n";
    const std::string_view outer = indent_before(xml, documents->tag_begin);
    const std::string_view step = outer.empty() ? std::string_view("  ") : outer;
    const std::string inner = std::string(outer) + std::string(step);
    detail::xml::FragmentLayout fragment{inner, step, newline};

    std::string out;
    out.reserve(xml.size() + 1024);
    if (documents->self_closing) {
        // <documents/> becomes <documents>…</documents>, its attributes kept.
        std::string_view start = xml.substr(documents->tag_begin, documents->tag_end - documents->tag_begin);
        start.remove_suffix(2);  // "/>"
        while (!start.empty() && (start.back() == ' ' || start.back() == '\t' || start.back() == '\n' || start.back() == '\r'))
            start.remove_suffix(1);
        out.append(xml.substr(0, documents->tag_begin));
        out.append(start).append(">").append(newline);
        detail::xml::CorpusWriter::append_document(out, document, fragment);
        out.append(outer).append("</documents>");
        out.append(xml.substr(documents->tag_end));
        return out;
    }
    // Before the end tag: on its own line when it stands at the start of one, else on new lines.
    const std::size_t end_tag = documents->cuts.back();
    std::size_t at = end_tag;
    if (at_line_start(xml, end_tag)) {
        while (at > 0 && xml[at - 1] != '\n') --at;
        out.append(xml.substr(0, at));
        detail::xml::CorpusWriter::append_document(out, document, fragment);
    } else {
        out.append(xml.substr(0, at));
        out.append(newline);
        detail::xml::CorpusWriter::append_document(out, document, fragment);
        out.append(outer);
    }
    out.append(xml.substr(at));
    return out;
}

}  // namespace normdoc
