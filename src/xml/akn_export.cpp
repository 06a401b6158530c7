// Akoma Ntoso 3.0 export (SPEC §9): one metadata document per corpus document, in the schema's
// element order (meta: identification, publication, lifecycle, analysis, references,
// proprietary). What Akoma Ntoso has an element for goes there, for other readers: every
// modifying relation in activeModifications, commencement and expiry in the lifecycle. Everything
// goes in meta/proprietary as a corpus of format 1 (SPEC §7) holding the profile, the document
// with every field and relation, and the authorities it names with all their fields, so that
// import-akn gives back an equal corpus. The set is written into a directory beside the target
// and moved in at the end: a failure leaves no partial set.
#include "normdoc/akn.hpp"
#include "normdoc/atomic_file.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/io.hpp"

#include "xml/xml_support.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

// SPEC §9: the authorities a document's record holds: those it names (issuers, drafter, the
// legality review's `by`, the filing's `with`) and, from them, every parent and successor.
std::vector<AuthorityId> named_authorities(const Corpus& c, const draft::Document& d) {
    std::vector<AuthorityId> out;
    std::unordered_set<std::uint32_t> seen;
    auto add = [&](std::string_view id) {
        if (const auto a = c.find_authority(id); a && seen.insert(a->index()).second) out.push_back(*a);
    };
    for (const draft::Ref& r : d.issuers) add(r.id);
    if (d.drafter) add(d.drafter->id);
    for (const draft::LegalityReview& l : d.procedure.legality_reviews)
        if (l.by) add(l.by->id);
    if (d.procedure.filing && d.procedure.filing->with) add(d.procedure.filing->with->id);
    for (std::size_t i = 0; i < out.size(); ++i) {  // the closure, without recursion
        const Authority a = c.authority(out[i]);
        for (AuthorityId next : {a.parent(), a.successor()})
            if (next && seen.insert(next.index()).second) out.push_back(next);
    }
    return out;
}

class Writer {
public:
    Writer(const Corpus& corpus, DocumentId id, const std::vector<AuthorityId>& extra = {})
        : c_(corpus), id_(id), doc_(corpus.document(id)), extra_(extra) {
        // The fixed eIds of the file must not be taken by an issuer's id (authority ids are eIds).
        for (AuthorityId a : doc_.issuers()) taken_.insert(std::string(c_.authority(a).id()));
        source_ = fresh("normdoc");
        commencement_ = fresh("commencement");
        invalidation_ = fresh("invalidation");
        expiry_ = fresh("expiry");
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
        proprietary();
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
        // SPEC §9: expiry in the lifecycle, for other readers: an event (Akoma Ntoso has no type
        // for it) on the first day the document is no longer in force, referring to an expiry
        // TLCEvent. import-akn takes `expires` from the record.
        if (doc_.expires())
            empty(8, "eventRef",
                  {{"eId", "lifecycle__expiry"}, {"date", format_date(*doc_.expires() + boost::gregorian::days(1))}, {"source", src},
                   {"refersTo", "#" + expiry_}});
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

    // SPEC §9: every modifying relation in activeModifications: repeals and supersedes as a
    // textualMod of type repeal, amends as one of type substitution, declares-invalid and extends
    // as forceMods (endOfEnactment, prorogationOfForce). Their dates and `until` are in the record.
    void analysis() {
        std::size_t count = 0;
        std::string mods;
        for (const Relation& r : c_.relations_from(id_)) {
            if (!is_modifying(r.kind) || r.target == id_) continue;
            const std::string target = uri_escaped(work_uri(c_.document(r.target).id()));
            const bool textual = r.kind != RelationKind::declares_invalid && r.kind != RelationKind::extends;
            const char* type = r.kind == RelationKind::amends              ? "substitution"
                               : r.kind == RelationKind::declares_invalid ? "endOfEnactment"
                               : r.kind == RelationKind::extends          ? "prorogationOfForce"
                                                                          : "repeal";
            mods += std::string("          <") + (textual ? "textualMod" : "forceMod") + " eId=\"analysis__mod_" + std::to_string(++count) +
                    "\" type=\"" + type + "\">\n            <source href=\"#hcontainer_1\"/>\n            <destination href=\"";
            append_escaped_attribute(mods, target);
            mods += std::string("\"/>\n          </") + (textual ? "textualMod" : "forceMod") + ">\n";
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
        if (doc_.expires())
            empty(8, "TLCEvent", {{"eId", expiry_}, {"href", "/ontology/event/expiry"}, {"showAs", "expiry (有效期届满)"}});
        if (std::any_of(doc_.events().begin(), doc_.events().end(), [](const Event& e) { return e.type == EventType::invalidation; }))
            empty(8, "TLCEvent", {{"eId", invalidation_}, {"href", "/ontology/event/invalidation"}, {"showAs", "宣布失效"}});
        out_ += "      </references>\n";
    }

    // SPEC §9: the normdoc record, a corpus of format 1 that import-akn prefers.
    void proprietary() {
        draft::Corpus record;
        record.profile = c_.profile();
        record.documents.push_back(to_draft(c_, id_));
        std::vector<AuthorityId> authorities = named_authorities(c_, record.documents.front());
        for (AuthorityId a : extra_)
            if (std::find(authorities.begin(), authorities.end(), a) == authorities.end()) authorities.push_back(a);
        std::sort(authorities.begin(), authorities.end(), [](AuthorityId a, AuthorityId b) { return a.index() < b.index(); });
        for (AuthorityId a : authorities) record.authorities.push_back(to_draft(c_, a));
        std::string xml = write_corpus(record);
        if (xml.compare(0, 5, "<?xml") == 0) xml.erase(0, xml.find('\n') + 1);  // its declaration: this file has one
        out_ += "      <proprietary source=\"#" + source_ + "\">\n";
        out_ += xml;
        // The places of the document and its authorities in the corpus, so that the import gives
        // them back in the same order (§7's equality ignores order; reports for people follow it).
        out_ += "<order xmlns=\"";
        out_ += k_akn_order_namespace;
        out_ += "\" document=\"" + std::to_string(id_.index()) + "\">\n";
        for (AuthorityId a : authorities) {
            out_ += "  <authority ref=\"";
            append_escaped_attribute(out_, c_.authority(a).id());
            out_ += "\" position=\"" + std::to_string(a.index()) + "\"/>\n";
        }
        out_ += "</order>\n";
        out_ += "      </proprietary>\n";
    }

    const Corpus& c_;
    DocumentId id_;
    const Document doc_;
    std::unordered_set<std::string> taken_;
    std::string source_, commencement_, invalidation_, expiry_;
    const std::vector<AuthorityId>& extra_;
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
    // Readable and globbable (issue 14): the id's path without a URL's scheme and host, Akoma
    // Ntoso's leading /akn/ and a trailing /!main or /main; every run of other bytes than
    // [A-Za-z0-9._] and UTF-8 letters one '-'; no '-' or '.' at the ends (never hidden, never
    // ".."). "/akn/za/act/2014/10/!main" → "za-act-2014-10.xml".
    std::string_view s = id;
    if (const std::size_t scheme = s.find("://"); scheme != std::string_view::npos) {
        s.remove_prefix(scheme + 3);
        const std::size_t slash = s.find('/');
        if (slash != std::string_view::npos && slash + 1 < s.size()) s.remove_prefix(slash + 1);
    }
    s = work_uri(s);
    constexpr std::string_view k_main = "/main";
    if (s.size() > k_main.size() && s.substr(s.size() - k_main.size()) == k_main) s.remove_suffix(k_main.size());
    while (!s.empty() && s.front() == '/') s.remove_prefix(1);
    if (s.substr(0, 4) == "akn/" && s.size() > 4) s.remove_prefix(4);
    std::string stem;
    stem.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c >= 0x80;
        if (plain) stem += ch;
        else if (!stem.empty() && stem.back() != '-') stem += '-';
    }
    while (!stem.empty() && (stem.back() == '-' || stem.back() == '.')) stem.pop_back();
    std::size_t lead = 0;
    while (lead < stem.size() && (stem[lead] == '-' || stem[lead] == '.')) ++lead;
    stem.erase(0, lead);
    if (stem.empty()) stem = "document";
    // 255 bytes is the usual limit of a file name: long ones are cut (at a character boundary)
    // with a hash of the id, leaving room for a collision suffix and ".xml".
    constexpr std::size_t k_max_stem = 200;
    if (stem.size() > k_max_stem) {
        static constexpr char k_hex[] = "0123456789abcdef";
        std::uint64_t h = fnv1a(id);
        std::string suffix = "-";
        for (int i = 0; i < 16; ++i, h >>= 4) suffix += k_hex[h & 15];
        std::size_t cut = k_max_stem - suffix.size();
        while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
        stem = stem.substr(0, cut) + suffix;
    }
    return stem + ".xml";
}

namespace {

// The names of a corpus's files: akn_file_name, unique ignoring case (case-insensitive file
// systems). Deterministic: the first document (in corpus order) holding a name keeps it; each
// later one gets "-2", "-3" … before ".xml", the first such name no document holds.
std::vector<std::string> file_names(const Corpus& corpus) {
    std::vector<std::string> names;
    names.reserve(corpus.document_count());
    std::unordered_set<std::string> taken;
    std::vector<bool> clash;
    for (DocumentId id : corpus.documents()) {
        names.push_back(akn_file_name(corpus.document(id).id()));
        clash.push_back(!taken.insert(lower_ascii(names.back())).second);
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!clash[i]) continue;
        const std::string stem = names[i].substr(0, names[i].size() - 4);
        for (int n = 2;; ++n) {
            std::string name = stem + "-" + std::to_string(n) + ".xml";
            if (taken.insert(lower_ascii(name)).second) {
                names[i] = std::move(name);
                break;
            }
        }
    }
    return names;
}

// A new file of the set: created under a temporary name, written, closed, renamed to its name.
void write_plain(FileSystem& fs, const std::string& dir, const std::string& name, const std::string& xml) {
    std::string path = dir + "/.part-XXXXXX";
    int fd = -1;
    if (const int e = fs.open_named(path, fd); e != 0) throw IoError(dir + "/" + name, std::strerror(e));
    std::size_t done = 0;
    while (done < xml.size()) {
        std::size_t written = 0;
        if (const int e = fs.write(fd, xml.data() + done, xml.size() - done, written); e != 0) {
            fs.close(fd);
            throw IoError(dir + "/" + name, std::strerror(e));
        }
        done += written;
    }
    if (const int e = fs.close(fd); e != 0) throw IoError(dir + "/" + name, std::strerror(e));
    if (const int e = fs.rename(path, dir + "/" + name); e != 0) throw IoError(dir + "/" + name, std::strerror(e));
}

// Everything written into `dir` reaches the disk: syncfs once (Linux), then the directory.
void sync_set(FileSystem& fs, const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw IoError(dir, std::strerror(errno));
    const int failed = ::syncfs(fd) != 0 ? errno : 0;
    ::close(fd);
    if (failed != 0) throw IoError(dir, std::strerror(failed));
    if (const int e = fs.sync_directory(dir); e != 0) throw IoError(dir, std::strerror(e));
}

// The authorities no document names: they travel in the first file's record (SPEC §9: every
// authority).
std::vector<AuthorityId> unnamed_authorities(const Corpus& corpus) {
    std::vector<bool> named(corpus.authority_count(), false);
    for (DocumentId id : corpus.documents())
        for (AuthorityId a : named_authorities(corpus, to_draft(corpus, id))) named[a.index()] = true;
    std::vector<AuthorityId> out;
    for (AuthorityId a : corpus.authorities())
        if (!named[a.index()]) out.push_back(a);
    return out;
}

bool is_empty_directory(const std::string& path) {
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) return false;
    bool empty = true;
    while (const dirent* e = ::readdir(dir))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) {
            empty = false;
            break;
        }
    ::closedir(dir);
    return empty;
}

}  // namespace

std::vector<AknSource> write_akn_files(const Corpus& corpus) {
    const std::vector<std::string> names = file_names(corpus);
    const std::vector<AuthorityId> unnamed = unnamed_authorities(corpus);
    std::vector<AknSource> out;
    out.reserve(names.size());
    std::size_t i = 0;
    for (DocumentId id : corpus.documents()) {
        out.push_back({names[i], Writer(corpus, id, i == 0 ? unnamed : std::vector<AuthorityId>{}).run()});
        ++i;
    }
    return out;
}

std::vector<std::string> export_akn(const Corpus& corpus, const std::string& directory, FileSystem& fs) {
    // The target: a directory (empty or not) or nothing yet; its parent must exist.
    struct stat st {};
    const bool exists = ::stat(directory.c_str(), &st) == 0;
    if (exists && !S_ISDIR(st.st_mode)) throw IoError(directory, "not a directory");
    if (!exists && errno != ENOENT) throw IoError(directory, std::strerror(errno));
    std::string trimmed = directory;
    while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
    const std::filesystem::path target(trimmed);
    const std::string parent = target.has_parent_path() ? target.parent_path().string() : std::string(".");
    const std::string base = target.filename().string();

    // SPEC §9 / issue 13: the whole set is written aside, beside the target, and moved in at the
    // end; on any failure it is removed and nothing of the set is in the target.
    std::string aside = parent + "/." + base + ".export-XXXXXX";
    if (::mkdtemp(aside.data()) == nullptr) throw IoError(parent, std::string("cannot create a directory: ") + std::strerror(errno));
    const std::vector<std::string> names = file_names(corpus);
    auto remove_aside = [&] {
        std::error_code ec;
        std::filesystem::remove_all(aside, ec);
    };
    try {
        const std::vector<AuthorityId> unnamed = unnamed_authorities(corpus);
        std::size_t i = 0;
        for (DocumentId id : corpus.documents()) {
            const std::string xml = Writer(corpus, id, i == 0 ? unnamed : std::vector<AuthorityId>{}).run();
            write_plain(fs, aside, names[i], xml);
            ++i;
        }
        // One flush of the whole set (the files are new, in a directory no one reads yet: a
        // file-by-file atomic write, two fsyncs each, would cost 10 s per 10,000 files).
        sync_set(fs, aside);
        if (!exists || is_empty_directory(directory)) {
            if (const int e = fs.rename(aside, trimmed); e != 0) throw IoError(directory, std::strerror(e));
            if (const int e = fs.sync_directory(parent); e != 0) throw IoError(parent, std::strerror(e));
        } else {
            // A directory that already holds files keeps the others: the set is moved in file by
            // file (renames in one file system, each atomic).
            for (const std::string& name : names)
                if (const int e = fs.rename(aside + "/" + name, trimmed + "/" + name); e != 0)
                    throw IoError(trimmed + "/" + name, std::strerror(e));
            if (const int e = fs.sync_directory(trimmed); e != 0) throw IoError(directory, std::strerror(e));
            remove_aside();
        }
    } catch (...) {
        remove_aside();
        throw;
    }
    return names;
}

}  // namespace normdoc
