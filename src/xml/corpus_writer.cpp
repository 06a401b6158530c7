// Writing corpus XML format 1 (SPEC §7): the one writer (corpus_writer.hpp), and write_corpus and
// save_corpus of io.hpp on top of it.
#include "xml/corpus_writer.hpp"

#include "normdoc/atomic_file.hpp"
#include "normdoc/draft.hpp"
#include "xml/vocabulary.hpp"
#include "xml/xml_support.hpp"

#include <charconv>
#include <stdexcept>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace normdoc {
namespace detail::xml {
namespace {

namespace element = corpus_vocabulary::element;
namespace attribute = corpus_vocabulary::attribute;

// The sink gets the buffer once it holds this much (a document is a few hundred bytes more).
constexpr std::size_t k_block = std::size_t(1) << 20;

// The leading white space of each level inside a <document>, and the line end: known when the
// code is compiled for a corpus (so that each piece is a store, not a call to memcpy), given for a
// fragment.
struct CorpusLines {
    static constexpr std::string_view document = "    ", child = "      ", grandchild = "        ", newline = "\n";
};
struct FragmentLines {
    std::string_view document, child, grandchild, newline;
};


// The writer's small helpers are inlined, so that the names and indentation they are given, all
// constants, turn into stores.
#if defined(__GNUC__)
#define NORMDOC_WRITER_INLINE inline __attribute__((always_inline))
#else
#define NORMDOC_WRITER_INLINE inline
#endif

// The first byte of `text` that XML escaping would change (a markup character, the quote, a C0
// control), or its size. Sixteen bytes at a time: nearly every value has none, and a corpus is
// mostly values (this scan is what the writer pays for escaping).
NORMDOC_WRITER_INLINE std::size_t first_to_escape(std::string_view text) noexcept {
    const char* const begin = text.data();
    const char* p = begin;
    const char* const end = begin + text.size();
#if defined(__SSE2__) && defined(__x86_64__)
    const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>');
    const __m128i quot = _mm_set1_epi8('"'), c0 = _mm_set1_epi8(0x1f);
    const auto any = [&](const char* at) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
        const __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, amp), _mm_cmpeq_epi8(x, lt)),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, gt), _mm_cmpeq_epi8(x, quot)),
                         _mm_cmpeq_epi8(_mm_min_epu8(x, c0), x)));  // unsigned x <= 0x1f
        return _mm_movemask_epi8(hit) != 0;
    };
    if (end - p >= 16) {
        for (; end - p >= 16; p += 16)
            if (any(p)) break;
        // The last sixteen bytes, overlapping those already seen: none of them needs escaping.
        if (end - p < 16 && (p == end || !any(end - 16))) return text.size();
    }
#endif
    for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"') break;
    }
    return static_cast<std::size_t>(p - begin);
}

// Escaped text or attribute value: copied as it is when nothing in it needs escaping.
NORMDOC_WRITER_INLINE void append_text(WriteBuffer& out, std::string_view text, bool attribute) {
    const std::size_t plain = first_to_escape(text);
    if (plain == text.size()) {
        out.append(text);
        return;
    }
    out.append(text.data(), plain);
    std::string escaped;
    if (attribute) append_escaped_attribute(escaped, text.substr(plain));
    else append_escaped_text(escaped, text.substr(plain));
    out.append(escaped);
}

NORMDOC_WRITER_INLINE void open(WriteBuffer& out, std::string_view indent, std::string_view name) {
    out.append(indent);
    out.push('<');
    out.append(name);
}

NORMDOC_WRITER_INLINE void attr_name(WriteBuffer& out, std::string_view name) {
    out.push(' ');
    out.append(name);
    out.append("=\"", 2);
}

NORMDOC_WRITER_INLINE void attr(WriteBuffer& out, std::string_view name, std::string_view value) {
    attr_name(out, name);
    append_text(out, value, true);
    out.push('"');
}

// A value of the format's own words (a kind, a level, an outcome: enum_names.hpp), which never
// need escaping.
NORMDOC_WRITER_INLINE void word_attr(WriteBuffer& out, std::string_view name, std::string_view word) {
    attr_name(out, name);
    out.append(word);
    out.push('"');
}

NORMDOC_WRITER_INLINE void attr(WriteBuffer& out, std::string_view name, int value) {
    char text[16];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    attr(out, name, std::string_view(text, static_cast<std::size_t>(end - text)));
}

NORMDOC_WRITER_INLINE void attr(WriteBuffer& out, std::string_view name, Date day) {
    // YYYY-MM-DD without a temporary string (dates are most of a corpus's attributes).
    const auto ymd = day.year_month_day();
    const unsigned y = ymd.year, m = ymd.month, d = ymd.day;
    attr_name(out, name);
    char* text = out.room(11);
    text[0] = static_cast<char>('0' + y / 1000 % 10);
    text[1] = static_cast<char>('0' + y / 100 % 10);
    text[2] = static_cast<char>('0' + y / 10 % 10);
    text[3] = static_cast<char>('0' + y % 10);
    text[4] = '-';
    text[5] = static_cast<char>('0' + m / 10);
    text[6] = static_cast<char>('0' + m % 10);
    text[7] = '-';
    text[8] = static_cast<char>('0' + d / 10);
    text[9] = static_cast<char>('0' + d % 10);
    text[10] = '"';
    out.commit(11);
}

NORMDOC_WRITER_INLINE void attr(WriteBuffer& out, std::string_view name, const std::optional<Date>& day) {
    if (day) attr(out, name, *day);
}

NORMDOC_WRITER_INLINE void attr(WriteBuffer& out, std::string_view name, const std::optional<draft::Ref>& r) {
    if (r) attr(out, name, std::string_view(r->id));
}

NORMDOC_WRITER_INLINE void end_empty(WriteBuffer& out, std::string_view newline) {
    out.append("/>", 2);
    out.append(newline);
}

NORMDOC_WRITER_INLINE void end_open(WriteBuffer& out, std::string_view newline) {
    out.push('>');
    out.append(newline);
}

NORMDOC_WRITER_INLINE void close(WriteBuffer& out, std::string_view indent, std::string_view name,
                                 std::string_view newline) {
    out.append(indent);
    out.append("</", 2);
    out.append(name);
    out.push('>');
    out.append(newline);
}

NORMDOC_WRITER_INLINE void text_element(WriteBuffer& out, std::string_view indent, std::string_view name,
                                        std::string_view text, std::string_view newline) {
    open(out, indent, name);
    out.push('>');
    append_text(out, text, false);
    out.append("</", 2);
    out.append(name);
    out.push('>');
    out.append(newline);
}

NORMDOC_WRITER_INLINE void ref_element(WriteBuffer& out, std::string_view indent, std::string_view name,
                                       const draft::Ref& r, std::string_view newline) {
    open(out, indent, name);
    attr(out, attribute::ref, std::string_view(r.id));
    end_empty(out, newline);
}

// SPEC §7: the profile is written always, every figure spelled out.
void write_profile(WriteBuffer& out, const Profile& p) {
    constexpr std::string_view in = "    ", nl = "\n";
    open(out, "  ", element::profile);
    end_open(out, nl);
    open(out, in, element::validity);
    attr(out, attribute::years, p.validity_years);
    attr(out, attribute::trial_years, p.trial_years);
    end_empty(out, nl);
    open(out, in, element::consultation);
    attr(out, attribute::min_days, p.consultation_min_days);
    end_empty(out, nl);
    open(out, in, element::filing);
    attr(out, attribute::within_days, p.filing_within_days);
    end_empty(out, nl);
    open(out, in, element::expiry_review);
    attr(out, attribute::months, p.expiry_review_months);
    end_empty(out, nl);
    close(out, "  ", element::profile, nl);
}

void write_authority(WriteBuffer& out, const draft::Authority& a) {
    open(out, "    ", element::authority);
    attr(out, attribute::id, std::string_view(a.id));
    attr(out, attribute::name, std::string_view(a.name));
    word_attr(out, attribute::kind, to_string(a.kind));
    if (a.level) word_attr(out, attribute::level, to_string(*a.level));
    attr(out, attribute::parent, a.parent);
    attr(out, attribute::abolished, a.abolished);
    attr(out, attribute::successor, a.successor);
    end_empty(out, "\n");
}

template <class Lines>
void write_procedure(WriteBuffer& out, const draft::Procedure& p, const Lines& l) {
    const bool any = p.assessment || p.consultation || p.expert_review || p.risk_assessment ||
                     !p.legality_reviews.empty() || !p.collective_decisions.empty() || p.filing;
    if (!any) return;
    open(out, l.child, element::procedure);
    end_open(out, l.newline);
    const auto step = [&](std::string_view name, const std::optional<draft::Step>& s) {
        if (!s) return;
        open(out, l.grandchild, name);
        attr(out, attribute::date, s->date);
        end_empty(out, l.newline);
    };
    step(element::assessment, p.assessment);
    if (p.consultation) {
        open(out, l.grandchild, element::consultation);
        attr(out, attribute::from, p.consultation->from);
        attr(out, attribute::to, p.consultation->to);
        end_empty(out, l.newline);
    }
    step(element::expert_review, p.expert_review);
    step(element::risk_assessment, p.risk_assessment);
    for (const auto& r : p.legality_reviews) {
        open(out, l.grandchild, element::legality_review);
        attr(out, attribute::date, r.date);
        word_attr(out, attribute::outcome, to_string(r.outcome));
        attr(out, attribute::by, r.by);
        end_empty(out, l.newline);
    }
    for (const auto& c : p.collective_decisions) {
        open(out, l.grandchild, element::collective_decision);
        attr(out, attribute::date, c.date);
        if (!c.body.empty()) attr(out, attribute::body, std::string_view(c.body));
        word_attr(out, attribute::outcome, to_string(c.outcome));
        end_empty(out, l.newline);
    }
    if (p.filing) {
        open(out, l.grandchild, element::filing);
        attr(out, attribute::date, p.filing->date);
        attr(out, attribute::with, p.filing->with);
        end_empty(out, l.newline);
    }
    close(out, l.child, element::procedure, l.newline);
}

template <class Lines>
void write_document(WriteBuffer& out, const draft::Document& d, const Lines& l) {
    open(out, l.document, element::document);
    attr(out, attribute::id, std::string_view(d.id));
    word_attr(out, attribute::kind, to_string(d.kind));
    if (!d.number.empty()) attr(out, attribute::number, std::string_view(d.number));
    if (d.trial) word_attr(out, attribute::trial, *d.trial ? "true" : "false");
    end_open(out, l.newline);
    if (d.title) text_element(out, l.child, element::title, *d.title, l.newline);
    for (const auto& i : d.issuers) ref_element(out, l.child, element::issuer, i, l.newline);
    if (d.drafter) ref_element(out, l.child, element::drafter, *d.drafter, l.newline);
    for (const auto& s : d.subjects) text_element(out, l.child, element::subject, s, l.newline);
    if (d.published || d.effective || d.expires) {
        open(out, l.child, element::dates);
        attr(out, attribute::published, d.published);
        attr(out, attribute::effective, d.effective);
        attr(out, attribute::expires, d.expires);
        end_empty(out, l.newline);
    }
    write_procedure(out, d.procedure, l);
    if (!d.relations.empty()) {
        open(out, l.child, element::relations);
        end_open(out, l.newline);
        for (const auto& r : d.relations) {
            open(out, l.grandchild, to_string(r.kind));
            attr(out, attribute::ref, std::string_view(r.target.id));
            attr(out, attribute::date, r.date);
            if (r.kind == RelationKind::extends) attr(out, attribute::until, r.until);
            end_empty(out, l.newline);
        }
        close(out, l.child, element::relations, l.newline);
    }
    if (!d.events.empty()) {
        open(out, l.child, element::events);
        end_open(out, l.newline);
        for (const auto& e : d.events) {
            open(out, l.grandchild, element::event);
            word_attr(out, attribute::type, to_string(e.type));
            attr(out, attribute::date, e.date);
            if (!e.source.empty()) attr(out, attribute::source, std::string_view(e.source));
            end_empty(out, l.newline);
        }
        close(out, l.child, element::events, l.newline);
    }
    close(out, l.document, element::document, l.newline);
}

}  // namespace

CorpusWriter::CorpusWriter(OutputSink& sink) : sink_(sink) { buf_.reserve(k_block + (64u << 10)); }

void CorpusWriter::begin(const Profile& profile, std::string_view comment) {
    if (stage_ != Stage::start) throw std::logic_error("CorpusWriter: begin() twice");
    // XML 1.0 §2.5: "--" must not occur within a comment (nor "-" end it).
    if (comment.find("--") != std::string_view::npos || (!comment.empty() && comment.back() == '-'))
        throw std::invalid_argument("CorpusWriter: a comment may not hold \"--\" or end in \"-\"");
    buf_.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (!comment.empty()) {
        buf_.append("<!-- ");
        buf_.append(comment);
        buf_.append(" -->\n");
    }
    buf_.push('<');
    buf_.append(element::corpus);
    buf_.append(" xmlns=\"");
    buf_.append(corpus_vocabulary::k_namespace);
    buf_.append("\">\n");
    write_profile(buf_, profile);
    stage_ = Stage::head;
}

// Moves on to stage `s`, closing and opening sections on the way (a section with nothing in it
// is written empty).
void CorpusWriter::to_stage(Stage s) {
    if (stage_ == Stage::start || s < stage_) throw std::logic_error("CorpusWriter: out of order");
    const auto line = [this](std::string_view before, std::string_view name, std::string_view after) {
        buf_.append(before);
        buf_.append(name);
        buf_.append(after);
    };
    if (s == stage_) return;
    if (stage_ == Stage::head) {
        if (s == Stage::authorities) {
            line("  <", element::authorities, ">\n");
            stage_ = Stage::authorities;
            return;
        }
        line("  <", element::authorities, "/>\n");
    } else if (stage_ == Stage::authorities) {
        line("  </", element::authorities, ">\n");
    }
    if (stage_ != Stage::documents) {
        if (s == Stage::documents) {
            line("  <", element::documents, ">\n");
            stage_ = Stage::documents;
            return;
        }
        line("  <", element::documents, "/>\n");
    } else {
        line("  </", element::documents, ">\n");
    }
    stage_ = Stage::done;
}

void CorpusWriter::authority(const draft::Authority& a) {
    if (stage_ != Stage::authorities) to_stage(Stage::authorities);
    write_authority(buf_, a);
    flush_if_full();
}

void CorpusWriter::document(const draft::Document& d) {
    if (stage_ != Stage::documents) to_stage(Stage::documents);
    write_document(buf_, d, CorpusLines());
    flush_if_full();
}

void CorpusWriter::end() {
    if (stage_ == Stage::done) throw std::logic_error("CorpusWriter: end() twice");
    to_stage(Stage::done);
    buf_.append("</");
    buf_.append(element::corpus);
    buf_.append(">\n");
    flush();
}

void CorpusWriter::append_document(std::string& out, const draft::Document& d, const FragmentLayout& layout) {
    const std::string child = std::string(layout.indent) + std::string(layout.step);
    const std::string grandchild = child + std::string(layout.step);
    WriteBuffer b;
    write_document(b, d, FragmentLines{layout.indent, child, grandchild, layout.newline});
    out.append(b.data(), b.size());
}

void CorpusWriter::flush_if_full() {
    if (buf_.size() >= k_block) flush();
}

void CorpusWriter::flush() {
    if (buf_.size() == 0) return;
    sink_.write(buf_.data(), buf_.size());
    flushed_ += buf_.size();
    buf_.clear();
}

}  // namespace detail::xml

void write_corpus(const draft::Corpus& corpus, OutputSink& out) {
    detail::xml::CorpusWriter w(out);
    w.begin(corpus.profile);
    for (const auto& a : corpus.authorities) w.authority(a);
    for (const auto& d : corpus.documents) w.document(d);
    w.end();
}

// A document at a time (a million documents are never a draft at once).
void write_corpus(const Corpus& corpus, OutputSink& out) {
    detail::xml::CorpusWriter w(out);
    w.begin(corpus.profile());
    for (const AuthorityId a : corpus.authorities()) w.authority(to_draft(corpus, a));
    for (const DocumentId d : corpus.documents()) w.document(to_draft(corpus, d));
    w.end();
}

std::string write_corpus(const draft::Corpus& corpus) {
    std::string text;
    StringSink sink(text);
    write_corpus(corpus, sink);
    return text;
}

std::string write_corpus(const Corpus& corpus) {
    std::string text;
    StringSink sink(text);
    write_corpus(corpus, sink);
    return text;
}

void save_corpus(const Corpus& corpus, const std::string& path) {
    write_file_atomically(path, [&](OutputSink& out) { write_corpus(corpus, out); });
}

}  // namespace normdoc
