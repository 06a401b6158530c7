// Reading corpus XML format 1 (SPEC §7) into a draft, reporting what only the reader can see
// (syntax, unknown elements and attributes, missing or malformed attributes, bad dates, repeated
// elements); everything about meaning is left to the one validator, build_corpus.
//
// The file is never held as one DOM: scan_layout cuts the children of each section (<documents>,
// <authorities>, …) into slices of about a mebibyte, and each slice is parsed on its own as a
// fragment in a reused buffer, walked into the draft and dropped. The source stays untouched,
// so line numbers come from it by a forward-moving cursor. A large section's slices are read on
// two threads, each walking its half (CorpusReader::read_slices), with the serial reader's result.
#include "encoding.hpp"
#include "normdoc/io.hpp"
#include "xml/vocabulary.hpp"
#include "xml/xml_support.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

namespace normdoc {
namespace {

using namespace detail::xml;
using corpus_vocabulary::k_namespace;
namespace element = corpus_vocabulary::element;
namespace attribute = corpus_vocabulary::attribute;

constexpr std::size_t k_slice_bytes = 1 << 20;

enum class SectionKind { profile, authorities, documents, ignored };

// The attributes an element may have, read in one pass: values[i] is the value of names[i], or
// nullptr when absent.
template <std::size_t N>
struct Attributes {
    const std::array<std::string_view, N>& names;
    std::array<const char*, N> values{};

    bool has(std::size_t i) const noexcept { return values[i] != nullptr; }
    std::string_view operator[](std::size_t i) const noexcept { return view(values[i]); }
};

// A continuation walker's output (SliceWalker::continuation) in chunks of at least 32 MiB, which
// glibc serves with mmap and gives back to the system when freed: appended one at a time (while
// the walker still runs), only one is ever held twice (peak memory). Smaller blocks, and those a
// growing vector leaves behind, would stay in the worker thread's malloc arena, and freeing the
// draft later is much slower next to such holes (glibc merges every small block freed there with
// its neighbours: +0.3 s on 1M documents). Tiny slices make small chunks, so that tests meet them.
template <class T>
class Chunks {
public:
    // Chunks of at least `bytes`; room for about `expected` elements in the first.
    void start(std::vector<T>& current, std::size_t bytes, std::size_t expected) {
        min_ = bytes / sizeof(T) + 1;
        current.reserve(std::min(expected, room()));
    }

    // After a slice that added `added` elements to `current`: a chunk when the next may not fit.
    void after_slice(std::vector<T>& current, std::size_t added) {
        if (current.size() < min_ || current.size() + added <= current.capacity()) return;
        std::vector<T> full = std::exchange(current, {});
        current.reserve(room());
        const std::lock_guard<std::mutex> lock(*mutex_);
        chunks_.push_back(std::move(full));
    }

    // Appends the chunks completed so far to `out`, freeing each as it goes; from another thread
    // while the walker runs.
    void move_completed_to(std::vector<T>& out) {
        for (;;) {
            std::vector<T> chunk;
            {
                const std::lock_guard<std::mutex> lock(*mutex_);
                if (moved_ == chunks_.size()) return;
                chunk = std::move(chunks_[moved_++]);
            }
            out.insert(out.end(), std::make_move_iterator(chunk.begin()), std::make_move_iterator(chunk.end()));
        }
    }

    // Once the walker is done: the rest of the chunks, then what `current` holds.
    void move_to(std::vector<T>& out, std::vector<T>& current) {
        move_completed_to(out);
        out.insert(out.end(), std::make_move_iterator(current.begin()), std::make_move_iterator(current.end()));
        std::vector<T>().swap(current);
    }

private:
    std::size_t room() const noexcept { return min_ + min_ / 4; }  // the slice that fills it still fits

    std::size_t min_ = 1;
    std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // walkers move
    std::vector<std::vector<T>> chunks_;
    std::size_t moved_ = 0;
};

// Walks parsed slices into a draft, reporting what it finds on the way. A large section is read
// by several walkers at once (CorpusReader::read_slices), each over its own contiguous run of
// slices, with its own DOM, line cursor and output; a later walker's output is appended after the
// earlier one's, so the draft and the problems are the serial reader's, in the same order.
class SliceWalker {
public:
    SliceWalker(std::string_view source, const std::string& file) : source_(source), lines_(source) {
        draft_.file = file;
    }

    // A walker for the later slices of the section this one has just entered: the same namespace
    // scope and line cursor, nothing read yet; its output is kept in Chunks.
    SliceWalker continuation(SectionKind kind, std::size_t chunk_bytes, std::size_t expected_children) const {
        SliceWalker later(source_, draft_.file);
        later.lines_ = lines_;
        later.base_ = base_;
        later.last_line_ = last_line_;
        later.scope_ = scope_;
        later.continuation_ = true;
        if (kind == SectionKind::authorities)
            later.authority_chunks_.start(later.draft_.authorities, chunk_bytes, expected_children);
        if (kind == SectionKind::documents)
            later.document_chunks_.start(later.draft_.documents, chunk_bytes, expected_children);
        return later;
    }

    // Appends what a continuation has completed so far after this walker's draft, while it runs.
    void append_completed(SliceWalker& later) {
        later.authority_chunks_.move_completed_to(draft_.authorities);
        later.document_chunks_.move_completed_to(draft_.documents);
    }

    // Appends a continuation's draft and problems after this walker's, once it is done.
    void append(SliceWalker&& later) {
        later.authority_chunks_.move_to(draft_.authorities, later.draft_.authorities);
        later.document_chunks_.move_to(draft_.documents, later.draft_.documents);
        problems_.insert(problems_.end(), std::make_move_iterator(later.problems_.begin()),
                         std::make_move_iterator(later.problems_.end()));
    }

    std::pair<draft::Corpus, std::vector<Problem>> take() { return {std::move(draft_), std::move(problems_)}; }

    // ---- the root and its sections ----

    enum class Root { corpus, not_corpus };

    Root read_root(pugi::xml_node e, std::size_t tag_begin) {
        base_ = tag_begin;
        const std::size_t line = line_of(e);
        scope_.enter(e);  // the root's declarations stay in scope for the whole walk
        const ElementName n = classify(e, scope_, k_namespace);
        if (n.kind != ElementName::Kind::ours || n.local != element::corpus) {
            const std::string* ns = scope_.resolve(split_name(name_of(e)).prefix);
            std::string what = "the root element is <" + std::string(name_of(e)) + ">";
            if (ns == nullptr) {
                what += " with an undeclared namespace prefix";
            } else if (ns->empty()) {
                what += " in no namespace";
            } else {
                what += " in namespace \"" + *ns + "\"";
            }
            report(line, ProblemCode::unknown_element,
                   "not a normdoc corpus: " + what + ", not <corpus> in namespace \"" + std::string(k_namespace) + "\"");
            return Root::not_corpus;
        }
        reset_owner();
        Attributes<0> none{k_no_attributes};
        read_attributes(e, element::corpus, line, none);
        return Root::corpus;
    }

    // Looks at a section's start tag `e` and brings its namespace declarations into scope, until
    // leave_section(declared).
    SectionKind enter_section(pugi::xml_node e, const Section& section, std::size_t& declared) {
        base_ = section.tag_begin;
        const std::size_t line = line_of(e);
        declared = scope_.enter(e);
        const ElementName n = classify(e, scope_, k_namespace);
        SectionKind kind = SectionKind::ignored;
        reset_owner();
        if (n.kind == ElementName::Kind::ours) {
            if (n.local == element::profile) {
                kind = SectionKind::profile;
                owner_kind_ = element::profile;
                if (seen_profile_) repeated(line, element::profile, tag(element::corpus));
                seen_profile_ = true;
            } else if (n.local == element::authorities) {
                kind = SectionKind::authorities;
                draft_.authorities.reserve(draft_.authorities.size() + section.children);
            } else if (n.local == element::documents) {
                kind = SectionKind::documents;
                draft_.documents.reserve(draft_.documents.size() + section.children);
            } else {
                unknown_element(n.local, line, tag(element::corpus));
            }
            if (kind != SectionKind::ignored) {
                Attributes<0> none{k_no_attributes};
                read_attributes(e, n.local, line, none);
            }
        } else if (n.kind == ElementName::Kind::unbound_prefix) {
            report(line, ProblemCode::xml_syntax,
                   "corpus: <" + std::string(name_of(e)) + "> has an undeclared namespace prefix \"" +
                       std::string(n.prefix) + "\"");
        }
        return kind;
    }

    void leave_section(std::size_t declared) { scope_.leave(declared); }

    // Reads the slices between cuts[first] and cuts[last] in order. False at the first that is
    // not well-formed, with `error`; true, having read less, once a walker of earlier slices
    // (below `index`) has failed, so that nothing of this one counts.
    bool read_slices(const std::vector<std::size_t>& cuts, std::size_t first, std::size_t last, SectionKind kind,
                     SyntaxError& error, const std::atomic<std::size_t>* earliest_failure = nullptr,
                     std::size_t index = 0) {
        std::size_t largest = 0;  // one buffer for all, not one per size (see Chunks)
        for (std::size_t i = first; i < last; ++i) largest = std::max(largest, cuts[i + 1] - cuts[i]);
        slice_.reserve(largest);
        for (std::size_t i = first; i < last; ++i) {
            if (earliest_failure != nullptr && earliest_failure->load(std::memory_order_relaxed) < index) return true;
            const std::size_t authorities = draft_.authorities.size(), documents = draft_.documents.size();
            if (!read_slice(cuts[i], cuts[i + 1], kind, error)) return false;
            if (continuation_) {
                authority_chunks_.after_slice(draft_.authorities, draft_.authorities.size() - authorities);
                document_chunks_.after_slice(draft_.documents, draft_.documents.size() - documents);
            }
        }
        return true;
    }

private:
    // ---- problems ----

    void report(std::size_t line, ProblemCode code, std::string message, Severity severity = Severity::error) {
        problems_.push_back({draft_.file, line, severity, code, std::move(message), {}});
    }

    void reset_owner() noexcept {
        owner_kind_ = element::corpus;
        owner_id_ = {};
    }

    std::size_t line_of(pugi::xml_node n) {
        const std::ptrdiff_t offset = n.offset_debug();
        if (offset < 0) return last_line_;
        last_line_ = lines_.line_at(base_ + static_cast<std::size_t>(offset));
        return last_line_;
    }

    // ---- generic element handling ----

    std::string owner() const {
        std::string out(owner_kind_);
        if (!owner_id_.empty()) {
            out += ' ';
            out += owner_id_;
        }
        return out;
    }

    static std::string tag(std::string_view local) { return "<" + std::string(local) + ">"; }

    // Reads the element's attributes into `out`; reports unknown ones (without a namespace, or
    // in ours) and repeated ones, ignores namespace declarations and other namespaces.
    template <std::size_t N>
    void read_attributes(pugi::xml_node e, std::string_view local, std::size_t line, Attributes<N>& out) {
        for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
            const std::string_view name = name_of(a);
            const QName q = split_name(name);
            if (!q.prefix.empty()) {
                if (q.prefix == "xmlns") continue;
                const std::string* ns = scope_.resolve(q.prefix);
                if (ns == nullptr) {
                    report(line, ProblemCode::xml_syntax,
                           owner() + ": " + tag(local) + " attribute \"" + std::string(name) +
                               "\" has an undeclared namespace prefix");
                } else if (*ns == k_namespace) {
                    report(line, ProblemCode::unknown_element,
                           owner() + ": " + tag(local) + " has no attribute \"" + std::string(name) +
                               "\" (attributes of format 1 have no prefix)");
                }
                continue;
            }
            if (name == "xmlns") continue;
            std::size_t i = 0;
            while (i < N && out.names[i] != name) ++i;
            if (i == N) {
                report(line, ProblemCode::unknown_element,
                       owner() + ": " + tag(local) + " has no attribute \"" + std::string(name) + "\"");
            } else if (out.values[i] != nullptr) {
                report(line, ProblemCode::xml_syntax,
                       owner() + ": " + tag(local) + " has the attribute \"" + std::string(name) + "\" twice");
            } else {
                out.values[i] = a.value();
            }
        }
    }

    // Calls fn(child, local name, line) for each child element in the corpus namespace; skips
    // other namespaces, reports undeclared prefixes. The scope holds the child's declarations
    // while fn runs.
    template <class Fn>
    void for_each_child(pugi::xml_node e, Fn&& fn) {
        for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const std::size_t declared = scope_.enter(c);
            const ElementName n = classify(c, scope_, k_namespace);
            if (n.kind == ElementName::Kind::ours) {
                fn(c, n.local, line_of(c));
            } else if (n.kind == ElementName::Kind::unbound_prefix) {
                report(line_of(c), ProblemCode::xml_syntax,
                       owner() + ": <" + std::string(name_of(c)) + "> has an undeclared namespace prefix \"" +
                           std::string(n.prefix) + "\"");
            }
            scope_.leave(declared);
        }
    }

    void unknown_element(std::string_view local, std::size_t line, std::string_view where) {
        report(line, ProblemCode::unknown_element,
               owner() + ": unknown element " + tag(local) + " in " + std::string(where));
    }

    // An element that holds nothing of format 1: any child element of ours is unknown.
    void expect_empty(pugi::xml_node e, std::string_view local) {
        for_each_child(e, [&](pugi::xml_node, std::string_view child, std::size_t line) {
            unknown_element(child, line, tag(local));
        });
    }

    // A text-only element (<title>, <subject>).
    std::string text(pugi::xml_node e, std::string_view local, std::size_t line) {
        Attributes<0> none{k_no_attributes};
        read_attributes(e, local, line, none);
        expect_empty(e, local);
        return std::string(text_of(e, scratch_));
    }

    void missing(std::size_t line, std::string_view local, std::string_view attribute) {
        report(line, ProblemCode::missing,
               owner() + ": " + tag(local) + " lacks the required attribute \"" + std::string(attribute) + "\"");
    }

    void repeated(std::size_t line, std::string_view local, std::string_view where) {
        report(line, ProblemCode::bad_value,
               owner() + ": " + tag(local) + " appears more than once in " + std::string(where));
    }

    // ---- values ----

    std::optional<Date> date(std::string_view value, std::string_view local, std::string_view attribute,
                             std::size_t line) {
        const DateParse parsed = parse_date(value);
        if (parsed) return parsed.date;
        std::string why;
        if (parsed.error.find("year") != std::string::npos) {
            why = "has a year outside 1900-2199";
        } else if (parsed.error.find("no such") != std::string::npos) {
            why = "is not a calendar day";
        } else {
            why = "is not a date of the form YYYY-MM-DD";
        }
        report(line, ProblemCode::bad_date,
               owner() + ": " + tag(local) + " " + std::string(attribute) + " \"" + std::string(value) + "\" " + why);
        return std::nullopt;
    }

    // A required date attribute: MISSING when absent, BAD_DATE when malformed.
    template <std::size_t N>
    std::optional<Date> required_date(const Attributes<N>& a, std::size_t i, std::string_view local,
                                      std::size_t line) {
        if (!a.has(i)) {
            missing(line, local, a.names[i]);
            return std::nullopt;
        }
        return date(a[i], local, a.names[i], line);
    }
    template <std::size_t N>
    std::optional<Date> optional_date(const Attributes<N>& a, std::size_t i, std::string_view local,
                                      std::size_t line) {
        return a.has(i) ? date(a[i], local, a.names[i], line) : std::nullopt;
    }

    template <class Enum, std::size_t K>
    std::optional<Enum> enumerated(std::string_view value, const std::string_view (&names)[K], std::string_view local,
                                   std::string_view attribute, std::size_t line) {
        if (auto v = detail::enum_parse<Enum>(names, value)) return v;
        std::string allowed;
        for (std::size_t i = 0; i < K; ++i) {
            if (i) allowed += ", ";
            allowed += names[i];
        }
        report(line, ProblemCode::bad_value,
               owner() + ": " + tag(local) + " " + std::string(attribute) + " \"" + std::string(value) +
                   "\" is not one of: " + allowed);
        return std::nullopt;
    }

    template <std::size_t N>
    std::optional<draft::Ref> ref(const Attributes<N>& a, std::size_t i, std::size_t line) {
        if (!a.has(i)) return std::nullopt;
        return draft::Ref{std::string(a[i]), line};
    }

    // ---- reading slices ----

    bool read_slice(std::size_t begin, std::size_t end, SectionKind kind, SyntaxError& error) {
        slice_.assign(source_.data() + begin, source_.data() + end);
        pugi::xml_document doc;
        const pugi::xml_parse_result r = doc.load_buffer_inplace(slice_.data(), slice_.size(),
                                                                 k_parse_options | pugi::parse_fragment,
                                                                 pugi::encoding_utf8);
        if (!r) {
            error.offset = begin + (r.offset < 0 ? 0 : static_cast<std::size_t>(r.offset));
            error.message = describe(r.status);
            return false;
        }
        if (kind == SectionKind::ignored) return true;
        base_ = begin;
        // The owner of a section's child is the corpus, also in messages about a child that
        // for_each_child reports itself (an undeclared prefix): never the previous document,
        // whose id is a view into the previous slice's freed buffer (found by corpus_fuzz).
        reset_owner();
        for_each_child(doc, [&](pugi::xml_node c, std::string_view local, std::size_t line) {
            switch (kind) {
                case SectionKind::profile: read_profile_item(c, local, line); break;
                case SectionKind::authorities:
                    if (local == element::authority) read_authority(c, line);
                    else unknown_element(local, line, tag(element::authorities));
                    break;
                case SectionKind::documents:
                    if (local == element::document) read_document(c, line);
                    else unknown_element(local, line, tag(element::documents));
                    break;
                case SectionKind::ignored: break;
            }
            reset_owner();
        });
        return true;
    }

    // ---- profile ----

    // SPEC §3: whole numbers; a term of at least a year, the other figures may be 0.
    void profile_number(const char* value, std::string_view local, std::string_view attribute, std::size_t line,
                        int min, int max, int& out) {
        if (value == nullptr) return;
        const std::string_view text(value);
        long n = 0;
        bool ok = !text.empty() && text.size() <= 6;
        for (char c : text) {
            if (c < '0' || c > '9') ok = false;
            else if (ok) n = n * 10 + (c - '0');  // at most 6 digits: no overflow (found by corpus_fuzz)
        }
        if (ok && n >= min && n <= max) {
            out = static_cast<int>(n);
            return;
        }
        report(line, ProblemCode::bad_value,
               "profile: " + tag(local) + " " + std::string(attribute) + " \"" + std::string(text) +
                   "\" is not a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    }

    void read_profile_item(pugi::xml_node e, std::string_view local, std::size_t line) {
        static const std::array<std::string_view, 2> validity{attribute::years, attribute::trial_years};
        static const std::array<std::string_view, 1> consultation{attribute::min_days};
        static const std::array<std::string_view, 1> filing{attribute::within_days};
        static const std::array<std::string_view, 1> review{attribute::months};
        Profile& p = draft_.profile;
        int slot = -1;
        if (local == element::validity) {
            slot = 0;
            Attributes<2> a{validity};
            read_attributes(e, local, line, a);
            profile_number(a.values[0], local, attribute::years, line, 1, 100, p.validity_years);
            profile_number(a.values[1], local, attribute::trial_years, line, 1, 100, p.trial_years);
        } else if (local == element::consultation) {
            slot = 1;
            Attributes<1> a{consultation};
            read_attributes(e, local, line, a);
            profile_number(a.values[0], local, attribute::min_days, line, 0, 3650, p.consultation_min_days);
        } else if (local == element::filing) {
            slot = 2;
            Attributes<1> a{filing};
            read_attributes(e, local, line, a);
            profile_number(a.values[0], local, attribute::within_days, line, 0, 3650, p.filing_within_days);
        } else if (local == element::expiry_review) {
            slot = 3;
            Attributes<1> a{review};
            read_attributes(e, local, line, a);
            profile_number(a.values[0], local, attribute::months, line, 0, 120, p.expiry_review_months);
        } else {
            unknown_element(local, line, tag(element::profile));
            return;
        }
        expect_empty(e, local);
        if (profile_seen_[slot]) repeated(line, local, tag(element::profile));
        profile_seen_[slot] = true;
    }

    // ---- authorities ----

    void read_authority(pugi::xml_node e, std::size_t line) {
        static const std::array<std::string_view, 7> names{attribute::id,     attribute::name,
                                                           attribute::kind,   attribute::level,
                                                           attribute::parent, attribute::abolished,
                                                           attribute::successor};
        Attributes<7> a{names};
        owner_kind_ = element::authority;
        owner_id_ = view(e.attribute(attribute::id.data()).value());
        read_attributes(e, element::authority, line, a);
        draft::Authority out;
        out.line = line;
        if (!a.has(0)) missing(line, element::authority, attribute::id);
        out.id = std::string(a[0]);
        if (!a.has(1)) missing(line, element::authority, attribute::name);
        out.name = std::string(a[1]);
        if (!a.has(2)) {
            missing(line, element::authority, attribute::kind);
        } else if (auto k = enumerated<AuthorityKind>(a[2], detail::k_authority_kind_names, element::authority,
                                                      attribute::kind, line)) {
            out.kind = *k;
        }
        if (a.has(3))
            out.level = enumerated<Level>(a[3], detail::k_level_names, element::authority, attribute::level, line);
        out.parent = ref(a, 4, line);
        out.abolished = optional_date(a, 5, element::authority, line);
        out.successor = ref(a, 6, line);
        expect_empty(e, element::authority);
        // Kept without its missing name or kind, so references to it do not turn into UNKNOWN_REF.
        if (a.has(0)) draft_.authorities.push_back(std::move(out));
    }

    // ---- documents ----

    void read_document(pugi::xml_node e, std::size_t line) {
        static const std::array<std::string_view, 4> names{attribute::id, attribute::kind, attribute::number,
                                                           attribute::trial};
        Attributes<4> a{names};
        owner_kind_ = element::document;
        owner_id_ = view(e.attribute(attribute::id.data()).value());
        read_attributes(e, element::document, line, a);
        draft::Document d;
        d.line = line;
        d.number_line = line;
        if (!a.has(0)) missing(line, element::document, attribute::id);
        d.id = std::string(a[0]);
        if (!a.has(1)) {
            missing(line, element::document, attribute::kind);
        } else if (auto k = enumerated<DocumentKind>(a[1], detail::k_document_kind_names, element::document,
                                                     attribute::kind, line)) {
            d.kind = *k;
        }
        d.number = std::string(a[2]);
        if (a.has(3)) {
            // SPEC §7: exactly true or false; absent → from the title (the validator's part).
            static const std::string_view flags[] = {"false", "true"};
            if (auto t = enumerated<int>(a[3], flags, element::document, attribute::trial, line)) d.trial = *t == 1;
        }
        bool seen_drafter = false, seen_dates = false;
        step_seen_ = {};
        for_each_child(e, [&](pugi::xml_node c, std::string_view local, std::size_t cline) {
            if (local == element::title) {
                std::string t = text(c, local, cline);
                if (d.title) repeated(cline, local, tag(element::document));
                else d.title = std::move(t);
            } else if (local == element::issuer || local == element::drafter) {
                static const std::array<std::string_view, 1> ref_only{attribute::ref};
                Attributes<1> r{ref_only};
                read_attributes(c, local, cline, r);
                expect_empty(c, local);
                if (!r.has(0)) missing(cline, local, attribute::ref);
                if (local == element::issuer) {
                    if (r.has(0)) d.issuers.push_back({std::string(r[0]), cline});
                } else {
                    if (seen_drafter) repeated(cline, local, tag(element::document));
                    else if (r.has(0)) d.drafter = draft::Ref{std::string(r[0]), cline};
                    seen_drafter = true;
                }
            } else if (local == element::subject) {
                d.subjects.push_back(text(c, local, cline));
            } else if (local == element::dates) {
                static const std::array<std::string_view, 3> date_names{attribute::published, attribute::effective,
                                                                        attribute::expires};
                Attributes<3> r{date_names};
                read_attributes(c, local, cline, r);
                expect_empty(c, local);
                if (seen_dates) {
                    repeated(cline, local, tag(element::document));
                    return;
                }
                seen_dates = true;
                d.dates_line = cline;
                d.published = optional_date(r, 0, local, cline);
                d.effective = optional_date(r, 1, local, cline);
                d.expires = optional_date(r, 2, local, cline);
            } else if (local == element::procedure) {
                read_attributes_none(c, local, cline);
                for_each_child(c, [&](pugi::xml_node s, std::string_view step, std::size_t sline) {
                    read_step(s, step, sline, d.procedure);
                });
            } else if (local == element::relations) {
                read_attributes_none(c, local, cline);
                std::size_t count = 0;
                for (pugi::xml_node r = c.first_child(); r; r = r.next_sibling()) ++count;
                d.relations.reserve(d.relations.size() + count);
                for_each_child(c, [&](pugi::xml_node r, std::string_view kind, std::size_t rline) {
                    read_relation(r, kind, rline, d);
                });
            } else if (local == element::events) {
                read_attributes_none(c, local, cline);
                for_each_child(c, [&](pugi::xml_node v, std::string_view name, std::size_t vline) {
                    if (name == element::event) read_event(v, vline, d);
                    else unknown_element(name, vline, tag(element::events));
                });
            } else {
                unknown_element(local, cline, tag(element::document));
            }
        });
        // Kept without a missing kind, title or issuer (the validator reports the last two).
        if (a.has(0)) draft_.documents.push_back(std::move(d));
    }

    void read_attributes_none(pugi::xml_node e, std::string_view local, std::size_t line) {
        Attributes<0> none{k_no_attributes};
        read_attributes(e, local, line, none);
    }

    void read_step(pugi::xml_node e, std::string_view local, std::size_t line, draft::Procedure& p) {
        enum Once { assessment, consultation, expert_review, risk_assessment, filing, none };
        Once once = none;
        if (local == element::assessment || local == element::expert_review || local == element::risk_assessment) {
            static const std::array<std::string_view, 1> names{attribute::date};
            Attributes<1> a{names};
            read_attributes(e, local, line, a);
            once = local == element::assessment      ? assessment
                   : local == element::expert_review ? expert_review
                                                     : risk_assessment;
            auto day = required_date(a, 0, local, line);
            auto& slot = once == assessment ? p.assessment : once == expert_review ? p.expert_review : p.risk_assessment;
            if (day && !step_seen_[once]) slot = draft::Step{*day, line};
        } else if (local == element::consultation) {
            static const std::array<std::string_view, 2> names{attribute::from, attribute::to};
            Attributes<2> a{names};
            read_attributes(e, local, line, a);
            once = consultation;
            auto from = required_date(a, 0, local, line);
            auto to = required_date(a, 1, local, line);
            if (from && to && !step_seen_[once]) p.consultation = draft::Consultation{*from, *to, line};
        } else if (local == element::legality_review) {
            static const std::array<std::string_view, 3> names{attribute::date, attribute::outcome, attribute::by};
            Attributes<3> a{names};
            read_attributes(e, local, line, a);
            auto day = required_date(a, 0, local, line);
            std::optional<LegalityOutcome> outcome;
            if (!a.has(1)) missing(line, local, attribute::outcome);
            else
                outcome = enumerated<LegalityOutcome>(a[1], detail::k_legality_outcome_names, local, attribute::outcome,
                                                      line);
            if (day && outcome) p.legality_reviews.push_back({*day, *outcome, ref(a, 2, line), line});
        } else if (local == element::collective_decision) {
            static const std::array<std::string_view, 3> names{attribute::date, attribute::body, attribute::outcome};
            Attributes<3> a{names};
            read_attributes(e, local, line, a);
            auto day = required_date(a, 0, local, line);
            std::optional<DecisionOutcome> outcome;
            if (!a.has(2)) missing(line, local, attribute::outcome);
            else
                outcome = enumerated<DecisionOutcome>(a[2], detail::k_decision_outcome_names, local, attribute::outcome,
                                                      line);
            if (day && outcome) p.collective_decisions.push_back({*day, std::string(a[1]), *outcome, line});
        } else if (local == element::filing) {
            static const std::array<std::string_view, 2> names{attribute::date, attribute::with};
            Attributes<2> a{names};
            read_attributes(e, local, line, a);
            once = filing;
            auto day = required_date(a, 0, local, line);
            if (day && !step_seen_[once]) p.filing = draft::Filing{*day, ref(a, 1, line), line};
        } else {
            unknown_element(local, line, tag(element::procedure));
            return;
        }
        expect_empty(e, local);
        if (once != none) {
            if (step_seen_[once]) repeated(line, local, tag(element::procedure));
            step_seen_[once] = true;
        }
    }

    void read_relation(pugi::xml_node e, std::string_view local, std::size_t line, draft::Document& d) {
        const auto kind = parse_relation_kind(local);
        if (!kind) {
            unknown_element(local, line, tag(element::relations));
            return;
        }
        static const std::array<std::string_view, 3> with_until{attribute::ref, attribute::date, attribute::until};
        static const std::array<std::string_view, 2> without_until{attribute::ref, attribute::date};
        draft::Relation r;
        r.kind = *kind;
        r.line = line;
        bool complete = true;
        if (*kind == RelationKind::extends) {
            Attributes<3> a{with_until};
            read_attributes(e, local, line, a);
            if (!a.has(0)) { missing(line, local, attribute::ref); complete = false; }
            r.target = {std::string(a[0]), line};
            r.date = optional_date(a, 1, local, line);
            r.until = required_date(a, 2, local, line);
            if (!r.until) complete = false;
        } else {
            Attributes<2> a{without_until};
            read_attributes(e, local, line, a);
            if (!a.has(0)) { missing(line, local, attribute::ref); complete = false; }
            r.target = {std::string(a[0]), line};
            r.date = optional_date(a, 1, local, line);
        }
        expect_empty(e, local);
        if (complete) d.relations.push_back(std::move(r));
    }

    void read_event(pugi::xml_node e, std::size_t line, draft::Document& d) {
        static const std::array<std::string_view, 3> names{attribute::type, attribute::date, attribute::source};
        Attributes<3> a{names};
        read_attributes(e, element::event, line, a);
        std::optional<EventType> type;
        if (!a.has(0)) missing(line, element::event, attribute::type);
        else type = enumerated<EventType>(a[0], detail::k_event_type_names, element::event, attribute::type, line);
        auto day = required_date(a, 1, element::event, line);
        expect_empty(e, element::event);
        if (type && day) d.events.push_back({*type, *day, std::string(a[2]), line});
    }

    static inline const std::array<std::string_view, 0> k_no_attributes{};

    std::string_view source_;
    LineCounter lines_;
    std::size_t base_ = 0;  // source offset of the buffer pugixml parsed last
    std::size_t last_line_ = 1;
    NamespaceScope scope_;
    // What messages are about ("document jy-2018-12", "profile"), assembled only for a message.
    std::string_view owner_kind_ = element::corpus;
    std::string_view owner_id_;  // into the buffer being walked
    std::string scratch_;
    std::vector<char> slice_;
    bool seen_profile_ = false;
    std::array<bool, 4> profile_seen_{};
    std::array<bool, 5> step_seen_{};
    draft::Corpus draft_;
    std::vector<Problem> problems_;
    bool continuation_ = false;
    Chunks<draft::Authority> authority_chunks_;
    Chunks<draft::Document> document_chunks_;
};

// Reads a whole source: its encoding, its layout, then the root and each section, a large
// section's slices by several walkers at once.
class CorpusReader {
public:
    // `threads`: 0 takes a second core where it pays (a large file); n > 0 takes n wherever there
    // is work to share, for tests.
    CorpusReader(std::string_view source, std::string file, std::size_t slice_bytes, std::size_t threads)
        : source_(source), file_(std::move(file)), slice_bytes_(slice_bytes), threads_(threads),
          walker_(source_, file_) {}

    // Reads the whole source. False on a syntax error: then failure() is the result. Otherwise
    // take() gives the draft and the problems found, for build_corpus (after the caller has
    // let go of the source, which the draft no longer needs).
    bool run() {
        Layout layout;
        SyntaxError error;
        bool well_formed = false;
        if (!ensure_utf8([&] { well_formed = scan_layout(source_, slice_bytes_, layout, error); })) return false;
        if (!well_formed) {
            // The scan checks the skeleton only; pugixml, on a copy, checks everything and may
            // stop earlier. The earlier of the two is where the file stops being XML.
            SyntaxError precise;
            const bool parser_saw_it = find_syntax_error(source_, precise);
            return syntax_failure(parser_saw_it && precise.offset <= error.offset ? precise : error);
        }
        StartTag root;
        if (!root.parse(source_, layout.root_tag_begin, layout.root_tag_end, layout.root_self_closing, error))
            return syntax_failure(error);
        if (walker_.read_root(root.element(), layout.root_tag_begin) == SliceWalker::Root::not_corpus) return true;
        for (const Section& section : layout.sections)
            if (!read_section(section, error)) return syntax_failure(error);
        return true;
    }

    LoadResult failure() { return std::move(failure_); }
    std::pair<draft::Corpus, std::vector<Problem>> take() { return walker_.take(); }

private:
    // SPEC §7: corpus files are UTF-8. A file that declares another encoding (GBK, as Chinese
    // registries often publish, or a UTF-16 byte-order mark) is converted first, keeping its lines;
    // bytes that are not UTF-8 in a file that claims to be are XML_SYNTAX, as XML has it.
    // Then calls scan(), on this thread while another checks the UTF-8 of a large file.
    template <class Scan>
    bool ensure_utf8(Scan&& scan) {
        const std::string declared = detail::declared_encoding(source_);
        if (!detail::is_utf8_name(declared)) {
            detail::Conversion c = detail::convert_to_utf8(source_, detail::iconv_name(declared));
            if (!c.ok) {
                return syntax_failure({c.error_offset, "the file declares the encoding \"" + declared +
                                                           "\" but cannot be read in it: " + c.error});
            }
            converted_ = std::move(c.text);
            source_ = converted_;
            walker_ = SliceWalker(source_, file_);
            scan();
            return true;
        }
        std::size_t bad = std::string_view::npos;
        std::future<std::size_t> checked;
        if (threads_for(source_.size(), k_parallel_bytes) > 1) {
            try {
                checked = std::async(std::launch::async, [this] { return detail::find_invalid_utf8(source_); });
            } catch (const std::system_error&) {
            }  // no thread to be had: checked here
        }
        if (checked.valid()) {
            scan();
            bad = checked.get();
        } else {
            bad = detail::find_invalid_utf8(source_);
            if (bad == std::string_view::npos) scan();
        }
        if (bad == std::string_view::npos) return true;
        return syntax_failure({bad, "a byte sequence that is not UTF-8 (corpus files are UTF-8, or declare "
                                    "their encoding in the XML declaration)"});
    }

    // SPEC §7: XML_SYNTAX where the parser stopped. Nothing else of a file that is not XML means
    // anything, so it is the only problem.
    bool syntax_failure(const SyntaxError& error) {
        failure_ = LoadResult{};
        failure_.problems.push_back({file_, LineCounter(source_).line_at(error.offset), Severity::error,
                                     ProblemCode::xml_syntax, "not well-formed XML: " + error.message, {}});
        return false;
    }

    // False on a syntax error (in `error`).
    bool read_section(const Section& section, SyntaxError& error) {
        StartTag start;
        if (!start.parse(source_, section.tag_begin, section.tag_end, section.self_closing, error)) return false;
        std::size_t declared = 0;
        const SectionKind kind = walker_.enter_section(start.element(), section, declared);
        // Every slice is parsed, even of an ignored section: it must still be well-formed.
        if (!read_slices(section.cuts, section.children, kind, error)) return false;
        walker_.leave_section(declared);
        return true;
    }

    // Threads for work of `size` (bytes, slices) that a second thread pays for from `worth_it` on.
    std::size_t threads_for(std::size_t size, std::size_t worth_it) const {
        if (threads_ != 0) return threads_;
        if (size < worth_it) return 1;
        return std::max<std::size_t>(1, std::min<std::size_t>(std::thread::hardware_concurrency(), k_max_threads));
    }

    std::size_t walkers_for(std::size_t slices, SectionKind kind) const {
        // The profile's "seen" flags span its slices; it is a few lines anyway.
        if (kind == SectionKind::profile || slices < 2) return 1;
        return std::min(threads_for(slices, k_parallel_slices), slices);
    }

    // Walker k of n reads the k-th contiguous run of slices, the first on this thread, and stops
    // once an earlier walker meets a syntax error. Then the earliest failure is the serial
    // reader's (it stops at the first slice that is not well-formed); else the later walkers'
    // output is appended in order (what a failing walker had completed no longer matters).
    bool read_slices(const std::vector<std::size_t>& cuts, std::size_t children, SectionKind kind, SyntaxError& error) {
        const std::size_t slices = cuts.empty() ? 0 : cuts.size() - 1;
        const std::size_t n = walkers_for(slices, kind);
        if (n <= 1) return walker_.read_slices(cuts, 0, slices, kind, error);
        const auto first_slice = [&](std::size_t k) { return k * slices / n; };
        std::vector<SliceWalker> later;
        later.reserve(n - 1);
        const std::size_t chunk_bytes = std::min(std::size_t(32) << 20, 32 * slice_bytes_);  // see Chunks
        for (std::size_t k = 1; k < n; ++k) later.push_back(walker_.continuation(kind, chunk_bytes, children / n + 16));
        std::vector<SyntaxError> errors(n);
        std::atomic<std::size_t> earliest_failure{n};
        const auto failed = [&earliest_failure](std::size_t k) {
            std::size_t seen = earliest_failure.load();
            while (k < seen && !earliest_failure.compare_exchange_weak(seen, k)) {}
        };
        const auto read = [&](SliceWalker& walker, std::size_t k) {
            try {
                const bool ok = walker.read_slices(cuts, first_slice(k), first_slice(k + 1), kind, errors[k],
                                                   &earliest_failure, k);
                if (!ok) failed(k);
                return ok;
            } catch (...) {
                failed(k);  // bad_alloc: the later walkers stop, the caller gets it
                throw;
            }
        };
        std::vector<std::future<bool>> done;  // its destructor waits for every walker
        done.reserve(n - 1);
        try {
            for (std::size_t k = 1; k < n; ++k)
                done.push_back(std::async(std::launch::async, read, std::ref(later[k - 1]), k));
        } catch (const std::system_error&) {
            // No thread to be had: this walker reads them all, the others stop at once.
            failed(0);
            for (auto& f : done) f.wait();
            return walker_.read_slices(cuts, 0, slices, kind, error);
        }
        if (!read(walker_, 0)) {
            error = std::move(errors[0]);
            return false;
        }
        try {
            for (std::size_t k = 1; k < n; ++k) {
                // This thread would wait: it appends what walker k has completed meanwhile.
                while (done[k - 1].wait_for(std::chrono::milliseconds(1)) != std::future_status::ready)
                    walker_.append_completed(later[k - 1]);
                if (!done[k - 1].get()) {
                    error = std::move(errors[k]);
                    return false;
                }
                walker_.append(std::move(later[k - 1]));
            }
        } catch (...) {
            failed(0);  // bad_alloc, here or in a walker: the others stop
            throw;
        }
        return true;
    }

    // Below this many slices (of a mebibyte) a section is read on one thread, and below this
    // many bytes the file checked on one: a thread's start and the append cost about what it saves.
    static constexpr std::size_t k_parallel_slices = 8;
    static constexpr std::size_t k_parallel_bytes = std::size_t(8) << 20;
    // Measured on two cores, as many as the rest of the load uses.
    static constexpr std::size_t k_max_threads = 2;

    std::string_view source_;
    std::string converted_;  // the source in UTF-8, when it was in another encoding
    std::string file_;
    std::size_t slice_bytes_;
    std::size_t threads_;
    LoadResult failure_;
    SliceWalker walker_;
};

}  // namespace

namespace detail {
LoadResult read_corpus_in_slices(std::string_view xml, const std::string& file_name, std::size_t slice_bytes,
                                 std::size_t threads) {
    CorpusReader reader(xml, file_name, slice_bytes, threads);
    if (!reader.run()) return reader.failure();
    auto [draft, problems] = reader.take();
    return build_corpus(std::move(draft), std::move(problems));
}
}  // namespace detail

LoadResult read_corpus(std::string_view xml, const std::string& file_name) {
    return detail::read_corpus_in_slices(xml, file_name, k_slice_bytes);
}

LoadResult read_corpus_file(const std::string& path) {
    std::pair<draft::Corpus, std::vector<Problem>> read;
    {
        const FileBytes bytes = load_file(path);
        CorpusReader reader(bytes.view(), path, k_slice_bytes, 0);
        if (!reader.run()) return reader.failure();
        read = reader.take();
    }  // the file's bytes are freed before the corpus is built: peak memory
    return build_corpus(std::move(read.first), std::move(read.second));
}

}  // namespace normdoc
