// The rules profile of SPEC §3: jurisdictions differ, so the numbers are data.
#pragma once

#include "normdoc/date.hpp"

#include <ostream>

namespace normdoc {

struct Profile {
    int validity_years = 5;         // <validity years>
    int trial_years = 2;            // <validity trial-years>
    int consultation_min_days = 30; // <consultation min-days>
    int filing_within_days = 30;    // <filing within-days>
    int expiry_review_months = 6;   // <expiry-review months>

    int term_years(bool trial) const noexcept { return trial ? trial_years : validity_years; }
    // The same numbers as the calendar's types (date.hpp).
    Years term(bool trial) const noexcept { return Years(term_years(trial)); }
    Months review_months() const noexcept { return Months(expiry_review_months); }
    Days filing_within() const noexcept { return Days(filing_within_days); }
    Days consultation_minimum() const noexcept { return Days(consultation_min_days); }

    friend bool operator==(const Profile& a, const Profile& b) noexcept {
        return a.validity_years == b.validity_years && a.trial_years == b.trial_years &&
               a.consultation_min_days == b.consultation_min_days &&
               a.filing_within_days == b.filing_within_days && a.expiry_review_months == b.expiry_review_months;
    }
    friend bool operator!=(const Profile& a, const Profile& b) noexcept { return !(a == b); }
    friend std::ostream& operator<<(std::ostream& os, const Profile& p) {
        return os << "Profile{years=" << p.validity_years << ", trial-years=" << p.trial_years
                  << ", consultation=" << p.consultation_min_days << ", filing=" << p.filing_within_days
                  << ", review-months=" << p.expiry_review_months << '}';
    }
};

}  // namespace normdoc
