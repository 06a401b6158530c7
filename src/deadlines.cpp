// SPEC §13 deadlines: one walk over the documents in id order, so the result comes out sorted by
// id within each day and event, and a stable sort by (date, event) finishes the order.
#include "normdoc/deadlines.hpp"

#include "normdoc/status.hpp"

#include <algorithm>

namespace normdoc {

std::vector<Deadline> deadlines(const Corpus& corpus, Date as_of, Days within, const CleanupScope& scope) {
    const Profile& profile = corpus.profile();
    const Date last = deadlines_last_day(as_of, within);
    auto in_window = [&](Date d) { return as_of <= d && d <= last; };
    std::vector<Deadline> out;
    for (DocumentId id : corpus.documents_by_id()) {
        const Document doc = corpus.document(id);
        if (!scope.contains(doc)) continue;
        const DocumentStatus s = status_of(corpus, id, as_of);
        if (s.status != Status::in_force && s.status != Status::pending) continue;
        if (s.last_day) {
            // SPEC §4: the review window opens `expiry-review` months before the day after the last day.
            const Date opens = review_window_opens(*s.last_day, profile.review_months());
            if (in_window(opens)) out.push_back({opens, DeadlineEvent::review_opens, id});
            if (in_window(*s.last_day)) out.push_back({*s.last_day, DeadlineEvent::term_ends, id});
        }
        if (is_normative(doc.kind()) && doc.published()) {
            const auto filing = doc.procedure().filing();
            if (!(filing && filing->date <= as_of)) {
                const Date due = filing_deadline(*doc.published(), profile.filing_within());
                if (in_window(due)) out.push_back({due, DeadlineEvent::filing_due, id});
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
        return a.date != b.date ? a.date < b.date : a.event < b.event;
    });
    return out;
}

}  // namespace normdoc
