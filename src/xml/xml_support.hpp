// What every pugixml reader and writer of normdoc shares (the corpus, the clean-up plan, Akoma
// Ntoso): line numbers from byte offsets, namespaces over pugixml (which knows none), text and
// attribute access without copies, escaping, and the layout scan that lets a large file be parsed
// one slice at a time. Internal: pugixml never reaches include/.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace normdoc::detail::xml {

// ---- line numbers -------------------------------------------------------------------------------

// The 1-based line of a byte offset in an unchanging source. Readers walk in document order, so
// offsets mostly grow: the counter moves a cursor and counts only the newlines in between (no
// table of the whole file). Only '\n' ends a line, so CRLF files count right.
class LineCounter {
public:
    explicit LineCounter(std::string_view source) noexcept : source_(source) {}

    std::size_t line_at(std::size_t offset) noexcept;

private:
    std::string_view source_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

// ---- names and namespaces -----------------------------------------------------------------------

struct QName {
    std::string_view prefix;  // empty when none
    std::string_view local;
};
QName split_name(std::string_view name) noexcept;

inline std::string_view view(const char* s) noexcept { return s ? std::string_view(s) : std::string_view(); }
inline std::string_view name_of(pugi::xml_node n) noexcept { return view(n.name()); }
inline std::string_view name_of(pugi::xml_attribute a) noexcept { return view(a.name()); }
inline std::string_view value_of(pugi::xml_attribute a) noexcept { return view(a.value()); }

// True for xmlns and xmlns:p, which declare namespaces and are never "unknown attributes".
inline bool is_namespace_declaration(std::string_view attribute_name) noexcept {
    return attribute_name == "xmlns" || attribute_name.substr(0, 6) == "xmlns:";
}

// The in-scope namespace declarations (XML Namespaces 1.0) during a walk: enter an element
// before looking at it and its children, leave it afterwards. Elements without declarations
// (nearly all) cost one pass over their attribute names.
class NamespaceScope {
public:
    NamespaceScope();

    // Pushes the element's xmlns / xmlns:p declarations; returns how many to give to leave().
    std::size_t enter(pugi::xml_node element);
    void leave(std::size_t count) { bindings_.resize(bindings_.size() - count); }

    // The namespace a prefix is bound to ("" for the default namespace); nullptr when unbound.
    // An empty default declaration (xmlns="") binds to "": no namespace.
    const std::string* resolve(std::string_view prefix) const noexcept;

private:
    std::vector<std::pair<std::string, std::string>> bindings_;  // prefix → namespace, innermost last
};

// An element's namespace and local name as a reader sees it.
struct ElementName {
    enum class Kind { ours, other, unbound_prefix } kind;
    std::string_view local;
    std::string_view prefix;
};
ElementName classify(pugi::xml_node element, const NamespaceScope& scope, std::string_view our_namespace);

// ---- text ---------------------------------------------------------------------------------------

// The element's character data (its own text and CDATA children, in order; comments and child
// elements left out). A view when there is one piece, else assembled in `scratch`.
std::string_view text_of(pugi::xml_node element, std::string& scratch);

// True when the element holds character data other than XML white space.
bool has_non_space_text(pugi::xml_node element);

// Escaping for output. Attribute values also escape tab, CR and LF (XML attribute-value
// normalisation would turn them into spaces) and the quote; text escapes CR (end-of-line
// normalisation would drop it). Other C0 controls become character references.
void append_escaped_text(std::string& out, std::string_view text);
void append_escaped_attribute(std::string& out, std::string_view value);

// ---- parsing ------------------------------------------------------------------------------------

// pugixml's options for normdoc's readers: no DOCTYPE kept, no entity beyond the five predefined
// and character references (pugixml never loads external entities), end-of-line and attribute
// white-space normalisation as XML requires, no comments or processing instructions kept.
inline constexpr unsigned k_parse_options = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol |
                                            pugi::parse_wconv_attribute;

// A syntax error: where (a byte offset in the source) and what.
struct SyntaxError {
    std::size_t offset = 0;
    std::string message;
};

// Parses `source` as a whole document (a copy; the source is untouched) only to find its first
// syntax error, as pugixml reports it; none when pugixml accepts it.
bool find_syntax_error(std::string_view source, SyntaxError& error);

// The message of a pugixml status, in words for people.
std::string describe(pugi::xml_parse_status status);

// ---- files --------------------------------------------------------------------------------------

// A whole file in memory, read with one read into an uninitialised buffer. Throws IoError
// (normdoc/io.hpp) naming the path and the reason when it cannot be read (missing, a directory,
// no permission).
struct FileBytes {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    std::string_view view() const noexcept { return {data.get(), size}; }
};
FileBytes load_file(const std::string& path);

// ---- layout: the file in slices -----------------------------------------------------------------

// A child of the root element (a "section" such as <documents>) and its content cut into
// slices of whole child elements, so a reader can parse one slice at a time with
// pugi::parse_fragment and keep the DOM small whatever the file size.
struct Section {
    std::size_t tag_begin = 0;  // '<' of the start tag
    std::size_t tag_end = 0;    // one past its '>'
    bool self_closing = false;
    std::vector<std::size_t> cuts;  // slice boundaries: content begin, …, content end (empty if self-closing)
    std::size_t children = 0;       // its child elements (to reserve room for what they become)
};

struct Layout {
    std::size_t root_tag_begin = 0;
    std::size_t root_tag_end = 0;
    bool root_self_closing = false;
    std::vector<Section> sections;  // in file order
};

// Scans the well-formedness skeleton of a document (prolog, DOCTYPE, comments, PIs, CDATA,
// quoted attribute values, matching end tags, one root) without building anything, cutting
// section content about every `slice_bytes`. Returns false with the first error found.
bool scan_layout(std::string_view source, std::size_t slice_bytes, Layout& layout, SyntaxError& error);

// A start tag taken on its own (`<name a="v">` made `<name a="v"/>`) and parsed, so its name and
// attributes can be read; offsets of its nodes are relative to tag_begin.
class StartTag {
public:
    // Returns false (and the error, offset in the source) when the tag is malformed.
    bool parse(std::string_view source, std::size_t tag_begin, std::size_t tag_end, bool self_closing,
               SyntaxError& error);
    pugi::xml_node element() const { return doc_.first_child(); }

private:
    std::string text_;
    pugi::xml_document doc_;
};

}  // namespace normdoc::detail::xml
