// Stage 1 of the Akoma Ntoso import (SPEC §9): the one walk of a file, into Scans.
#include "xml/akn_scan.hpp"

#include "normdoc/akn.hpp"
#include "xml/akn_values.hpp"
#include "xml/vocabulary.hpp"
#include "xml/xml_support.hpp"

#include <algorithm>

namespace normdoc::detail::akn {
namespace {

using namespace normdoc::detail::xml;

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

}  // namespace

bool scan_file(const pugi::xml_document& doc, std::string_view source, Reporter& report, std::vector<Scan>& scans) {
    Walker walker(source, report);
    return walker.run(doc, scans);
}

}  // namespace normdoc::detail::akn
