// The status of a document as of a day (SPEC §5) and its last day in force (SPEC §4): where a
// document's status is computed. Pure functions of a loaded corpus: const, lock-free, safe from
// many threads. (The rules by rank, for walks in id order, are in detail/status_at.hpp, which src/ includes.)
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/document_status.hpp"
#include "normdoc/term.hpp"

#include <optional>

namespace normdoc {

// SPEC §2: whether a modifying relation has effect as of `day`.
bool in_effect(const Corpus& corpus, const Relation& r, Date day);

// SPEC §4: the last day of a document's term as written or from the profile, before any extension.
std::optional<Date> base_last_day(const Corpus& corpus, DocumentId id);

// SPEC §4: the last day in force as of `day`: extensions in effect taken in date order (then
// by source id), each replacing the last day only if dated on or before the one it extends.
std::optional<Date> last_day_in_force(const Corpus& corpus, DocumentId id, Date day);

// SPEC §5: `amended` is true when an amends relation or an amendment event is in effect.
bool amended_as_of(const Corpus& corpus, DocumentId id, Date day);

// SPEC §5: the status as of `day`.
DocumentStatus status_of(const Corpus& corpus, DocumentId id, Date day);

// SPEC §10 `since`: the day the status `s` of `doc` began: published for pending, effective for in
// force, the ending day for an ended document, none for a draft.
std::optional<Date> status_since(const Document& doc, const DocumentStatus& s);

// SPEC §6: "expired without any repeal / invalidation (relation or event) on or before D": whether
// a repeal or invalidation, by a relation in effect or an event, happened on or before `day`.
bool formally_ended(const Corpus& corpus, DocumentId id, Date day);

// SPEC §6 BASIS_AMENDED: the latest amendment (an amends relation in effect, or an amendment event)
// on or before `day`; none when there is none.
std::optional<Date> latest_amendment(const Corpus& corpus, DocumentId id, Date day);

}  // namespace normdoc
