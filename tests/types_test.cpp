// Types that make wrong code not compile (as Hinnant's date does): each pair below is a mistake that
// the compiler refuses. The checks are static; the test exists so that CTest lists them.
#include "normdoc/cleanup.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/detail/corpus_data.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <type_traits>

namespace normdoc {
namespace {

// A document's id is not an authority's, and neither is a rank (a position in id order).
static_assert(!std::is_convertible_v<DocumentId, AuthorityId>);
static_assert(!std::is_convertible_v<AuthorityId, DocumentId>);
static_assert(!std::is_convertible_v<detail::Rank, DocumentId>);
static_assert(!std::is_convertible_v<DocumentId, detail::Rank>);
static_assert(!std::is_convertible_v<std::uint32_t, DocumentId>);  // explicit only
static_assert(!std::is_convertible_v<DocumentId, std::uint32_t>);

// Years, months and days are distinct counts (SPEC §3: validity years, review months, filing days).
static_assert(!std::is_convertible_v<int, Years>);
static_assert(!std::is_convertible_v<int, Months>);
static_assert(!std::is_convertible_v<Years, Months>);
static_assert(!std::is_convertible_v<Months, Years>);
static_assert(!std::is_invocable_v<decltype(&term_last_day), Date, int>);
static_assert(!std::is_invocable_v<decltype(&term_last_day), Date, Months>);
static_assert(std::is_invocable_v<decltype(&term_last_day), Date, Years>);
static_assert(!std::is_invocable_v<decltype(&review_window_opens), Date, Years>);
static_assert(!std::is_invocable_v<decltype(&filing_deadline), Date, int>);

// A clean-up's scope is a resolved authority or "all": an unresolved lookup does not slip through
// as "no scope" (a typo would clean up the whole registry).
static_assert(!std::is_convertible_v<std::optional<AuthorityId>, CleanupScope>);
static_assert(!std::is_convertible_v<AuthorityId, CleanupScope>);
static_assert(!std::is_invocable_v<decltype(static_cast<CleanupResult (*)(const Corpus&, Date, const CleanupScope&)>(&cleanup)),
                                   const Corpus&, Date, std::optional<AuthorityId>>);

TEST(Types, WrongCodeDoesNotCompile) { SUCCEED() << "the static_asserts above are the test"; }

TEST(Types, AScopeThatNamesNoAuthorityIsNoScope) {
    const Corpus empty;
    EXPECT_FALSE(CleanupScope::of(empty, "jy-kjj").has_value());
    EXPECT_THROW(CleanupScope::of(AuthorityId()), std::invalid_argument);
    EXPECT_TRUE(CleanupScope::all().is_all());
}

}  // namespace
}  // namespace normdoc
