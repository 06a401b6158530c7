// Akoma Ntoso 3.0 export (SPEC §9): one metadata document per corpus document, in the schema's
// element order (meta: identification, publication, lifecycle, analysis, references), so that
// other Akoma Ntoso tools read it and import-akn gives back the same corpus for the fields §9
// lists. Each file is written atomically (write_file_atomically).
#include "normdoc/akn.hpp"
#include "normdoc/atomic_file.hpp"
#include "normdoc/io.hpp"

#include "xml/xml_support.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <unordered_set>

#include <sys/stat.h>

namespace normdoc {
namespace {

using detail::xml::append_escaped_attribute;
using detail::xml::append_escaped_text;

// SPEC §9: the work URI of a document is its id without a trailing /!main (its FRBRthis is the id).
std::string_view work_uri(std::string_view id) {
    constexpr std::string_view k_main = "/!main";
    if (id.size() > k_main.size() && id.substr(id.size() - k_main.size()) == k_main) id.remove_suffix(k_main.size());
    return id;
}

// Percent-encodes bytes outside [A-Za-z0-9._~-] (an href built from an id).
std::string percent_encoded(std::string_view s, bool keep_tilde) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.' || (keep_tilde && c == '~');
        if (plain) {
            out += ch;
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
    return out;
}

// A text as a URI reference (xs:anyURI): '%', '#', white space, controls and the characters URIs
// exclude are percent-encoded; everything else (non-ASCII too, as IRIs have it) stays. import-akn
// decodes it back when the text as written names nothing.
std::string uri_escaped(std::string_view s) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f || c == '%' || c == '#' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
            c == '`' || c == '{' || c == '|' || c == '}') {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

// FNV-1a, 64 bits: a stable suffix for names cut to length.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

class Writer {
public:
    Writer(const Corpus& corpus, DocumentId id) : c_(corpus), id_(id), doc_(corpus.document(id)) {
        // The fixed eIds of the file must not be taken by an issuer's id (authority ids are eIds).
        for (AuthorityId a : doc_.issuers()) taken_.insert(std::string(c_.authority(a).id()));
        source_ = fresh("normdoc");
        commencement_ = fresh("commencement");
        invalidation_ = fresh("invalidation");
    }

    std::string run() {
        out_.reserve(4096);
        out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        out_ += "<akomaNtoso xmlns=\"";
        out_ += k_akn_namespace;
        out_ += "\">\n";
        out_ += "  <act name=\"";
        out_ += to_string(doc_.kind());
        out_ += "\">\n    <meta>\n";
        identification();
        publication();
        lifecycle();
        analysis();
        references();
        out_ += "    </meta>\n";
        out_ += "    <preface>\n      <longTitle>\n        <p><docTitle>";
        append_escaped_text(out_, doc_.title());
        out_ += "</docTitle></p>\n      </longTitle>\n    </preface>\n";
        // The body is required and holds at least one hierarchy element; these are metadata files.
        out_ +=
            "    <body>\n      <hcontainer eId=\"hcontainer_1\" name=\"metadata\">\n        <content>\n"
            "          <p/>\n        </content>\n      </hcontainer>\n    </body>\n";
        out_ += "  </act>\n</akomaNtoso>\n";
        return std::move(out_);
    }

private:
    std::string fresh(const std::string& base) {
        std::string name = base;
        for (int n = 2; !taken_.insert(name).second; ++n) name = base + "-" + std::to_string(n);
        return name;
    }

    void attr(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        append_escaped_attribute(out_, value);
        out_ += '"';
    }
    void empty(int indent, std::string_view element, std::initializer_list<std::pair<std::string_view, std::string_view>> attrs) {
        out_.append(static_cast<std::size_t>(indent), ' ');
        out_ += '<';
        out_ += element;
        for (const auto& [n, v] : attrs) attr(n, v);
        out_ += "/>\n";
    }

    // FRBRWork's date: published; a draft has none, so it gets a date named "draft" (the schema
    // wants one), which import-akn does not take for a publication.
    std::pair<std::string, std::string_view> work_date() const {
        if (doc_.published()) return {format_date(*doc_.published()), "publication"};
        if (doc_.effective()) return {format_date(*doc_.effective()), "draft"};
        return {"1900-01-01", "draft"};
    }

    void authors(int indent) {
        for (AuthorityId a : doc_.issuers()) empty(indent, "FRBRauthor", {{"href", "#" + uri_escaped(c_.authority(a).id())}});
    }

    void identification() {
        const std::string uri(work_uri(doc_.id()));
        const auto [date, date_name] = work_date();
        const std::string expression = uri + "/zho@" + (doc_.published() ? date : std::string());
        out_ += "      <identification source=\"#" + source_ + "\">\n";
        out_ += "        <FRBRWork>\n";
        empty(10, "FRBRthis", {{"value", doc_.id()}});
        empty(10, "FRBRuri", {{"value", uri}});
        empty(10, "FRBRalias", {{"value", doc_.title()}, {"name", "title"}});
        empty(10, "FRBRdate", {{"date", date}, {"name", date_name}});
        authors(10);
        empty(10, "FRBRcountry", {{"value", "cn"}});
        empty(10, "FRBRsubtype", {{"value", to_string(doc_.kind())}});
        if (!doc_.number().empty()) empty(10, "FRBRnumber", {{"value", doc_.number()}, {"showAs", doc_.number()}});
        out_ += "        </FRBRWork>\n        <FRBRExpression>\n";
        empty(10, "FRBRthis", {{"value", expression + "/!main"}});
        empty(10, "FRBRuri", {{"value", expression}});
        empty(10, "FRBRdate", {{"date", date}, {"name", date_name}});
        authors(10);
        empty(10, "FRBRlanguage", {{"language", "zho"}});
        out_ += "        </FRBRExpression>\n        <FRBRManifestation>\n";
        empty(10, "FRBRthis", {{"value", expression + "/!main.xml"}});
        empty(10, "FRBRuri", {{"value", expression + ".akn"}});
        empty(10, "FRBRdate", {{"date", date}, {"name", date_name}});
        empty(10, "FRBRauthor", {{"href", "#" + source_}});
        empty(10, "FRBRformat", {{"value", "application/akn+xml"}});
        out_ += "        </FRBRManifestation>\n      </identification>\n";
    }

    void publication() {
        if (!doc_.published()) return;
        empty(6, "publication",
              {{"date", format_date(*doc_.published())}, {"name", "publication"}, {"showAs", doc_.number().empty() ? doc_.title() : doc_.number()}});
    }

    void lifecycle() {
        if (!doc_.published() && !doc_.effective() && doc_.events().empty()) return;  // lifecycle needs an eventRef
        const std::string src = "#" + source_;
        out_ += "      <lifecycle source=\"" + src + "\">\n";
        if (doc_.published())
            empty(8, "eventRef", {{"eId", "lifecycle__generation"}, {"date", format_date(*doc_.published())}, {"source", src}, {"type", "generation"}});
        if (doc_.effective())
            empty(8, "eventRef",
                  {{"eId", "lifecycle__commencement"}, {"date", format_date(*doc_.effective())}, {"source", src}, {"type", "generation"},
                   {"refersTo", "#" + commencement_}});
        // SPEC §9: only the document's own events, so that import gives back the same events.
        for (std::size_t i = 0; i < doc_.events().size(); ++i) {
            const Event& e = doc_.events()[i];
            const std::string eid = "lifecycle__event_" + std::to_string(i + 1);
            const std::string source = e.source.empty() ? src : "#" + eid + "__source";
            const std::string date = format_date(e.date);
            switch (e.type) {
                case EventType::amendment:
                    empty(8, "eventRef", {{"eId", eid}, {"date", date}, {"source", source}, {"type", "amendment"}});
                    break;
                case EventType::repeal:
                    empty(8, "eventRef", {{"eId", eid}, {"date", date}, {"source", source}, {"type", "repeal"}});
                    break;
                case EventType::invalidation:  // 宣布失效: a repeal that refers to an invalidation event
                    empty(8, "eventRef",
                          {{"eId", eid}, {"date", date}, {"source", source}, {"type", "repeal"}, {"refersTo", "#" + invalidation_}});
                    break;
            }
        }
        out_ += "      </lifecycle>\n";
    }

    void analysis() {
        std::size_t count = 0;
        std::string mods;
        for (const Relation& r : c_.relations_from(id_)) {
            if (r.kind != RelationKind::repeals && r.kind != RelationKind::amends) continue;
            if (r.target == id_) continue;
            const std::string target = uri_escaped(work_uri(c_.document(r.target).id()));
            mods += "          <textualMod eId=\"analysis__mod_" + std::to_string(++count) + "\" type=\"";
            mods += r.kind == RelationKind::repeals ? "repeal" : "substitution";
            mods += "\">\n            <source href=\"#hcontainer_1\"/>\n            <destination href=\"";
            append_escaped_attribute(mods, target);
            mods += "\"/>\n          </textualMod>\n";
        }
        if (count == 0) return;
        out_ += "      <analysis source=\"#" + source_ + "\">\n        <activeModifications>\n";
        out_ += mods;
        out_ += "        </activeModifications>\n      </analysis>\n";
    }

    void references() {
        out_ += "      <references source=\"#" + source_ + "\">\n";
        // Event sources (free text in normdoc) travel as references to the documents they name.
        for (std::size_t i = 0; i < doc_.events().size(); ++i) {
            const Event& e = doc_.events()[i];
            if (e.source.empty()) continue;
            empty(8, "passiveRef",
                  {{"eId", "lifecycle__event_" + std::to_string(i + 1) + "__source"}, {"href", uri_escaped(e.source)}, {"showAs", e.source}});
        }
        for (AuthorityId a : doc_.issuers()) {
            const Authority au = c_.authority(a);
            // Import tells authorities apart by href: one per authority id.
            empty(8, "TLCOrganization",
                  {{"eId", au.id()}, {"href", "/ontology/organization/normdoc/" + percent_encoded(au.id(), true)}, {"showAs", au.name()}});
        }
        empty(8, "TLCOrganization", {{"eId", source_}, {"href", "/ontology/organization/normdoc"}, {"showAs", "normdoc"}});
        empty(8, "TLCEvent", {{"eId", commencement_}, {"href", "/ontology/event/commencement"}, {"showAs", "commencement"}});
        if (std::any_of(doc_.events().begin(), doc_.events().end(), [](const Event& e) { return e.type == EventType::invalidation; }))
            empty(8, "TLCEvent", {{"eId", invalidation_}, {"href", "/ontology/event/invalidation"}, {"showAs", "宣布失效"}});
        out_ += "      </references>\n";
    }

    const Corpus& c_;
    DocumentId id_;
    const Document doc_;
    std::unordered_set<std::string> taken_;
    std::string source_, commencement_, invalidation_;
    std::string out_;
};

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

std::string write_akn(const Corpus& corpus, DocumentId document) { return Writer(corpus, document).run(); }

std::string akn_file_name(std::string_view id) {
    // 255 bytes is the usual limit of a file name; leave room for "~NN" and ".xml".
    constexpr std::size_t k_max_stem = 200;
    std::string stem = percent_encoded(id, false);
    if (stem.empty()) stem = "%";  // cannot happen for a valid id; never an empty name
    if (stem.front() == '.') stem.replace(0, 1, "%2E");  // never hidden, never "." or ".."
    if (stem.size() > k_max_stem) {
        static constexpr char k_hex[] = "0123456789abcdef";
        std::uint64_t h = fnv1a(id);
        std::string suffix = "~";
        for (int i = 0; i < 16; ++i, h >>= 4) suffix += k_hex[h & 15];
        std::size_t cut = k_max_stem - suffix.size();
        // Never cut inside a %XX escape.
        while (cut > 0 && (stem[cut - 1] == '%' || (cut >= 2 && stem[cut - 2] == '%'))) --cut;
        stem = stem.substr(0, cut) + suffix;
    }
    return stem + ".xml";
}

std::vector<std::string> export_akn(const Corpus& corpus, const std::string& directory) {
    if (::mkdir(directory.c_str(), 0777) != 0 && errno != EEXIST) throw IoError(directory, std::strerror(errno));
    struct stat st {};
    if (::stat(directory.c_str(), &st) != 0) throw IoError(directory, std::strerror(errno));
    if (!S_ISDIR(st.st_mode)) throw IoError(directory, "not a directory");

    std::vector<std::string> names;
    names.reserve(corpus.document_count());
    std::unordered_set<std::string> taken;  // lower case: unique on case-insensitive file systems too
    for (DocumentId id : corpus.documents()) {
        std::string name = akn_file_name(corpus.document(id).id());
        if (!taken.insert(lower_ascii(name)).second) {
            const std::string stem = name.substr(0, name.size() - 4);
            for (int n = 2;; ++n) {
                name = stem + "~" + std::to_string(n) + ".xml";
                if (taken.insert(lower_ascii(name)).second) break;
            }
        }
        const std::string xml = write_akn(corpus, id);
        write_file_atomically(directory + "/" + name, [&](OutputSink& sink) { sink.write(xml); });
        names.push_back(std::move(name));
    }
    return names;
}

}  // namespace normdoc
