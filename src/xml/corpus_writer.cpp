// Writing corpus XML format 1 (SPEC §7). One writer, for drafts: a Corpus is written through
// to_draft. Text is built in a buffer handed to the sink every 64 KiB, so a million documents
// stream out without ever being one string.
#include "normdoc/atomic_file.hpp"
#include "normdoc/io.hpp"
#include "xml/vocabulary.hpp"
#include "xml/xml_support.hpp"

namespace normdoc {
namespace {

using detail::xml::append_escaped_attribute;
using detail::xml::append_escaped_text;
using detail::xml::corpus_vocabulary::k_namespace;
namespace element = detail::xml::corpus_vocabulary::element;
namespace attribute = detail::xml::corpus_vocabulary::attribute;

class XmlWriter {
public:
    explicit XmlWriter(OutputSink& sink) : sink_(sink) { buf_.reserve(k_block + 4096); }

    void corpus(const draft::Corpus& c) {
        buf_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        buf_ += "<corpus xmlns=\"";
        buf_ += k_namespace;
        buf_ += "\">\n";
        profile(c.profile);
        if (c.authorities.empty()) {
            buf_ += "  <authorities/>\n";
        } else {
            buf_ += "  <authorities>\n";
            for (const auto& a : c.authorities) authority(a);
            buf_ += "  </authorities>\n";
        }
        if (c.documents.empty()) {
            buf_ += "  <documents/>\n";
        } else {
            buf_ += "  <documents>\n";
            for (const auto& d : c.documents) {
                document(d);
                if (buf_.size() >= k_block) flush();
            }
            buf_ += "  </documents>\n";
        }
        buf_ += "</corpus>\n";
        flush();
    }

private:
    void flush() {
        sink_.write(buf_.data(), buf_.size());
        buf_.clear();
    }

    void open(int depth, std::string_view name) {
        buf_.append(static_cast<std::size_t>(depth) * 2, ' ');
        buf_ += '<';
        buf_ += name;
    }
    void attr(std::string_view name, std::string_view value) {
        buf_ += ' ';
        buf_ += name;
        buf_ += "=\"";
        append_escaped_attribute(buf_, value);
        buf_ += '"';
    }
    void attr(std::string_view name, int value) { attr(name, std::string_view(std::to_string(value))); }
    void attr(std::string_view name, Date day) {
        // YYYY-MM-DD without a temporary string (dates are most of a corpus's attributes).
        const auto ymd = day.year_month_day();
        const unsigned y = ymd.year, m = ymd.month, d = ymd.day;
        char text[10] = {static_cast<char>('0' + y / 1000 % 10), static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),   static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),       static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + d / 10),       static_cast<char>('0' + d % 10)};
        buf_ += ' ';
        buf_ += name;
        buf_ += "=\"";
        buf_.append(text, 10);
        buf_ += '"';
    }
    void attr(std::string_view name, const std::optional<Date>& day) {
        if (day) attr(name, *day);
    }
    void attr(std::string_view name, const std::optional<draft::Ref>& r) {
        if (r) attr(name, std::string_view(r->id));
    }
    void end_empty() { buf_ += "/>\n"; }
    void end_open() { buf_ += ">\n"; }
    void close(int depth, std::string_view name) {
        buf_.append(static_cast<std::size_t>(depth) * 2, ' ');
        buf_ += "</";
        buf_ += name;
        buf_ += ">\n";
    }
    void text_element(int depth, std::string_view name, std::string_view text) {
        open(depth, name);
        buf_ += '>';
        append_escaped_text(buf_, text);
        buf_ += "</";
        buf_ += name;
        buf_ += ">\n";
    }

    // SPEC §7: the profile is written always, every figure spelled out.
    void profile(const Profile& p) {
        buf_ += "  <profile>\n";
        open(2, element::validity);
        attr(attribute::years, p.validity_years);
        attr(attribute::trial_years, p.trial_years);
        end_empty();
        open(2, element::consultation);
        attr(attribute::min_days, p.consultation_min_days);
        end_empty();
        open(2, element::filing);
        attr(attribute::within_days, p.filing_within_days);
        end_empty();
        open(2, element::expiry_review);
        attr(attribute::months, p.expiry_review_months);
        end_empty();
        buf_ += "  </profile>\n";
    }

    void authority(const draft::Authority& a) {
        open(2, element::authority);
        attr(attribute::id, a.id);
        attr(attribute::name, a.name);
        attr(attribute::kind, to_string(a.kind));
        if (a.level) attr(attribute::level, to_string(*a.level));
        attr(attribute::parent, a.parent);
        attr(attribute::abolished, a.abolished);
        attr(attribute::successor, a.successor);
        end_empty();
    }

    void document(const draft::Document& d) {
        open(2, element::document);
        attr(attribute::id, d.id);
        attr(attribute::kind, to_string(d.kind));
        if (!d.number.empty()) attr(attribute::number, d.number);
        if (d.trial) attr(attribute::trial, std::string_view(*d.trial ? "true" : "false"));
        end_open();
        if (d.title) text_element(3, element::title, *d.title);
        for (const auto& i : d.issuers) {
            open(3, element::issuer);
            attr(attribute::ref, i.id);
            end_empty();
        }
        if (d.drafter) {
            open(3, element::drafter);
            attr(attribute::ref, d.drafter->id);
            end_empty();
        }
        for (const auto& s : d.subjects) text_element(3, element::subject, s);
        if (d.published || d.effective || d.expires) {
            open(3, element::dates);
            attr(attribute::published, d.published);
            attr(attribute::effective, d.effective);
            attr(attribute::expires, d.expires);
            end_empty();
        }
        procedure(d.procedure);
        if (!d.relations.empty()) {
            buf_ += "      <relations>\n";
            for (const auto& r : d.relations) {
                open(4, to_string(r.kind));
                attr(attribute::ref, r.target.id);
                attr(attribute::date, r.date);
                if (r.kind == RelationKind::extends) attr(attribute::until, r.until);
                end_empty();
            }
            buf_ += "      </relations>\n";
        }
        if (!d.events.empty()) {
            buf_ += "      <events>\n";
            for (const auto& e : d.events) {
                open(4, element::event);
                attr(attribute::type, to_string(e.type));
                attr(attribute::date, e.date);
                if (!e.source.empty()) attr(attribute::source, e.source);
                end_empty();
            }
            buf_ += "      </events>\n";
        }
        close(2, element::document);
    }

    void procedure(const draft::Procedure& p) {
        const bool any = p.assessment || p.consultation || p.expert_review || p.risk_assessment ||
                         !p.legality_reviews.empty() || !p.collective_decisions.empty() || p.filing;
        if (!any) return;
        buf_ += "      <procedure>\n";
        if (p.assessment) {
            open(4, element::assessment);
            attr(attribute::date, p.assessment->date);
            end_empty();
        }
        if (p.consultation) {
            open(4, element::consultation);
            attr(attribute::from, p.consultation->from);
            attr(attribute::to, p.consultation->to);
            end_empty();
        }
        if (p.expert_review) {
            open(4, element::expert_review);
            attr(attribute::date, p.expert_review->date);
            end_empty();
        }
        if (p.risk_assessment) {
            open(4, element::risk_assessment);
            attr(attribute::date, p.risk_assessment->date);
            end_empty();
        }
        for (const auto& r : p.legality_reviews) {
            open(4, element::legality_review);
            attr(attribute::date, r.date);
            attr(attribute::outcome, to_string(r.outcome));
            attr(attribute::by, r.by);
            end_empty();
        }
        for (const auto& c : p.collective_decisions) {
            open(4, element::collective_decision);
            attr(attribute::date, c.date);
            if (!c.body.empty()) attr(attribute::body, c.body);
            attr(attribute::outcome, to_string(c.outcome));
            end_empty();
        }
        if (p.filing) {
            open(4, element::filing);
            attr(attribute::date, p.filing->date);
            attr(attribute::with, p.filing->with);
            end_empty();
        }
        buf_ += "      </procedure>\n";
    }

    static constexpr std::size_t k_block = 1 << 16;
    OutputSink& sink_;
    std::string buf_;
};

}  // namespace

void write_corpus(const draft::Corpus& corpus, OutputSink& out) { XmlWriter(out).corpus(corpus); }

void write_corpus(const Corpus& corpus, OutputSink& out) { write_corpus(to_draft(corpus), out); }

std::string write_corpus(const draft::Corpus& corpus) {
    std::string text;
    StringSink sink(text);
    write_corpus(corpus, sink);
    return text;
}

std::string write_corpus(const Corpus& corpus) { return write_corpus(to_draft(corpus)); }

void save_corpus(const Corpus& corpus, const std::string& path) {
    const draft::Corpus draft = to_draft(corpus);
    write_file_atomically(path, [&](OutputSink& out) { write_corpus(draft, out); });
}

}  // namespace normdoc
