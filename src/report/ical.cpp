#include "report/ical.hpp"

#include "normdoc/date.hpp"

namespace normdoc::report {
namespace {

std::string basic_date(Date d) {  // RFC 5545 §3.3.4 DATE: YYYYMMDD
    std::string s = format_date(d);
    s.erase(7, 1);
    s.erase(4, 1);
    return s;
}

}  // namespace

std::string ical_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            out += ' ';  // RFC 5545 §3.3.11: no control characters in TEXT
        } else {
            out += c;
        }
    }
    return out;
}

std::string ical_folded(std::string_view line) {
    std::string out;
    std::size_t limit = 75;  // octets on the first line; a continuation's leading space counts
    while (line.size() > limit) {
        std::size_t cut = limit;
        // Never inside a UTF-8 character: back up to the start of one (a byte that is not 10xxxxxx).
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == 0) cut = limit;  // malformed UTF-8: no character start to keep whole
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;
    }
    out.append(line);
    out += "\r\n";
    return out;
}

std::string deadline_uid(DeadlineEvent event, std::string_view document_id) {
    // The id percent-encoded where it is not plain ASCII: a UID that any calendar keeps as is.
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out(to_string(event));
    out += '.';
    for (unsigned char c : document_id) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
    return out + "@normdoc";
}

void write_deadlines_ics(std::ostream& out, const Corpus& corpus, const std::vector<Deadline>& deadlines, Date as_of,
                         const Messages& m) {
    std::string text;
    auto line = [&](std::string_view content) { text += ical_folded(content); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//normdoc//deadlines//" + std::string(m.lang() == Lang::zh ? "ZH" : "EN"));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + ical_text(m.text(Msg::deadlines_calendar_name)));
    const std::string stamp = "DTSTAMP:" + basic_date(as_of) + "T000000Z";
    for (const Deadline& d : deadlines) {
        const Document doc = corpus.document(d.document);
        const std::string name = Messages::name_of(doc);
        line("BEGIN:VEVENT");
        line("UID:" + deadline_uid(d.event, doc.id()));
        line(stamp);
        line("DTSTART;VALUE=DATE:" + basic_date(d.date));
        line("DTEND;VALUE=DATE:" + basic_date(d.date + boost::gregorian::days(1)));
        std::string summary(m.event(d.event));
        summary += m.text(Msg::colon);
        if (!doc.number().empty()) summary += std::string(doc.number()) + (m.lang() == Lang::zh ? "" : " ");
        summary += "《" + std::string(doc.title()) + "》";
        line("SUMMARY:" + ical_text(summary));
        line("DESCRIPTION:" + ical_text(std::string(doc.id()) + " " + name + " " + std::string(to_string(d.event)) + " " +
                                        format_date(d.date)));
        line("CATEGORIES:" + ical_text(to_string(d.event)));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
        if (text.size() > (1u << 16)) {
            out << text;
            text.clear();
        }
    }
    line("END:VCALENDAR");
    out << text;
}

}  // namespace normdoc::report
