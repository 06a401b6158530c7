// The year's figures for a 依法行政 report (SPEC §13 annual): over the documents in scope (SPEC
// §6's scope rule), how many were issued in year Y and how they were made, how many were
// repealed, declared invalid, expired or amended in Y, and how many stand at its end; with the
// lists of documents made, changed and ended that supervising bodies ask for.
//
//   const AnnualReport r = annual(corpus, 2018, CleanupScope::all());
//   r[AnnualFigure::issued_normative] …  r.list(AnnualFigure::repealed) …
#pragma once

#include "normdoc/cleanup.hpp"
#include "normdoc/corpus.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace normdoc {

// SPEC §13, in the order of the CSV's rows.
enum class AnnualFigure : std::uint8_t {
    issued, issued_normative, legality_reviewed, collectively_decided, consulted, filed_on_time,
    repealed, declared_invalid, expired, amended, in_force, pending,
};
inline constexpr std::size_t k_annual_figure_count = 12;

namespace detail {
inline constexpr std::string_view k_annual_figure_names[] = {
    "issued", "issued_normative", "legality_reviewed", "collectively_decided", "consulted", "filed_on_time",
    "repealed", "declared_invalid", "expired", "amended", "in_force", "pending"};
}
constexpr std::string_view to_string(AnnualFigure f) noexcept { return detail::enum_name(detail::k_annual_figure_names, f); }

class AnnualReport {
public:
    int year() const noexcept { return year_; }
    std::uint64_t operator[](AnnualFigure f) const noexcept { return counts_[static_cast<std::size_t>(f)]; }
    // The documents counted in issued, amended, repealed, declared_invalid or expired, by id
    // (bytes); empty for the other figures.
    const std::vector<DocumentId>& list(AnnualFigure f) const noexcept { return lists_[static_cast<std::size_t>(f)]; }

private:
    friend AnnualReport annual(const Corpus&, int, const CleanupScope&);
    int year_ = 0;
    std::array<std::uint64_t, k_annual_figure_count> counts_{};
    std::array<std::vector<DocumentId>, k_annual_figure_count> lists_;
};

// SPEC §13: the figures of year `year` over the documents of `scope`.
AnnualReport annual(const Corpus& corpus, int year, const CleanupScope& scope);

}  // namespace normdoc
