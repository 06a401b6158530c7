// Akoma Ntoso 3.0 import (SPEC §9): many files become one draft corpus, then the one validator
// (build_corpus) makes the corpus.
//
// Three stages. (1) Each file is decoded to UTF-8 (GBK / GB18030 through iconv), parsed, and walked
// once, iteratively, to collect what the import needs with the lines of the elements (one scan per
// document element: a documentCollection's components are documents of their own); every oddity
// is a warning and the walk goes on. A file holding normdoc's own record (meta/proprietary, written
// by export-akn) is read from that record. (2) The works are resolved against each other in
// command-line order: duplicate works, authorities by organization href, duplicate numbers,
// relations from active and passive modifications and lifecycle repeals, modification cycles. (3) build_corpus; its problems are given back the file
// they belong to. Problems come out by file (command-line order), then by line.
#include "normdoc/akn.hpp"
#include "normdoc/draft_reader.hpp"
#include "normdoc/io.hpp"

#include "encoding.hpp"
#include "id_index.hpp"
#include "scc.hpp"
#include "xml/vocabulary.hpp"
#include "xml/xml_support.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace normdoc {
namespace {

using namespace detail::xml;

// Hostile files are refused, not fought (SPEC §9, issue: entity expansion, huge attributes, deep
// nesting). Real Akoma Ntoso acts are a few MB and nest a few dozen levels.
constexpr std::uintmax_t k_max_file_bytes = std::uintmax_t(256) << 20;
constexpr std::size_t k_max_depth = 4096;
constexpr std::size_t k_max_value_bytes = 64 << 10;  // an id, a title, a date …

constexpr std::string_view k_unknown_authority = "unknown";

// ---- small text helpers -------------------------------------------------------------------------

bool is_xml_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
    return s;
}

// White space folded: runs of XML white space become one space, none at the ends.
std::string fold_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (char c : s) {
        if (is_xml_space(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

bool ends_with_ignoring_case(std::string_view s, std::string_view suffix) noexcept {
    if (s.size() < suffix.size()) return false;
    s = s.substr(s.size() - suffix.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char a = s[i], b = suffix[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

std::string_view strip_hash(std::string_view s) noexcept {
    if (!s.empty() && s.front() == '#') s.remove_prefix(1);
    return s;
}

std::string in_quotes(std::string_view s) {
    constexpr std::size_t k_shown = 200;
    if (s.size() > k_shown) return "'" + std::string(s.substr(0, k_shown)) + "…'";
    return "'" + std::string(s) + "'";
}

// %XX escapes decoded (export-akn escapes '%', '#', spaces … in hrefs); none when there are none
// or one is malformed.
std::optional<std::string> percent_decoded(std::string_view s) {
    if (s.find('%') == std::string_view::npos) return std::nullopt;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size() || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0) return std::nullopt;
        out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
        i += 2;
    }
    return out;
}

// SPEC §7: an id holds no white space or control characters. Organizations whose eId breaks that
// cannot become authorities (the validator, which has the last word, would refuse the corpus).
bool usable_as_id(std::string_view id) noexcept {
    if (id.empty()) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        if (c <= 0x20 || c == 0x7f) return false;
        const std::string_view rest = id.substr(i);
        if (c == 0xc2 && rest.size() >= 2 && static_cast<unsigned char>(rest[1]) <= 0xa0) return false;  // C1, NBSP
        for (std::string_view space : {"\xe1\x9a\x80", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe3\x80\x80"})
            if (rest.substr(0, 3) == space) return false;
        if (c == 0xe2 && rest.size() >= 3 && static_cast<unsigned char>(rest[1]) == 0x80 && static_cast<unsigned char>(rest[2]) <= 0x8a)
            return false;  // U+2000–U+200A
    }
    return true;
}

// A work URI as the key of the document it names: SPEC §9 "with or without a trailing /!main or
// /main".
std::string_view work_key(std::string_view uri) noexcept {
    uri = trim(uri);
    for (std::string_view k_main : {std::string_view("/!main"), std::string_view("/main")})
        if (uri.size() > k_main.size() && uri.substr(uri.size() - k_main.size()) == k_main) {
            uri.remove_suffix(k_main.size());
            break;
        }
    return uri;
}

// SPEC §9: an author href that names no organization (legislation.gov.uk writes URLs there) is an
// authority of its own, its id the last path segment or the fragment.
std::string href_authority_id(std::string_view href) {
    href = trim(href);
    if (const std::size_t hash = href.rfind('#'); hash != std::string_view::npos && hash + 1 < href.size())
        return std::string(href.substr(hash + 1));
    while (!href.empty() && href.back() == '/') href.remove_suffix(1);
    const std::size_t slash = href.rfind('/');
    std::string_view segment = slash == std::string_view::npos ? href : href.substr(slash + 1);
    return std::string(segment.empty() ? href : segment);
}

// ---- dates --------------------------------------------------------------------------------------

struct DateRead {
    std::optional<Date> date;
    bool bare_year = false;  // "2009": real files carry a year where a date belongs
    bool date_time = false;  // "2022-10-28T11:53:19": the date part is taken (a warning)
    std::string error;       // neither a date nor a date-time nor a year
};

DateRead read_date(std::string_view text) {
    DateRead out;
    text = trim(text);
    if (text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        out.bare_year = true;
        return out;
    }
    if (text.size() > 10) {
        const char sep = text[10];
        if (sep == 'T' || sep == 't' || sep == ' ' || sep == 'Z' || sep == '+' || sep == '-') {
            const DateParse p = parse_date(text.substr(0, 10));
            if (p) {
                out.date = p.date;
                out.date_time = true;
                return out;
            }
        }
    }
    const DateParse p = parse_date(text);
    if (p) out.date = p.date;
    else out.error = p.error;
    return out;
}

// ---- what one file says -------------------------------------------------------------------------

struct Item {
    std::string value;
    std::size_t line = 0;
};
struct NamedItem {
    std::string value;
    std::string name;
    std::size_t line = 0;
};
struct Org {
    std::string eid;
    std::string href;
    std::string name;
    std::size_t line = 0;
};
struct EventRef {
    std::optional<std::string> date;
    std::optional<std::string> type;
    std::string eid;
    std::string refers_to;
    std::string source;
    std::size_t line = 0;
};
struct Href {
    std::string href;
    std::size_t line = 0;
};
struct TextualMod {
    std::optional<std::string> type;
    std::size_t line = 0;
    bool passive = false;  // under passiveModifications: its source modifies this document
    std::vector<Href> sources;
    std::vector<Href> destinations;
};
// The normdoc record (SPEC §9 "meta/proprietary in the normdoc namespace"): where its <corpus>
// element stands in the file.
struct RecordPlace {
    std::size_t begin = 0;  // byte offset of '<'
    std::size_t end = 0;    // just past its end tag
    std::size_t line = 0;
};

// One document element of a file (the file's, or a component of a documentCollection).
struct Scan {
    std::string type;                    // the document element's local name: act, bill, judgment …
    std::optional<std::uint32_t> parent; // the collection it is a component of
    std::size_t document_line = 0;
    bool meta_seen = false;
    int identification_seen = 0;
    bool has_work = false;
    std::size_t work_line = 0;
    std::optional<Item> frbr_this, frbr_uri, subtype, alias_title;
    std::optional<NamedItem> number;  // value = showAs or value
    std::vector<NamedItem> work_dates;
    std::vector<Item> authors;  // FRBRauthor href
    std::optional<Item> publication_date;
    std::vector<EventRef> events;
    std::vector<TextualMod> mods;
    std::vector<Org> orgs;
    std::vector<Org> tlc_events;                                 // eid, href
    std::unordered_map<std::string, std::string> document_refs;  // eId → href (passiveRef, activeRef, original)
    std::optional<std::string> title, short_title;
    std::size_t title_line = 0, short_title_line = 0;
    std::optional<RecordPlace> record;
    // export-akn's order note: the document's place in the corpus, its authorities' places.
    std::optional<std::uint64_t> position;
    std::vector<std::pair<std::string, std::uint64_t>> authority_positions;
    bool has_components = false;
};

// A problem, and for a warning that real files repeat by the dozen, the oddity it is one of (a
// short plural: "eventRefs without a type"), by which condensed_problems counts them.
struct Noted {
    Problem problem;
    std::string oddity;
};

// The problems of one file, with its name.
class Reporter {
public:
    Reporter(std::string file, std::vector<Noted>& out) : file_(std::move(file)), out_(out) {}
    void warning(std::size_t line, ProblemCode code, std::string message, std::string oddity = {}) {
        out_.push_back({{file_, line, Severity::warning, code, std::move(message), {}}, std::move(oddity)});
    }
    void error(std::size_t line, ProblemCode code, std::string message) {
        out_.push_back({{file_, line, Severity::error, code, std::move(message), {}}, {}});
    }
    const std::string& file() const noexcept { return file_; }

private:
    std::string file_;
    std::vector<Noted>& out_;
};

// Where in the document an element is, for the one walk.
enum class Ctx : std::uint8_t {
    top, wrapper, document, meta, identification, work, lifecycle, analysis, active_mods, passive_mods, textual_mod,
    references, proprietary, body, title, short_title, collection_body, component, skip,
};

// Structures whose docTitle is not the document's (SPEC §9: "outside meta and quoted or embedded
// structures"); attachments and components are documents of their own.
bool hides_title(std::string_view local) noexcept {
    return local == "meta" || local == "quotedStructure" || local == "embeddedStructure" || local == "quotedText" ||
           local == "attachments" || local == "attachment" || local == "components" || local == "component" ||
           local == "documentRef" || local == "interstitial";
}

// The document types of Akoma Ntoso 3.0 (the children akomaNtoso may have).
bool is_document_type(std::string_view local) noexcept {
    for (std::string_view t : {"act", "bill", "doc", "documentCollection", "judgment", "debate", "debateReport", "amendment",
                               "amendmentList", "officialGazette", "statement", "portion"})
        if (local == t) return true;
    return false;
}

// SPEC §9: what is imported: act and doc, and a bill as a draft. A documentCollection gives its
// components; every other type is left out.
bool is_imported_type(std::string_view type) noexcept { return type == "act" || type == "doc" || type == "bill"; }

// SPEC §9: the committee drafts' namespaces …/akn/3.0/CSD01 … CSD14, read as 3.0.
bool is_committee_draft(std::string_view ns) noexcept {
    const std::string prefix = std::string(k_akn_namespace) + "/CSD";
    if (ns.size() != prefix.size() + 2 || ns.substr(0, prefix.size()) != prefix) return false;
    const char a = ns[prefix.size()], b = ns[prefix.size() + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return false;
    const int n = (a - '0') * 10 + (b - '0');
    return n >= 1 && n <= 14;
}

class Walker {
public:
    Walker(std::string_view source, Reporter& report) : source_(source), lines_(source), report_(report) {}

    // False when the file cannot be used (the error is reported).
    bool run(const pugi::xml_document& doc, std::vector<Scan>& scans) {
        scans_ = &scans;
        for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
            if (n.type() == pugi::node_doctype && std::string_view(n.value()).find("<!ENTITY") != std::string_view::npos) {
                report_.error(line_of(n), ProblemCode::xml_syntax,
                              "the DOCTYPE declares entities; they are refused (no entity is expanded or loaded)");
                return false;
            }
        }
        const pugi::xml_node root = doc.document_element();
        if (!root) {
            report_.error(1, ProblemCode::xml_syntax, "no root element: the file is not XML");
            return false;
        }
        return walk(root);
    }

private:
    std::size_t line_of(pugi::xml_node n) {
        const std::ptrdiff_t offset = n.offset_debug();
        return offset < 0 ? 0 : lines_.line_at(static_cast<std::size_t>(offset));
    }

    struct Level {
        std::size_t namespaces;
        Ctx ctx;
        std::uint32_t scan;
    };

    Scan& scan(std::uint32_t i) { return (*scans_)[i]; }

    bool in_title(Ctx c) const noexcept { return c == Ctx::title || c == Ctx::short_title; }

    bool walk(pugi::xml_node root) {
        pugi::xml_node cur = root;
        for (;;) {
            if (cur.type() == pugi::node_element) {
                if (levels_.size() >= k_max_depth) {
                    report_.error(line_of(cur), ProblemCode::xml_syntax,
                                  "elements nest deeper than " + std::to_string(k_max_depth) + " levels; the file is refused");
                    return false;
                }
                if (!enter(cur)) return false;
                if (pugi::xml_node child = cur.first_child()) {
                    cur = child;
                    continue;
                }
                leave();
            } else if ((cur.type() == pugi::node_pcdata || cur.type() == pugi::node_cdata) && in_title(levels_.back().ctx)) {
                if (title_text_.size() < k_max_value_bytes) title_text_ += cur.value();
            }
            for (;;) {
                if (cur == root) return finish();
                if (pugi::xml_node next = cur.next_sibling()) {
                    cur = next;
                    break;
                }
                cur = cur.parent();
                leave();
            }
        }
    }

    void leave() {
        const Level& level = levels_.back();
        scope_.leave(level.namespaces);
        if (in_title(level.ctx) && levels_.size() >= 2 && levels_[levels_.size() - 2].ctx != level.ctx)
            (level.ctx == Ctx::title ? scan(level.scan).title : scan(level.scan).short_title) = fold_space(title_text_);
        levels_.pop_back();
    }

    bool finish() {
        if (scans_->empty()) {
            report_.error(root_line_, ProblemCode::missing, "no document inside <akomaNtoso>");
            return false;
        }
        return true;
    }

    // An attribute the import uses, trimmed; none when absent or too long to be real.
    std::optional<std::string_view> attr(pugi::xml_node n, const char* name, std::size_t line) {
        const pugi::xml_attribute a = n.attribute(name);
        if (!a) return std::nullopt;
        const std::string_view v = trim(value_of(a));
        if (v.size() > k_max_value_bytes) {
            report_.warning(line, ProblemCode::bad_value,
                            std::string("<") + n.name() + "> has a " + name + " of " + std::to_string(v.size()) +
                                " bytes; it is ignored");
            return std::nullopt;
        }
        return v;
    }
    std::string attr_or_empty(pugi::xml_node n, const char* name, std::size_t line) {
        auto v = attr(n, name, line);
        return v ? std::string(*v) : std::string();
    }

    // SPEC §9: `id` where 3.0 says `eId` is read, with a warning; `wId` (3.0's work-level id,
    // which the OASIS examples give their references) without one.
    std::string element_id(pugi::xml_node n, std::string_view local, std::size_t line) {
        if (auto e = attr(n, "eId", line)) return std::string(*e);
        if (auto w = attr(n, "wId", line)) return std::string(*w);
        if (auto i = attr(n, "id", line)) {
            report_.warning(line, ProblemCode::bad_value,
                            "<" + std::string(local) + "> has 'id' where Akoma Ntoso 3.0 says 'eId'; it is read as eId",
                            "'id' attributes where Akoma Ntoso 3.0 says 'eId'");
            return std::string(*i);
        }
        return {};
    }

    std::uint32_t open_document(pugi::xml_node n, std::string_view local, std::optional<std::uint32_t> parent) {
        Scan s;
        s.type = std::string(local);
        s.parent = parent;
        s.document_line = line_of(n);
        scans_->push_back(std::move(s));
        return static_cast<std::uint32_t>(scans_->size() - 1);
    }

    // export-akn's order note (its children are read here: the walk skips them).
    static std::optional<std::uint64_t> whole_number(std::string_view v) {
        if (v.empty() || v.size() > 18 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
        return std::stoull(std::string(v));
    }
    void read_order(pugi::xml_node n, Scan& s) {
        if (s.position) return;
        s.position = whole_number(trim(value_of(n.attribute("document"))));
        for (pugi::xml_node a = n.first_child(); a; a = a.next_sibling())
            if (a.type() == pugi::node_element && split_name(name_of(a)).local == "authority")
                if (const auto p = whole_number(trim(value_of(a.attribute("position")))))
                    s.authority_positions.emplace_back(std::string(trim(value_of(a.attribute("ref")))), *p);
    }

    // The record's <corpus> element: from its '<' to the end of its end tag.
    void find_record(pugi::xml_node n, Scan& s) {
        if (s.record) return;
        const std::ptrdiff_t offset = n.offset_debug();
        if (offset < 0) return;
        std::size_t begin = static_cast<std::size_t>(offset);
        while (begin > 0 && source_[begin] != '<') --begin;
        const std::string close = "</" + std::string(name_of(n)) + ">";
        const std::size_t end = source_.find(close, begin);
        if (end == std::string_view::npos) return;
        s.record = RecordPlace{begin, end + close.size(), line_of(n)};
    }

    bool enter(pugi::xml_node n) {
        const std::size_t pushed = scope_.enter(n);
        const Ctx parent = levels_.empty() ? Ctx::top : levels_.back().ctx;
        std::uint32_t at = levels_.empty() ? 0 : levels_.back().scan;
        Ctx ctx = Ctx::skip;

        if (parent == Ctx::top) {
            root_line_ = line_of(n);
            // SPEC §9: Akoma Ntoso 3.0's namespace, or a committee draft's, read the same way.
            if (const std::string* ns = scope_.resolve(split_name(name_of(n)).prefix); ns != nullptr && is_committee_draft(*ns)) {
                namespace_ = *ns;
                report_.warning(root_line_, ProblemCode::bad_value,
                                "the namespace " + *ns + " is a committee draft of Akoma Ntoso 3.0; the file is read as Akoma Ntoso 3.0");
            }
        }
        const ElementName name = classify(n, scope_, namespace_);
        const bool ours = name.kind == ElementName::Kind::ours;
        const std::string_view local = name.local;

        if (parent == Ctx::top) {
            if (!ours) {
                const std::string* ns = scope_.resolve(name.prefix);
                report_.error(root_line_, ProblemCode::unknown_element,
                              "the root element <" + std::string(name_of(n)) + "> is not Akoma Ntoso 3.0 (" +
                                  (ns == nullptr ? std::string("its prefix is not bound to a namespace")
                                   : ns->empty() ? std::string("no namespace")
                                                 : "namespace " + *ns) +
                                  ")");
                levels_.push_back({pushed, ctx, at});
                return false;
            }
            if (local == "akomaNtoso") {
                ctx = Ctx::wrapper;
            } else {
                ctx = Ctx::document;  // a document type (act, bill, doc …) as the root: read it as well
                at = open_document(n, local, std::nullopt);
            }
        } else if (parent == Ctx::proprietary) {
            const std::string* ns = scope_.resolve(name.prefix);
            if (ns != nullptr && *ns == detail::xml::corpus_vocabulary::k_namespace && local == "corpus") find_record(n, scan(at));
            if (ns != nullptr && *ns == k_akn_order_namespace && local == "order") read_order(n, scan(at));
        } else if (!ours || parent == Ctx::skip) {
            ctx = Ctx::skip;
        } else {
            Scan* open = scans_->empty() ? nullptr : &scan(at);  // none only under the wrapper
            Scan& s = open != nullptr ? *open : dummy_;
            switch (parent) {
                case Ctx::wrapper:
                    if (scans_->empty()) {
                        ctx = Ctx::document;
                        at = open_document(n, local, std::nullopt);
                    }
                    break;
                case Ctx::document:
                    if (local == "meta" && !s.meta_seen) {
                        s.meta_seen = true;
                        ctx = Ctx::meta;
                    } else if (local == "collectionBody" && s.type == "documentCollection") {
                        ctx = Ctx::collection_body;
                    } else {
                        ctx = hides_title(local) ? Ctx::skip : Ctx::body;
                    }
                    break;
                case Ctx::collection_body:
                    if (local == "component") ctx = Ctx::component;
                    break;
                case Ctx::component:
                    if (is_document_type(local)) {
                        s.has_components = true;
                        ctx = Ctx::document;
                        at = open_document(n, local, at);
                    }
                    break;
                case Ctx::meta: ctx = enter_meta_child(n, local, s); break;
                case Ctx::identification:
                    if (local == "FRBRWork" && !s.has_work) {
                        s.has_work = true;
                        s.work_line = line_of(n);
                        ctx = Ctx::work;
                    }
                    break;
                case Ctx::work: read_work_child(n, local, s); break;
                case Ctx::lifecycle:
                    if (local == "eventRef") read_event_ref(n, s);
                    break;
                case Ctx::analysis:
                    if (local == "activeModifications") ctx = Ctx::active_mods;
                    else if (local == "passiveModifications") ctx = Ctx::passive_mods;
                    break;
                case Ctx::active_mods:
                case Ctx::passive_mods:
                    if (local == "textualMod") {
                        const std::size_t line = line_of(n);
                        TextualMod mod;
                        mod.line = line;
                        mod.passive = parent == Ctx::passive_mods;
                        element_id(n, local, line);
                        if (auto t = attr(n, "type", line)) mod.type = std::string(*t);
                        s.mods.push_back(std::move(mod));
                        ctx = Ctx::textual_mod;
                    }
                    break;
                case Ctx::textual_mod:
                    if (local == "destination" || local == "source") {
                        const std::size_t line = line_of(n);
                        (local == "source" ? s.mods.back().sources : s.mods.back().destinations)
                            .push_back({attr_or_empty(n, "href", line), line});
                    }
                    break;
                case Ctx::references: read_reference(n, local, s); break;
                case Ctx::body:
                    if (local == "docTitle" && !s.title) {
                        s.title_line = line_of(n);
                        s.title = std::string();  // found; the text comes as the walk goes on
                        title_text_.clear();
                        ctx = Ctx::title;
                    } else if (local == "shortTitle" && !s.short_title && !s.title) {
                        s.short_title_line = line_of(n);
                        s.short_title = std::string();
                        title_text_.clear();
                        ctx = Ctx::short_title;
                    } else {
                        ctx = hides_title(local) ? Ctx::skip : Ctx::body;
                    }
                    break;
                case Ctx::title:
                case Ctx::short_title:
                    ctx = parent;
                    if (local == "br" || local == "eol") title_text_ += ' ';  // a line break is white space
                    break;
                case Ctx::top:
                case Ctx::proprietary:
                case Ctx::skip: break;
            }
        }
        levels_.push_back({pushed, ctx, at});
        return true;
    }

    Ctx enter_meta_child(pugi::xml_node n, std::string_view local, Scan& s) {
        if (local == "identification") return s.identification_seen++ == 0 ? Ctx::identification : Ctx::skip;
        if (local == "lifecycle") return Ctx::lifecycle;
        if (local == "analysis") return Ctx::analysis;
        if (local == "references") return Ctx::references;
        if (local == "proprietary") return Ctx::proprietary;
        if (local == "publication" && !s.publication_date) {
            const std::size_t line = line_of(n);
            if (auto d = attr(n, "date", line)) s.publication_date = Item{std::string(*d), line};
        }
        return Ctx::skip;
    }

    void read_work_child(pugi::xml_node n, std::string_view local, Scan& s) {
        const std::size_t line = line_of(n);
        auto first_value = [&](std::optional<Item>& slot) {
            if (slot) return;
            if (auto v = attr(n, "value", line)) slot = Item{std::string(*v), line};
        };
        if (local == "FRBRthis") first_value(s.frbr_this);
        else if (local == "FRBRuri") first_value(s.frbr_uri);
        else if (local == "FRBRsubtype") first_value(s.subtype);
        else if (local == "FRBRalias") {
            // SPEC §9: an alias named `title`, or without a name (Indigo writes it so).
            const auto alias_name = attr(n, "name", line);
            if (!alias_name || *alias_name == "title") first_value(s.alias_title);
        } else if (local == "FRBRnumber") {
            if (s.number) return;
            auto show = attr(n, "showAs", line);
            auto value = attr(n, "value", line);
            if (show && !show->empty()) s.number = NamedItem{std::string(*show), {}, line};
            else if (value) s.number = NamedItem{std::string(*value), {}, line};
        } else if (local == "FRBRdate") {
            if (auto d = attr(n, "date", line)) s.work_dates.push_back({std::string(*d), attr_or_empty(n, "name", line), line});
        } else if (local == "FRBRauthor") {
            s.authors.push_back({attr_or_empty(n, "href", line), line});
        }
    }

    void read_event_ref(pugi::xml_node n, Scan& s) {
        const std::size_t line = line_of(n);
        EventRef e;
        e.line = line;
        e.eid = element_id(n, "eventRef", line);
        if (auto d = attr(n, "date", line)) e.date = std::string(*d);
        if (auto t = attr(n, "type", line)) e.type = std::string(*t);
        e.refers_to = attr_or_empty(n, "refersTo", line);
        e.source = attr_or_empty(n, "source", line);
        s.events.push_back(std::move(e));
    }

    void read_reference(pugi::xml_node n, std::string_view local, Scan& s) {
        const std::size_t line = line_of(n);
        if (local == "TLCOrganization") {
            Org o;
            o.line = line;
            o.eid = element_id(n, local, line);
            o.href = attr_or_empty(n, "href", line);
            o.name = fold_space(attr_or_empty(n, "showAs", line));
            s.orgs.push_back(std::move(o));
        } else if (local == "TLCEvent") {
            Org e;
            e.line = line;
            e.eid = element_id(n, local, line);
            e.href = attr_or_empty(n, "href", line);
            s.tlc_events.push_back(std::move(e));
        } else if (local == "passiveRef" || local == "activeRef" || local == "original") {
            std::string eid;
            if (auto e = attr(n, "eId", line)) eid = std::string(*e);
            else if (auto w = attr(n, "wId", line)) eid = std::string(*w);
            else if (auto i = attr(n, "id", line)) eid = std::string(*i);
            if (!eid.empty()) s.document_refs.emplace(std::move(eid), attr_or_empty(n, "href", line));
        }
    }

    Scan dummy_;  // what `s` names before the first document (never written)
    std::string_view source_;
    LineCounter lines_;
    Reporter& report_;
    NamespaceScope scope_;
    std::string namespace_{k_akn_namespace};
    std::vector<Level> levels_;
    std::vector<Scan>* scans_ = nullptr;
    std::string title_text_;
    std::size_t root_line_ = 1;
};

// ---- one work, as the corpus will hold it -------------------------------------------------------

// A lifecycle repeal whose source names another document (SPEC §9: a `repeals` relation from it).
struct RepealSource {
    std::string href;
    Date date;
    std::size_t line = 0;
};

struct Work {
    std::size_t file = 0;  // index in the input order
    draft::Document doc;   // everything but issuers and relations (all of it, from a record)
    std::size_t this_line = 0;
    std::vector<Org> issuers;             // resolved organizations, in FRBRauthor order
    std::size_t unknown_issuer_line = 0;  // non-zero: issued by `unknown`
    std::vector<std::string> keys;        // FRBRthis and FRBRuri, without /!main
    std::vector<TextualMod> mods;
    std::vector<RepealSource> repeal_sources;
    std::unordered_map<std::string, std::string> refs;  // eId → href: the document's references, then its collection's
    // SPEC §9: the normdoc record, preferred when present: the document with every field and
    // relation (doc), the authorities it names with all their fields, and the profile.
    bool record = false;
    std::vector<draft::Authority> record_authorities;
    Profile profile;
    std::optional<std::uint64_t> position;                               // in the exported corpus
    std::vector<std::pair<std::string, std::uint64_t>> authority_positions;
};

// The references of a scan, then of the collections around it (SPEC §9: a component's authors
// resolve against its own references, then the collection's).
template <class Fn>
void for_each_scope(const std::vector<Scan>& scans, std::uint32_t index, Fn&& fn) {
    for (std::optional<std::uint32_t> at = index; at; at = scans[*at].parent) fn(scans[*at]);
}

// Turns what a file says into a work. False (with the error reported) when it has no usable work
// identification.
bool make_work(const std::vector<Scan>& scans, std::uint32_t index, const AknImportOptions& options, Reporter& report,
               Work& work) {
    const Scan& scan = scans[index];
    const std::size_t doc_line = scan.document_line;
    if (!scan.has_work) {
        report.error(doc_line, ProblemCode::missing, "no <FRBRWork> in <meta><identification>: the document cannot be identified");
        return false;
    }
    if (!scan.frbr_this || scan.frbr_this->value.empty()) {
        report.error(scan.work_line, ProblemCode::missing, "<FRBRWork> has no FRBRthis value: the document cannot be identified");
        return false;
    }
    if (!usable_as_id(scan.frbr_this->value)) {
        report.error(scan.frbr_this->line, ProblemCode::bad_value,
                     "FRBRthis " + in_quotes(scan.frbr_this->value) +
                         " holds white space or control characters, which no id may hold: the document cannot be identified");
        return false;
    }
    draft::Document& d = work.doc;
    d.id = scan.frbr_this->value;
    d.line = scan.frbr_this->line;
    work.this_line = scan.frbr_this->line;
    work.keys.emplace_back(work_key(d.id));
    if (scan.frbr_uri && !scan.frbr_uri->value.empty()) work.keys.emplace_back(work_key(scan.frbr_uri->value));
    for_each_scope(scans, index, [&](const Scan& s) {
        for (const auto& [eid, href] : s.document_refs) work.refs.emplace(eid, href);
    });

    // Title: SPEC §9 docTitle, else shortTitle, else FRBRalias title, else FRBRuri, else the id.
    if (scan.title && !scan.title->empty()) {
        d.title = *scan.title;
    } else if (scan.short_title && !scan.short_title->empty()) {
        d.title = *scan.short_title;
    } else {
        const Item* fallback = scan.alias_title && !scan.alias_title->value.empty() ? &*scan.alias_title
                               : scan.frbr_uri && !scan.frbr_uri->value.empty()  ? &*scan.frbr_uri
                                                                                 : &*scan.frbr_this;
        d.title = fold_space(fallback->value);
        report.warning(scan.title ? scan.title_line : doc_line, ProblemCode::missing,
                       std::string(scan.title ? "the docTitle is empty" : "no docTitle or shortTitle") + "; the title is taken from " +
                           (fallback == &*scan.alias_title ? "FRBRalias" : fallback == &*scan.frbr_uri ? "FRBRuri" : "FRBRthis") +
                           ": " + in_quotes(*d.title));
    }

    if (scan.number && !scan.number->value.empty()) {
        d.number = scan.number->value;
        d.number_line = scan.number->line;
    }

    // Kind: SPEC §9 FRBRsubtype naming one of normdoc's kinds, else --kind, else other.
    d.kind = options.kind.value_or(DocumentKind::other);
    if (scan.subtype)
        if (auto k = parse_document_kind(scan.subtype->value)) d.kind = *k;

    auto take_date = [&](const std::string& text, std::size_t line, const char* what) -> std::optional<Date> {
        const DateRead r = read_date(text);
        if (r.bare_year) return std::nullopt;
        if (r.date_time)
            report.warning(line, ProblemCode::bad_date,
                           std::string(what) + " " + in_quotes(text) + " is a date-time where a date belongs; its date part is taken",
                           "date-times where a date belongs");
        if (!r.date)
            report.warning(line, ProblemCode::bad_date,
                           std::string(what) + " " + in_quotes(text) + " is not a date (" + r.error + "); it is ignored",
                           "dates that are not dates");
        return r.date;
    };

    // Published: SPEC §9 the work's FRBRdate when a full date; of several, the one of the
    // lifecycle's generation event, else one named for enactment, publication, delivery or
    // generation, else the first; else <publication date>.
    std::optional<Date> generation;
    for (const EventRef& e : scan.events)
        if (e.type && *e.type == "generation" && e.date)
            if (const DateRead r = read_date(*e.date); r.date) {
                generation = r.date;
                break;
            }
    const NamedItem* chosen = nullptr;
    int chosen_rank = 0;
    for (const NamedItem& fd : scan.work_dates) {
        if (fd.name == "draft") continue;  // export-akn's mark for a document never published
        const DateRead r = read_date(fd.value);
        if (!r.date) {
            if (!r.bare_year) take_date(fd.value, fd.line, "FRBRdate");  // the warning
            continue;
        }
        std::string name;
        for (char c : fd.name) name += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        int rank = 1;
        if (name.find("enact") != std::string::npos || name.find("publication") != std::string::npos ||
            name.find("delivery") != std::string::npos || name.find("generation") != std::string::npos)
            rank = 2;
        if (generation && (*r.date == *generation || read_date(fd.name).date == generation)) rank = 3;
        if (rank > chosen_rank) {
            chosen = &fd;
            chosen_rank = rank;
        }
    }
    if (chosen) d.published = take_date(chosen->value, chosen->line, "FRBRdate");
    if (!d.published && scan.publication_date)
        d.published = take_date(scan.publication_date->value, scan.publication_date->line, "publication date");
    if (!d.published && scan.type != "bill")
        report.warning(scan.work_line, ProblemCode::missing,
                       "no publication date (FRBRdate of the work, or <publication date>): the document is a draft");
    d.dates_line = scan.work_line;

    // Events, and effective from commencement (SPEC §9).
    std::unordered_set<std::string> commencement, invalidation;
    for (const Org& e : scan.tlc_events) {
        if (e.eid.empty()) continue;
        if (ends_with_ignoring_case(e.href, "commencement")) commencement.insert(e.eid);
        if (ends_with_ignoring_case(e.href, "invalidation")) invalidation.insert(e.eid);
    }
    auto refers_to_any = [](const std::string& refers_to, const std::unordered_set<std::string>& ids) {
        if (ids.empty()) return false;
        std::string_view rest = refers_to;
        while (!rest.empty()) {
            const std::size_t space = rest.find_first_of(" \t\r\n");
            const std::string_view token = strip_hash(rest.substr(0, space));
            if (!token.empty() && ids.count(std::string(token))) return true;
            if (space == std::string_view::npos) break;
            rest.remove_prefix(space + 1);
        }
        return false;
    };
    std::optional<Date> commences, comes_into_force;
    for (const EventRef& e : scan.events) {
        if (!e.date) {
            report.warning(e.line, ProblemCode::missing, "<eventRef> has no date; it is ignored", "eventRefs without a date");
            continue;
        }
        const std::optional<Date> date = take_date(*e.date, e.line, "eventRef date");
        if (!date) {
            if (read_date(*e.date).bare_year)
                report.warning(e.line, ProblemCode::bad_date, "eventRef date " + in_quotes(*e.date) + " is a year, not a date; it is ignored",
                               "eventRef dates that are a year");
            continue;
        }
        if (refers_to_any(e.refers_to, commencement) && (!commences || *date < *commences)) commences = date;
        // legislation.gov.uk: no commencement TLCEvent, eventRefs named coming-into-force-N.
        if (e.eid.find("coming-into-force") != std::string::npos && (!comes_into_force || *date < *comes_into_force))
            comes_into_force = date;
        if (!e.type) {
            report.warning(e.line, ProblemCode::bad_value, "<eventRef> has no type; it is ignored as an event", "eventRefs without a type");
            continue;
        }
        std::string source, source_href;
        if (auto it = work.refs.find(std::string(strip_hash(e.source))); it != work.refs.end()) {
            source_href = it->second;
            source = percent_decoded(it->second).value_or(it->second);
        }
        if (*e.type == "repeal") {
            const EventType type = refers_to_any(e.refers_to, invalidation) ? EventType::invalidation : EventType::repeal;
            d.events.push_back({type, *date, source, e.line});
            if (type == EventType::repeal && !source_href.empty()) work.repeal_sources.push_back({source_href, *date, e.line});
        } else if (*e.type == "amendment") {
            d.events.push_back({EventType::amendment, *date, std::move(source), e.line});
        } else if (*e.type != "generation") {
            report.warning(e.line, ProblemCode::bad_value,
                           "<eventRef> type " + in_quotes(*e.type) + " is not generation, amendment or repeal; it is ignored as an event",
                           "eventRefs of another type");
        }
    }
    // SPEC §9: effective is never earlier than published.
    d.effective = commences ? commences : comes_into_force;
    if (d.published && (!d.effective || *d.effective < *d.published)) d.effective = d.published;
    // SPEC §9: a bill becomes a draft (no published: a bill is not in force).
    if (scan.type == "bill") {
        d.published.reset();
        d.effective.reset();
    }

    // Issuers: each FRBRauthor that resolves to a TLCOrganization with an href, the component's
    // references first, then its collection's; else, an href that is not empty, an authority of
    // its own (SPEC §9).
    std::unordered_map<std::string_view, const Org*> orgs;
    std::vector<const Org*> all_orgs;
    for_each_scope(scans, index, [&](const Scan& s) {
        for (const Org& o : s.orgs) {
            all_orgs.push_back(&o);
            if (!o.eid.empty()) orgs.emplace(o.eid, &o);
        }
    });
    std::vector<Org> by_href;  // authorities named by an href alone
    for (const Item& a : scan.authors) {
        auto it = orgs.find(strip_hash(a.value));
        if (it == orgs.end())
            if (const auto decoded = percent_decoded(strip_hash(a.value))) it = orgs.find(*decoded);
        const Org* found = it == orgs.end() ? nullptr : it->second;
        if (!found && !a.value.empty() && a.value.front() != '#')  // the organization's href itself
            for (const Org* o : all_orgs)
                if (o->href == a.value && !o->eid.empty()) {
                    found = o;
                    break;
                }
        Org href_org;
        if (!found) {
            const std::string_view href = trim(a.value);
            // A '#fragment' is a reference into the file: naming no organization (a person, a
            // role, nothing), it names no authority.
            if (href.empty() || href.front() == '#') continue;
            href_org = Org{href_authority_id(href), std::string(href), std::string(href), a.line};
            found = &href_org;
        }
        if (found->href.empty()) continue;
        const Org& o = *found;
        if (!usable_as_id(o.eid)) {
            report.warning(o.line, ProblemCode::bad_value,
                           "the organization eId " + in_quotes(o.eid) + " holds white space or control characters; it cannot be an authority id");
            continue;
        }
        if (std::none_of(work.issuers.begin(), work.issuers.end(), [&](const Org& x) { return x.href == o.href; }))
            work.issuers.push_back(o);
    }
    if (work.issuers.empty()) {
        work.unknown_issuer_line = scan.authors.empty() ? scan.work_line : scan.authors.front().line;
        report.warning(work.unknown_issuer_line, ProblemCode::missing,
                       scan.authors.empty() ? "the work has no FRBRauthor; it is issued by 'unknown'"
                                            : "no FRBRauthor of the work names an organization or an href; it is issued by 'unknown'");
    }
    work.mods = scan.mods;
    return true;
}

// SPEC §9: the normdoc record of a file, read as the corpus format it is. False when there is
// none, or it cannot be used (a warning: the file is then read as any other Akoma Ntoso file).
bool read_record(std::string_view content, const Scan& scan, Reporter& report, Work& work) {
    if (!scan.record) return false;
    const RecordPlace& place = *scan.record;
    DraftRead read = read_corpus_draft(content.substr(place.begin, place.end - place.begin), report.file());
    const auto first_error = std::find_if(read.problems.begin(), read.problems.end(), [](const Problem& p) { return p.is_error(); });
    std::string why;
    if (first_error != read.problems.end())
        why = "line " + std::to_string(first_error->line + place.line - 1) + ": " + first_error->message;
    else if (read.draft->documents.size() != 1)
        why = "it holds " + std::to_string(read.draft->documents.size()) + " documents, not one";
    else if (scan.frbr_this && read.draft->documents.front().id != scan.frbr_this->value)
        why = "its document " + in_quotes(read.draft->documents.front().id) + " is not the work " + in_quotes(scan.frbr_this->value);
    if (!why.empty()) {
        report.warning(place.line, ProblemCode::bad_value,
                       "the normdoc record in meta/proprietary cannot be used (" + why + "); the file is read without it");
        return false;
    }
    // Its lines are the file's.
    const std::size_t shift = place.line - 1;
    auto at = [shift](std::size_t& line) {
        if (line != 0) line += shift;
    };
    draft::Document& d = read.draft->documents.front();
    at(d.line);
    at(d.number_line);
    at(d.dates_line);
    for (draft::Ref& r : d.issuers) at(r.line);
    if (d.drafter) at(d.drafter->line);
    for (draft::Relation& r : d.relations) {
        at(r.line);
        at(r.target.line);
    }
    for (draft::Event& e : d.events) at(e.line);
    draft::Procedure& pr = d.procedure;
    for (auto* step : {&pr.assessment, &pr.expert_review, &pr.risk_assessment})
        if (*step) at((*step)->line);
    if (pr.consultation) at(pr.consultation->line);
    for (draft::LegalityReview& l : pr.legality_reviews) {
        at(l.line);
        if (l.by) at(l.by->line);
    }
    for (draft::CollectiveDecision& c : pr.collective_decisions) at(c.line);
    if (pr.filing) {
        at(pr.filing->line);
        if (pr.filing->with) at(pr.filing->with->line);
    }
    for (draft::Authority& a : read.draft->authorities) {
        at(a.line);
        if (a.parent) at(a.parent->line);
        if (a.successor) at(a.successor->line);
    }
    for (Problem& p : read.problems) {  // warnings only
        at(p.line);
        report.warning(p.line, p.code, p.message);
    }
    work.record = true;
    work.this_line = d.line;
    work.keys.clear();
    work.keys.emplace_back(work_key(d.id));
    if (scan.frbr_uri && !scan.frbr_uri->value.empty()) work.keys.emplace_back(work_key(scan.frbr_uri->value));
    work.doc = std::move(d);
    work.record_authorities = std::move(read.draft->authorities);
    work.profile = read.draft->profile;
    work.position = scan.position;
    work.authority_positions = scan.authority_positions;
    return true;
}

// ---- the import ---------------------------------------------------------------------------------

class Importer {
public:
    explicit Importer(const AknImportOptions& options) : options_(options) {}

    // Reads one file. The content need not outlive the call.
    void add(const std::string& name, std::string_view content) {
        const std::size_t file = files_.size();
        files_.push_back(name);
        problems_.emplace_back();
        Reporter report(name, problems_.back());
        if (!read_file(file, content, report)) ++failed_;
    }

    // Skips a file too large to be real (without reading it).
    void refuse_large(const std::string& name, std::uintmax_t size) {
        files_.push_back(name);
        problems_.emplace_back();
        Reporter(name, problems_.back())
            .error(0, ProblemCode::xml_syntax, "the file has " + std::to_string(size) + " bytes, more than the " +
                                                   std::to_string(k_max_file_bytes >> 20) + " MiB an Akoma Ntoso file is allowed");
        ++failed_;
    }

    AknImportResult finish();

private:
    bool read_file(std::size_t file, std::string_view content, Reporter& report) {
        if (content.size() > k_max_file_bytes) {
            report.error(0, ProblemCode::xml_syntax, "the file is larger than " + std::to_string(k_max_file_bytes >> 20) + " MiB");
            return false;
        }
        // Decode to UTF-8 first: pugixml reads UTF-8 here, and line numbers survive conversion.
        std::string converted;
        const std::string declared = detail::declared_encoding(content);
        auto line_at = [&](std::size_t offset) {
            return static_cast<std::size_t>(std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(std::min(offset, content.size())), '\n')) + 1;
        };
        if (!detail::is_utf8_name(declared) || (declared == "UTF-8" && content.substr(0, 3) == "\xEF\xBB\xBF")) {
            const detail::Conversion c = detail::convert_to_utf8(content, detail::iconv_name(declared));
            if (!c.ok) {
                report.error(line_at(c.error_offset), ProblemCode::xml_syntax, c.error);
                return false;
            }
            converted = std::move(c.text);
            content = converted;
        } else if (const std::size_t bad = detail::find_invalid_utf8(content); bad != std::string_view::npos) {
            // Chinese registries publish GBK files that declare no encoding, or UTF-8 wrongly.
            detail::Conversion c = detail::convert_to_utf8(content, "GB18030");
            if (!c.ok) {
                report.error(line_at(bad), ProblemCode::xml_syntax, "a byte sequence that is not valid UTF-8");
                return false;
            }
            report.warning(line_at(bad), ProblemCode::bad_value,
                           "the file is not UTF-8 as " + std::string(declared.empty() ? "XML assumes without a declaration" : "declared") +
                               "; it is read as GB18030 (GBK)");
            converted = std::move(c.text);
            content = converted;
        }

        // White space between inline elements is kept (SPEC §9 titles: "Proposal for a
        // <docType>REGULATION</docType>").
        pugi::xml_document doc;
        const pugi::xml_parse_result r = doc.load_buffer(content.data(), content.size(),
                                                         k_parse_options | pugi::parse_doctype | pugi::parse_ws_pcdata, pugi::encoding_utf8);
        if (!r) {
            LineCounter lines(content);
            report.error(lines.line_at(r.offset < 0 ? 0 : static_cast<std::size_t>(r.offset)), ProblemCode::xml_syntax,
                         "not well-formed XML: " + describe(r.status));
            return false;
        }
        std::vector<Scan> scans;
        Walker walker(content, report);
        if (!walker.run(doc, scans)) return false;
        // SPEC §9: what is imported, one work per document element.
        std::size_t imported = 0;
        std::string left_out_type;
        for (std::uint32_t i = 0; i < scans.size(); ++i) {
            const Scan& scan = scans[i];
            if (scan.type == "documentCollection") {
                if (!scan.has_components) {
                    report.warning(scan.document_line, ProblemCode::bad_value,
                                   "the <documentCollection> embeds no document (components by reference are not read); it is left out");
                    if (left_out_type.empty()) left_out_type = scan.type;
                }
                continue;
            }
            if (!is_imported_type(scan.type)) {
                report.warning(scan.document_line, ProblemCode::bad_value,
                               "<" + scan.type + "> is not a normative document (only act, doc and bill are imported); it is left out");
                if (left_out_type.empty()) left_out_type = scan.type;
                continue;
            }
            Work work;
            work.file = file;
            if (!read_record(content, scan, report, work) && !make_work(scans, i, options_, report, work)) return false;
            works_.push_back(std::move(work));
            ++imported;
        }
        if (imported == 0) ++files_left_out_[left_out_type.empty() ? std::string("nothing") : left_out_type];
        return true;
    }

    void warn(std::size_t file, std::size_t line, ProblemCode code, std::string message, std::string oddity = {}) {
        problems_[file].push_back({{files_[file], line, Severity::warning, code, std::move(message), {}}, std::move(oddity)});
    }

    struct Edge {
        std::uint32_t source;  // index in kept_
        std::uint32_t target;
        RelationKind kind;
        std::size_t line;
        std::optional<Date> date;   // none: the source's effective date
        std::optional<Date> until;  // extends
    };

    // What an href names: an imported document (a part of it when `part`), a place inside the
    // document that holds it (`local`), or nothing.
    struct Named {
        std::optional<std::uint32_t> work;  // index in kept_
        bool part = false;
        bool local = false;
    };
    Named resolve(std::string_view href, const Work& holder) const;

    void drop_duplicate_ids();
    void resolve_authorities();
    void drop_duplicate_numbers();
    std::vector<Edge> resolve_relations();
    std::vector<Edge> drop_cycles(std::vector<Edge> edges);
    draft::Corpus make_draft(const std::vector<Edge>& edges) const;
    bool attribute(Problem& p, std::size_t& file, std::optional<std::uint32_t>& work) const;

    AknImportOptions options_;
    std::vector<std::string> files_;
    std::vector<std::vector<Noted>> problems_;  // per file
    std::size_t failed_ = 0;
    std::map<std::string, std::size_t> files_left_out_;
    std::vector<Work> works_;
    std::vector<std::uint32_t> kept_;  // indices into works_, in input order
    std::unordered_map<std::string_view, std::uint32_t> by_key_;  // FRBRthis / FRBRuri → kept_ index

    // Authorities: one per organization href, id its first eId (SPEC §9); those of records first.
    struct AuthorityInfo {
        draft::Authority authority;  // id, name; every field for a record's
        std::size_t file = 0;
        bool from_record = false;
    };
    std::vector<AuthorityInfo> authorities_;
    std::vector<std::vector<std::uint32_t>> issuers_;  // per kept work: authority indices
    std::optional<std::uint32_t> unknown_;
    std::optional<Profile> profile_;
};

void Importer::drop_duplicate_ids() {
    // SPEC §9: the same work in two files: the first on the command line is kept.
    IdIndex ids([this](std::uint32_t i) -> std::string_view { return works_[i].doc.id; });
    ids.reserve(works_.size());
    for (std::uint32_t i = 0; i < works_.size(); ++i) {
        Work& w = works_[i];
        if (!ids.insert(w.doc.id, i)) {
            const Work& first = works_[ids.find(w.doc.id)];
            warn(w.file, w.this_line, ProblemCode::duplicate_id,
                 "the work " + in_quotes(w.doc.id) + " was already imported from " + files_[first.file] + "; this file is skipped");
            continue;
        }
        kept_.push_back(i);
    }
}

void Importer::drop_duplicate_numbers() {
    // SPEC §7/§9: a number is a serial of its issuer's year: it is a duplicate only for a document
    // with a common issuer and the same publication year (or both unpublished), and is then
    // dropped from the later one.
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> holders;  // number → kept_ indices
    for (std::uint32_t k = 0; k < kept_.size(); ++k) {
        Work& w = works_[kept_[k]];
        if (w.doc.number.empty()) continue;
        auto year = [this](std::uint32_t j) { return works_[kept_[j]].doc.published ? int(works_[kept_[j]].doc.published->year()) : 0; };
        std::vector<std::uint32_t>& list = holders[w.doc.number];
        const auto clash = std::find_if(list.begin(), list.end(), [&](std::uint32_t j) {
            if (year(j) != year(k)) return false;
            for (std::uint32_t a : issuers_[j])
                if (std::find(issuers_[k].begin(), issuers_[k].end(), a) != issuers_[k].end()) return true;
            return false;
        });
        if (clash != list.end()) {
            const Work& first = works_[kept_[*clash]];
            warn(w.file, w.doc.number_line, ProblemCode::duplicate_number,
                 "the number " + in_quotes(w.doc.number) + " is already used by " + in_quotes(first.doc.id) + " (" + files_[first.file] +
                     ") of the same issuer and year; it is dropped from " + in_quotes(w.doc.id));
            w.doc.number.clear();
            continue;
        }
        list.push_back(k);
    }
}

void Importer::resolve_authorities() {
    std::unordered_map<std::string, std::uint32_t> by_href, record_ids;
    std::unordered_set<std::string> taken;
    // SPEC §9: the records' authorities, with all their fields, under their own ids (the first
    // record holding an id wins); their profile, the first record's.
    // In the exported corpus's order where the records say it (export-akn's order note).
    struct Held {
        draft::Authority authority;
        std::size_t file;
        std::uint64_t position;
    };
    std::vector<Held> held;
    for (std::uint32_t k : kept_) {
        Work& w = works_[k];
        if (!w.record) continue;
        if (!profile_) profile_ = w.profile;
        for (draft::Authority& a : w.record_authorities) {
            if (!taken.insert(a.id).second) continue;
            std::uint64_t position = ~std::uint64_t(0);
            for (const auto& [ref, p] : w.authority_positions)
                if (ref == a.id) position = p;
            held.push_back({std::move(a), w.file, position});
        }
        w.record_authorities.clear();
    }
    std::stable_sort(held.begin(), held.end(), [](const Held& a, const Held& b) { return a.position < b.position; });
    for (Held& h : held) {
        record_ids.emplace(h.authority.id, static_cast<std::uint32_t>(authorities_.size()));
        authorities_.push_back({std::move(h.authority), h.file, true});
    }
    // SPEC §9: other authorities are told apart by href; the first eId seen for an href
    // (command-line order) is the id. A later organization whose eId is taken gets a suffix.
    issuers_.assign(kept_.size(), {});
    for (std::size_t k = 0; k < kept_.size(); ++k) {
        Work& w = works_[kept_[k]];
        if (w.record) {
            for (const draft::Ref& r : w.doc.issuers)
                if (auto it = record_ids.find(r.id); it != record_ids.end()) issuers_[k].push_back(it->second);
            continue;
        }
        for (const Org& o : w.issuers) {
            auto [it, added] = by_href.emplace(o.href, static_cast<std::uint32_t>(authorities_.size()));
            if (added) {
                std::string id = o.eid;
                if (!taken.insert(id).second) {
                    for (int n = 2;; ++n)
                        if (taken.insert(o.eid + "-" + std::to_string(n)).second) {
                            id = o.eid + "-" + std::to_string(n);
                            break;
                        }
                    warn(w.file, o.line, ProblemCode::duplicate_id,
                         "the organization eId " + in_quotes(o.eid) + " already names another organization; href " + in_quotes(o.href) +
                             " is imported as authority " + in_quotes(id));
                }
                draft::Authority a;
                a.id = id;
                a.name = o.name.empty() ? o.eid : o.name;
                a.kind = AuthorityKind::other;
                a.line = o.line;
                authorities_.push_back({std::move(a), w.file, false});
            }
            if (std::find(issuers_[k].begin(), issuers_[k].end(), it->second) == issuers_[k].end())
                issuers_[k].push_back(it->second);
        }
        if (issuers_[k].empty()) {
            if (!unknown_) {
                // SPEC §9: the authority `unknown`; an organization that took the id first keeps it.
                std::string id(k_unknown_authority);
                for (int n = 2; !taken.insert(id).second; ++n) id = std::string(k_unknown_authority) + "-" + std::to_string(n);
                unknown_ = static_cast<std::uint32_t>(authorities_.size());
                draft::Authority a;
                a.id = id;
                a.name = "unknown issuer";
                a.kind = AuthorityKind::other;
                a.line = w.unknown_issuer_line;
                authorities_.push_back({std::move(a), w.file, false});
            }
            issuers_[k].push_back(*unknown_);
        }
    }
}

Importer::Named Importer::resolve(std::string_view href, const Work& holder) const {
    href = trim(href);
    Named out;
    if (href.empty()) return out;
    if (href.front() == '#') {
        // A reference of the file (passiveRef, activeRef …) names the document; anything else
        // after a '#' is a place inside this document (SPEC §9: `#qtext_1` gives nothing).
        const auto it = holder.refs.find(std::string(href.substr(1)));
        if (it == holder.refs.end() || trim(it->second).empty() || trim(it->second).front() == '#') {
            out.local = true;
            return out;
        }
        href = trim(it->second);
    }
    // The whole href first: an id may hold a '#' of its own; else a #fragment names a part. Then
    // the same with %XX escapes decoded.
    const std::optional<std::string> decoded_href = percent_decoded(href);
    for (std::string_view h : {href, decoded_href ? std::string_view(*decoded_href) : std::string_view()}) {
        if (h.empty()) continue;
        auto it = by_key_.find(work_key(h));
        if (it != by_key_.end()) {
            out.work = it->second;
            return out;
        }
        const std::size_t hash = h.find('#');
        std::string_view base = work_key(h.substr(0, hash));
        const bool fragment = hash != std::string_view::npos && hash + 1 < h.size();
        if (!base.empty() && hash != std::string_view::npos) it = by_key_.find(base);
        // An expression URI of an imported work (…/eng@2009-01-01[/!main]): its work.
        if (it == by_key_.end()) {
            const std::size_t at = base.find('@');
            const std::size_t slash = at == std::string_view::npos ? std::string_view::npos : base.rfind('/', at);
            if (slash != std::string_view::npos && slash > 0) it = by_key_.find(base.substr(0, slash));
        }
        if (it != by_key_.end()) {
            out.work = it->second;
            out.part = fragment;
            return out;
        }
    }
    return out;
}

std::vector<Importer::Edge> Importer::resolve_relations() {
    // Every work is known by its FRBRthis and FRBRuri, without /!main; the first holder wins.
    by_key_.reserve(kept_.size() * 2);
    for (std::uint32_t k = 0; k < kept_.size(); ++k)
        for (const std::string& key : works_[kept_[k]].keys) by_key_.emplace(key, k);
    std::unordered_map<std::string_view, std::uint32_t> by_id;
    for (std::uint32_t k = 0; k < kept_.size(); ++k) by_id.emplace(works_[kept_[k]].doc.id, k);

    std::vector<Edge> edges;
    std::unordered_set<std::uint64_t> seen;  // (source, target, kind): SPEC §9 one relation each
    auto add = [&](std::uint32_t source, std::uint32_t target, RelationKind kind, std::size_t line, std::optional<Date> date) {
        if (source == target) return;  // a document modifying itself is no relation between documents
        if (works_[kept_[source]].record) return;  // SPEC §9: the record says what its document does
        const std::uint64_t key = (std::uint64_t(source) << 32 | target) * 8 + static_cast<std::uint64_t>(kind);
        if (!seen.insert(key).second) return;
        edges.push_back({source, target, kind, line, date, std::nullopt});
    };
    for (std::uint32_t k = 0; k < kept_.size(); ++k) {
        Work& w = works_[kept_[k]];
        if (w.record) {
            // The record's relations, as they are, to documents of the set.
            for (const draft::Relation& r : w.doc.relations) {
                const auto it = by_id.find(r.target.id);
                if (it == by_id.end()) {
                    warn(w.file, r.line, ProblemCode::unknown_ref,
                         "the relation " + std::string(to_string(r.kind)) + " names " + in_quotes(r.target.id) +
                             ", which is not imported; it is dropped",
                         "relations naming no imported document");
                    continue;
                }
                edges.push_back({k, it->second, r.kind, r.line, r.date, r.until});
            }
            w.doc.relations.clear();
            continue;
        }
        std::size_t passive_unknown = 0, passive_first_line = 0;
        for (const TextualMod& mod : w.mods) {
            if (!mod.type || mod.type->empty()) {
                warn(w.file, mod.line, ProblemCode::bad_value, "<textualMod> has no type; it is ignored", "textualMods without a type");
                continue;
            }
            const bool repeal = *mod.type == "repeal";
            if (mod.passive) {
                // SPEC §9: its source names the document that modifies this one; its destination
                // a part of this one (or all of it).
                bool part = false;
                for (const Href& dest : mod.destinations) {
                    const Named n = resolve(dest.href, w);
                    if (n.local || (n.work && *n.work == k && n.part)) part = true;
                }
                for (const Href& src : mod.sources) {
                    const Named n = resolve(src.href, w);
                    if (n.local) continue;
                    if (!n.work) {
                        if (passive_unknown++ == 0) passive_first_line = src.line;
                        continue;
                    }
                    add(*n.work, k, repeal && !part ? RelationKind::repeals : RelationKind::amends, src.line, std::nullopt);
                }
                continue;
            }
            for (const Href& dest : mod.destinations) {
                const Named n = resolve(dest.href, w);
                if (n.local) continue;  // SPEC §9: a destination inside the same document
                if (!n.work) {
                    warn(w.file, dest.line, ProblemCode::unknown_ref,
                         "the destination " + in_quotes(trim(dest.href)) + " names no imported document; the modification is dropped",
                         "modifications naming no imported document");
                    continue;
                }
                add(k, *n.work, repeal && !n.part ? RelationKind::repeals : RelationKind::amends, dest.line, std::nullopt);
            }
        }
        if (passive_unknown > 0)
            warn(w.file, passive_first_line, ProblemCode::unknown_ref,
                 std::to_string(passive_unknown) + (passive_unknown == 1 ? " passive modification names" : " passive modifications name") +
                     " no imported document, first at line " + std::to_string(passive_first_line) + "; dropped");
        // SPEC §9: a lifecycle repeal whose source names an imported document.
        for (const RepealSource& r : w.repeal_sources) {
            const Named n = resolve(r.href, w);
            if (n.work) add(*n.work, k, RelationKind::repeals, r.line, r.date);
        }
    }
    return edges;
}

std::vector<Importer::Edge> Importer::drop_cycles(std::vector<Edge> edges) {
    // SPEC §9: a relation that would close a modification cycle is dropped. Only edges inside a
    // strongly connected component of all the modification edges can close one, so the per-edge
    // reachability search runs on those alone (in practice: none).
    const std::size_t n = kept_.size();
    std::vector<std::uint32_t> offsets(n + 1, 0), targets;
    for (const Edge& e : edges)
        if (is_modification_cycle_kind(e.kind)) ++offsets[e.source + 1];
    for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
    targets.resize(offsets[n]);
    {
        std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
        for (const Edge& e : edges)
            if (is_modification_cycle_kind(e.kind)) targets[fill[e.source]++] = e.target;
    }
    const auto components = strongly_connected_components(offsets, targets);
    if (components.empty()) return edges;

    std::vector<std::uint32_t> component(n, 0xffffffffu);
    for (std::uint32_t c = 0; c < components.size(); ++c)
        for (std::uint32_t v : components[c]) component[v] = c;

    // Edges inside a component, added one by one in input order unless the target already
    // reaches the source through edges added so far.
    std::vector<std::vector<std::uint32_t>> added(n);
    std::vector<std::uint32_t> mark(n, 0), stack;
    std::uint32_t epoch = 0;
    std::vector<bool> keep(edges.size(), true);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge& e = edges[i];
        if (!is_modification_cycle_kind(e.kind)) continue;
        if (component[e.source] == 0xffffffffu || component[e.source] != component[e.target]) continue;
        ++epoch;
        bool reaches = false;
        stack.assign(1, e.target);
        mark[e.target] = epoch;
        while (!stack.empty() && !reaches) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            for (std::uint32_t next : added[v]) {
                if (next == e.source) {
                    reaches = true;
                    break;
                }
                if (mark[next] != epoch) {
                    mark[next] = epoch;
                    stack.push_back(next);
                }
            }
        }
        if (reaches) {
            keep[i] = false;
            const Work& w = works_[kept_[e.source]];
            warn(w.file, e.line, ProblemCode::modification_cycle,
                 "'" + w.doc.id + "' " + std::string(to_string(e.kind)) + " '" + works_[kept_[e.target]].doc.id +
                     "' would close a cycle of modifications; the relation is dropped");
        } else {
            added[e.source].push_back(e.target);
        }
    }
    std::vector<Edge> out;
    out.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i)
        if (keep[i]) out.push_back(edges[i]);
    return out;
}

draft::Corpus Importer::make_draft(const std::vector<Edge>& edges) const {
    draft::Corpus d;
    if (profile_) d.profile = *profile_;
    // The records' authorities, and those that issue a kept document.
    std::vector<bool> used(authorities_.size(), false);
    for (const auto& list : issuers_)
        for (std::uint32_t a : list) used[a] = true;
    for (std::size_t a = 0; a < authorities_.size(); ++a)
        if (used[a] || authorities_[a].from_record) d.authorities.push_back(authorities_[a].authority);
    d.documents.reserve(kept_.size());
    for (std::size_t k = 0; k < kept_.size(); ++k) {
        const Work& w = works_[kept_[k]];
        draft::Document doc = w.doc;
        if (!w.record)
            for (std::uint32_t a : issuers_[k]) doc.issuers.push_back({authorities_[a].authority.id, doc.line});
        d.documents.push_back(std::move(doc));
    }
    for (const Edge& e : edges)
        d.documents[e.source].relations.push_back({e.kind, {d.documents[e.target].id, e.line}, e.date, e.until, e.line});
    return d;
}

// The validator says what each problem is about (Problem::subject): that gives it its file back.
bool Importer::attribute(Problem& p, std::size_t& file, std::optional<std::uint32_t>& work) const {
    if (const std::string_view id = p.subject.document_id(); !id.empty()) {
        for (std::uint32_t k = 0; k < kept_.size(); ++k)
            if (works_[kept_[k]].doc.id == id) {
                file = works_[kept_[k]].file;
                work = k;
                return true;
            }
        return false;
    }
    if (p.subject.kind == SubjectKind::authority) {
        for (const AuthorityInfo& a : authorities_)
            if (a.authority.id == p.subject.id) {
                file = a.file;
                return true;
            }
    }
    return false;
}

AknImportResult Importer::finish() {
    AknImportResult result;
    result.files_read = files_.size();
    drop_duplicate_ids();
    // Documents exported by normdoc come back in the exported corpus's order (its order note),
    // the others after them in command-line order.
    std::stable_sort(kept_.begin(), kept_.end(), [this](std::uint32_t a, std::uint32_t b) {
        const auto key = [this](std::uint32_t i) { return works_[i].position.value_or(~std::uint64_t(0)); };
        return key(a) < key(b);
    });
    resolve_authorities();
    drop_duplicate_numbers();
    std::vector<Edge> edges = drop_cycles(resolve_relations());

    // The validator should find nothing the import has not resolved; if it does, the documents it
    // names are dropped (an error for their files) and the rest is built again.
    std::vector<Problem> unattributed;
    for (int round = 0; round < 3 && !kept_.empty(); ++round) {
        LoadResult built = build_corpus(make_draft(edges));
        std::vector<bool> drop(kept_.size(), false);
        bool unplaced_error = false;
        for (Problem& p : built.problems) {
            std::size_t file = 0;
            std::optional<std::uint32_t> work;
            if (attribute(p, file, work)) {
                p.file = files_[file];
                if (p.is_error() && work) drop[*work] = true;
                else if (p.is_error()) unplaced_error = true;
                problems_[file].push_back({std::move(p), {}});
            } else {
                if (p.is_error()) unplaced_error = true;
                unattributed.push_back(std::move(p));
            }
        }
        if (built.corpus) {
            result.corpus = std::move(built.corpus);
            break;
        }
        if (unplaced_error || std::none_of(drop.begin(), drop.end(), [](bool b) { return b; })) break;
        // Drop the documents the validator refused, the relations touching them, and rebuild.
        std::vector<std::uint32_t> remap(kept_.size(), 0xffffffffu), kept;
        std::vector<std::vector<std::uint32_t>> issuers;
        for (std::uint32_t k = 0; k < kept_.size(); ++k) {
            if (drop[k]) {
                ++failed_;
                continue;
            }
            remap[k] = static_cast<std::uint32_t>(kept.size());
            kept.push_back(kept_[k]);
            issuers.push_back(issuers_[k]);
        }
        std::vector<Edge> remaining;
        for (const Edge& e : edges)
            if (!drop[e.source] && !drop[e.target]) remaining.push_back({remap[e.source], remap[e.target], e.kind, e.line, e.date, e.until});
        kept_ = std::move(kept);
        issuers_ = std::move(issuers);
        edges = std::move(remaining);
    }
    // SPEC §7/§9: files in the order given, each in line order.
    for (std::size_t f = 0; f < files_.size(); ++f) {
        std::stable_sort(problems_[f].begin(), problems_[f].end(),
                         [](const Noted& a, const Noted& b) { return a.problem.line < b.problem.line; });
        for (Noted& n : problems_[f]) {
            result.problems.push_back(std::move(n.problem));
            result.oddities.push_back(std::move(n.oddity));
        }
    }
    for (Problem& p : unattributed) {
        result.problems.push_back(std::move(p));
        result.oddities.emplace_back();
    }
    result.files_failed = failed_;
    result.files_left_out = files_left_out_;
    return result;
}

}  // namespace

AknImportResult import_akn_sources(const std::vector<AknSource>& sources, const AknImportOptions& options) {
    Importer importer(options);
    for (const AknSource& s : sources) importer.add(s.name, s.content);
    return importer.finish();
}

AknImportResult import_akn(const std::vector<std::string>& files, const AknImportOptions& options) {
    Importer importer(options);
    for (const std::string& path : files) {
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (!ec && std::filesystem::is_regular_file(status)) {
            const std::uintmax_t size = std::filesystem::file_size(path, ec);
            if (!ec && size > k_max_file_bytes) {
                importer.refuse_large(path, size);
                continue;
            }
        }
        const FileBytes bytes = load_file(path);  // IoError: SPEC §9 exit 3, nothing written
        importer.add(path, bytes.view());
    }
    return importer.finish();
}

std::vector<Problem> condensed_problems(const AknImportResult& result) {
    // One line per file, code and oddity that repeats, at the first one's place.
    std::vector<Problem> out;
    std::map<std::tuple<std::string, ProblemCode, std::string>, std::size_t> count;
    for (std::size_t i = 0; i < result.problems.size(); ++i)
        if (i < result.oddities.size() && !result.oddities[i].empty())
            ++count[{result.problems[i].file, result.problems[i].code, result.oddities[i]}];
    std::set<std::tuple<std::string, ProblemCode, std::string>> written;
    for (std::size_t i = 0; i < result.problems.size(); ++i) {
        const Problem& p = result.problems[i];
        const std::string oddity = i < result.oddities.size() ? result.oddities[i] : std::string();
        if (oddity.empty()) {
            out.push_back(p);
            continue;
        }
        const auto key = std::make_tuple(p.file, p.code, oddity);
        const std::size_t n = count[key];
        if (n == 1) {
            out.push_back(p);
            continue;
        }
        if (!written.insert(key).second) continue;
        Problem summary = p;
        summary.message = std::to_string(n) + " " + oddity + ", first at line " + std::to_string(p.line) + ": " + p.message;
        summary.subject = {};
        out.push_back(std::move(summary));
    }
    return out;
}

}  // namespace normdoc
