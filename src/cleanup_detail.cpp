// CleanupResult::detail: a finding in English, written from what the run decided (the plan's
// `detail` attribute and the English report). No rule is worked out again here.
#include "normdoc/cleanup.hpp"

namespace normdoc {
namespace {

std::string day_or_unknown(const std::optional<Date>& d) { return d ? format_date(*d) : std::string("?"); }

// A document as a legal officer names it: by its number (澄政发〔2016〕7号); a law or regulation,
// whose number (主席令第68号) says little, and a document without number by its title.
std::string name_of(const Corpus& corpus, DocumentId d) {
    const Document doc = corpus.document(d);
    if (!doc.number().empty() && doc.kind() >= DocumentKind::rule) return std::string(doc.number());
    return "《" + std::string(doc.title()) + "》";
}

}  // namespace

std::string CleanupResult::detail(const CleanupItem& item, const Finding& f) const {
    const Document doc = corpus_.document(item.document);
    const Profile& profile = corpus_.profile();
    std::string out;
    auto sep = [&] { if (!out.empty()) out += "; "; };

    switch (f.code) {
    case FindingCode::expired:
        return "last day in force " + day_or_unknown(f.day) + ", not formally ended";
    case FindingCode::expiring:
        return "last day in force " + day_or_unknown(f.day) + ", review window opened " + day_or_unknown(f.other);
    case FindingCode::basis_terminated:
    case FindingCode::basis_to_be_terminated:
    case FindingCode::basis_amended:
        for (const FindingNote& note : notes(f)) {
            sep();
            out += "basis " + name_of(corpus_, note.basis);
            if (f.code == FindingCode::basis_terminated)
                out += ' ' + std::string(to_string(note.status)) + ' ' + day_or_unknown(note.date);
            else if (f.code == FindingCode::basis_to_be_terminated)
                out += note.action == Action::repeal ? " to be repealed by this clean-up" : " to be declared invalid by this clean-up";
            else
                out += " amended " + day_or_unknown(note.date) + ", after this document's publication " + day_or_unknown(f.day);
        }
        if (f.code != FindingCode::basis_amended)
            out += f.bases_left == 0 ? std::string(" (no basis left)")
                                     : " (" + std::to_string(f.bases_left) + " of " + std::to_string(f.bases) + " bases remain)";
        return out;
    case FindingCode::issuer_abolished:
        for (const FindingNote& note : notes(f)) {
            sep();
            out += "issuer " + std::string(corpus_.authority(note.issuer).name()) + " abolished " + day_or_unknown(note.date);
            out += note.successor.valid() ? ", succeeded by " + std::string(corpus_.authority(note.successor).name())
                                          : std::string(", no successor in existence");
        }
        return out;
    case FindingCode::term_too_long:
        return "expires " + day_or_unknown(f.day) + ", later than the " + std::to_string(profile.term_years(doc.trial())) +
               (doc.trial() ? "-year trial" : "-year") + " term allows (" + day_or_unknown(f.other) + ")";
    case FindingCode::no_legality_review:
        out = "no lawful legality review on or before ";
        out += f.other ? "the collective decision of " + format_date(*f.other) : "publication " + day_or_unknown(f.day);
        for (const LegalityReview r : doc.procedure().legality_reviews())
            out += "; review " + format_date(r.date) + ' ' + std::string(to_string(r.outcome));
        return out;
    case FindingCode::no_collective_decision:
        out = "no adopted collective decision on or before publication " + day_or_unknown(f.day);
        for (const CollectiveDecision c : doc.procedure().collective_decisions())
            out += "; decision " + format_date(c.date) + ' ' + std::string(to_string(c.outcome));
        return out;
    case FindingCode::no_consultation:
        return "no public consultation recorded";
    case FindingCode::short_consultation:
        return "consultation " + day_or_unknown(f.day) + " to " + day_or_unknown(f.other) + " lasted " +
               std::to_string(f.day && f.other ? consultation_days(*f.day, *f.other).count : 0) + " days, minimum " +
               std::to_string(profile.consultation_min_days);
    case FindingCode::filing_overdue:
        return "filing due " + day_or_unknown(f.day) + (f.other ? ", filed " + format_date(*f.other) : std::string(", none recorded"));
    }
    return out;
}

}  // namespace normdoc
