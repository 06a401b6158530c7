// Stage 2 of the Akoma Ntoso import (SPEC §9): a work from what its file says: id, title, number,
// kind, dates, events, issuers, modifications.
#include "xml/akn_work.hpp"

#include "normdoc/akn.hpp"
#include "normdoc/id.hpp"
#include "xml/akn_values.hpp"

#include <algorithm>
#include <unordered_set>

namespace normdoc::detail::akn {
namespace {

// The references of a scan, then of the collections around it (SPEC §9: a component's authors
// resolve against its own references, then the collection's).
template <class Fn>
void for_each_scope(const std::vector<Scan>& scans, std::uint32_t index, Fn&& fn) {
    for (std::optional<std::uint32_t> at = index; at; at = scans[*at].parent) fn(scans[*at]);
}

}  // namespace

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
    if (!is_valid_id(scan.frbr_this->value)) {  // SPEC §7: the one id rule (normdoc/id.hpp), the validator's
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
        // SPEC §9, legislation.gov.uk: no commencement TLCEvent, but eventRefs that say
        // coming-into-force: in their eId (coming-into-force-N) or, as its data.akn writes them
        // today, in their refersTo (eId "date-cif-1", refersTo "#coming-into-force").
        const bool says_coming_into_force = e.eid.find("coming-into-force") != std::string::npos ||
                                            e.refers_to.find("coming-into-force") != std::string::npos;
        if (says_coming_into_force && (!comes_into_force || *date < *comes_into_force))
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
        if (!is_valid_id(o.eid)) {
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

}  // namespace normdoc::detail::akn
