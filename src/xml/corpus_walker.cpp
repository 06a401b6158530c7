// The corpus reader's element walker (corpus_walker.hpp).
#include "xml/corpus_walker.hpp"
#include "normdoc/draft.hpp"

namespace normdoc::detail::xml {
namespace {
namespace element = corpus_vocabulary::element;
namespace attribute = corpus_vocabulary::attribute;
using corpus_vocabulary::k_namespace;
}  // namespace

SliceWalker::SliceWalker(std::string_view source, const std::string& file) : source_(source), lines_(source) {
    draft_.file = file;
}

SliceWalker SliceWalker::continuation(SectionKind kind, std::size_t chunk_bytes, std::size_t expected_children) const {
    SliceWalker later(source_, draft_.file);
    later.lines_ = lines_;
    later.base_ = base_;
    later.last_line_ = last_line_;
    later.scope_ = scope_;
    later.continuation_ = true;
    if (kind == SectionKind::authorities)
        later.authority_chunks_.start(later.draft_.authorities, chunk_bytes, expected_children);
    if (kind == SectionKind::documents)
        later.document_chunks_.start(later.draft_.documents, chunk_bytes, expected_children);
    return later;
}

void SliceWalker::append(SliceWalker&& later) {
    later.authority_chunks_.move_to(draft_.authorities, later.draft_.authorities);
    later.document_chunks_.move_to(draft_.documents, later.draft_.documents);
    problems_.insert(problems_.end(), std::make_move_iterator(later.problems_.begin()),
                     std::make_move_iterator(later.problems_.end()));
}

SliceWalker::Root SliceWalker::read_root(pugi::xml_node e, std::size_t tag_begin) {
    base_ = tag_begin;
    const std::size_t line = line_of(e);
    scope_.enter(e);  // the root's declarations stay in scope for the whole walk
    const ElementName n = classify(e, scope_, k_namespace);
    if (n.kind != ElementName::Kind::ours || n.local != element::corpus) {
        const std::string* ns = scope_.resolve(split_name(name_of(e)).prefix);
        std::string what = "the root element is <" + std::string(name_of(e)) + ">";
        if (ns == nullptr) {
            what += " with an undeclared namespace prefix";
        } else if (ns->empty()) {
            what += " in no namespace";
        } else {
            what += " in namespace \"" + *ns + "\"";
        }
        report(line, ProblemCode::unknown_element,
               "not a normdoc corpus: " + what + ", not <corpus> in namespace \"" + std::string(k_namespace) + "\"");
        return Root::not_corpus;
    }
    reset_owner();
    Attributes<0> none{k_no_attributes};
    read_attributes(e, element::corpus, line, none);
    return Root::corpus;
}

SectionKind SliceWalker::enter_section(pugi::xml_node e, const Section& section, std::size_t& declared) {
    base_ = section.tag_begin;
    const std::size_t line = line_of(e);
    declared = scope_.enter(e);
    const ElementName n = classify(e, scope_, k_namespace);
    SectionKind kind = SectionKind::ignored;
    reset_owner();
    if (n.kind == ElementName::Kind::ours) {
        if (n.local == element::profile) {
            kind = SectionKind::profile;
            owner_kind_ = element::profile;
            if (seen_profile_) repeated(line, element::profile, tag(element::corpus));
            seen_profile_ = true;
        } else if (n.local == element::authorities) {
            kind = SectionKind::authorities;
            draft_.authorities.reserve(draft_.authorities.size() + section.children);
        } else if (n.local == element::documents) {
            kind = SectionKind::documents;
            draft_.documents.reserve(draft_.documents.size() + section.children);
        } else {
            unknown_element(n.local, line, tag(element::corpus));
        }
        if (kind != SectionKind::ignored) {
            Attributes<0> none{k_no_attributes};
            read_attributes(e, n.local, line, none);
        }
    } else if (n.kind == ElementName::Kind::unbound_prefix) {
        report(line, ProblemCode::xml_syntax,
               "corpus: <" + std::string(name_of(e)) + "> has an undeclared namespace prefix \"" +
                   std::string(n.prefix) + "\"");
    }
    return kind;
}

bool SliceWalker::read_slices(const std::vector<std::size_t>& cuts, std::size_t first, std::size_t last,
                              SectionKind kind, SyntaxError& error, const std::atomic<std::size_t>* earliest_failure,
                              std::size_t index) {
    std::size_t largest = 0;  // one buffer for all, not one per size (see Chunks)
    for (std::size_t i = first; i < last; ++i) largest = std::max(largest, cuts[i + 1] - cuts[i]);
    slice_.reserve(largest);
    for (std::size_t i = first; i < last; ++i) {
        if (earliest_failure != nullptr && earliest_failure->load(std::memory_order_relaxed) < index) return true;
        const std::size_t authorities = draft_.authorities.size(), documents = draft_.documents.size();
        if (!read_slice(cuts[i], cuts[i + 1], kind, error)) return false;
        if (continuation_) {
            authority_chunks_.after_slice(draft_.authorities, draft_.authorities.size() - authorities);
            document_chunks_.after_slice(draft_.documents, draft_.documents.size() - documents);
        }
    }
    return true;
}

void SliceWalker::report(std::size_t line, ProblemCode code, std::string message, Severity severity) {
    problems_.push_back({draft_.file, line, severity, code, std::move(message), {}});
}

std::size_t SliceWalker::line_of(pugi::xml_node n) {
    const std::ptrdiff_t offset = n.offset_debug();
    if (offset < 0) return last_line_;
    last_line_ = lines_.line_at(base_ + static_cast<std::size_t>(offset));
    return last_line_;
}

template <std::size_t N>
void SliceWalker::read_attributes(pugi::xml_node e, std::string_view local, std::size_t line, Attributes<N>& out) {
    for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = name_of(a);
        const QName q = split_name(name);
        if (!q.prefix.empty()) {
            if (q.prefix == "xmlns") continue;
            const std::string* ns = scope_.resolve(q.prefix);
            if (ns == nullptr) {
                report(line, ProblemCode::xml_syntax,
                       owner() + ": " + tag(local) + " attribute \"" + std::string(name) +
                           "\" has an undeclared namespace prefix");
            } else if (*ns == k_namespace) {
                report(line, ProblemCode::unknown_element,
                       owner() + ": " + tag(local) + " has no attribute \"" + std::string(name) +
                           "\" (attributes of format 1 have no prefix)");
            }
            continue;
        }
        if (name == "xmlns") continue;
        std::size_t i = 0;
        while (i < N && out.names[i] != name) ++i;
        if (i == N) {
            report(line, ProblemCode::unknown_element,
                   owner() + ": " + tag(local) + " has no attribute \"" + std::string(name) + "\"");
        } else if (out.values[i] != nullptr) {
            report(line, ProblemCode::xml_syntax,
                   owner() + ": " + tag(local) + " has the attribute \"" + std::string(name) + "\" twice");
        } else {
            out.values[i] = a.value();
        }
    }
}

template <class Fn>
void SliceWalker::for_each_child(pugi::xml_node e, Fn&& fn) {
    for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::size_t declared = scope_.enter(c);
        const ElementName n = classify(c, scope_, k_namespace);
        if (n.kind == ElementName::Kind::ours) {
            fn(c, n.local, line_of(c));
        } else if (n.kind == ElementName::Kind::unbound_prefix) {
            report(line_of(c), ProblemCode::xml_syntax,
                   owner() + ": <" + std::string(name_of(c)) + "> has an undeclared namespace prefix \"" +
                       std::string(n.prefix) + "\"");
        }
        scope_.leave(declared);
    }
}

void SliceWalker::unknown_element(std::string_view local, std::size_t line, std::string_view where) {
    report(line, ProblemCode::unknown_element,
           owner() + ": unknown element " + tag(local) + " in " + std::string(where));
}

void SliceWalker::expect_empty(pugi::xml_node e, std::string_view local) {
    for_each_child(e, [&](pugi::xml_node, std::string_view child, std::size_t line) {
        unknown_element(child, line, tag(local));
    });
}

std::string SliceWalker::text(pugi::xml_node e, std::string_view local, std::size_t line) {
    Attributes<0> none{k_no_attributes};
    read_attributes(e, local, line, none);
    expect_empty(e, local);
    return std::string(text_of(e, scratch_));
}

void SliceWalker::missing(std::size_t line, std::string_view local, std::string_view attribute) {
    report(line, ProblemCode::missing,
           owner() + ": " + tag(local) + " lacks the required attribute \"" + std::string(attribute) + "\"");
}

void SliceWalker::repeated(std::size_t line, std::string_view local, std::string_view where) {
    report(line, ProblemCode::bad_value,
           owner() + ": " + tag(local) + " appears more than once in " + std::string(where));
}

std::optional<Date> SliceWalker::date(std::string_view value, std::string_view local, std::string_view attribute,
                                      std::size_t line) {
    const DateParse parsed = parse_date(value);
    if (parsed) return parsed.date;
    std::string why;
    if (parsed.error.find("year") != std::string::npos) {
        why = "has a year outside 1900-2199";
    } else if (parsed.error.find("no such") != std::string::npos) {
        why = "is not a calendar day";
    } else {
        why = "is not a date of the form YYYY-MM-DD";
    }
    report(line, ProblemCode::bad_date,
           owner() + ": " + tag(local) + " " + std::string(attribute) + " \"" + std::string(value) + "\" " + why);
    return std::nullopt;
}

template <std::size_t N>
std::optional<Date> SliceWalker::required_date(const Attributes<N>& a, std::size_t i, std::string_view local,
                                               std::size_t line) {
    if (!a.has(i)) {
        missing(line, local, a.names[i]);
        return std::nullopt;
    }
    return date(a[i], local, a.names[i], line);
}

template <std::size_t N>
std::optional<Date> SliceWalker::optional_date(const Attributes<N>& a, std::size_t i, std::string_view local,
                                               std::size_t line) {
    return a.has(i) ? date(a[i], local, a.names[i], line) : std::nullopt;
}

template <class Enum, std::size_t K>
std::optional<Enum> SliceWalker::enumerated(std::string_view value, const std::string_view (&names)[K],
                                            std::string_view local, std::string_view attribute, std::size_t line) {
    if (auto v = detail::enum_parse<Enum>(names, value)) return v;
    std::string allowed;
    for (std::size_t i = 0; i < K; ++i) {
        if (i) allowed += ", ";
        allowed += names[i];
    }
    report(line, ProblemCode::bad_value,
           owner() + ": " + tag(local) + " " + std::string(attribute) + " \"" + std::string(value) +
               "\" is not one of: " + allowed);
    return std::nullopt;
}

template <std::size_t N>
std::optional<draft::Ref> SliceWalker::ref(const Attributes<N>& a, std::size_t i, std::size_t line) {
    if (!a.has(i)) return std::nullopt;
    return draft::Ref{std::string(a[i]), line};
}

bool SliceWalker::read_slice(std::size_t begin, std::size_t end, SectionKind kind, SyntaxError& error) {
    slice_.assign(source_.data() + begin, source_.data() + end);
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_buffer_inplace(slice_.data(), slice_.size(),
                                                             k_parse_options | pugi::parse_fragment,
                                                             pugi::encoding_utf8);
    if (!r) {
        error.offset = begin + (r.offset < 0 ? 0 : static_cast<std::size_t>(r.offset));
        error.message = describe(r.status);
        return false;
    }
    if (kind == SectionKind::ignored) return true;
    base_ = begin;
    // The owner of a section's child is the corpus, also in messages about a child that
    // for_each_child reports itself (an undeclared prefix): never the previous document,
    // whose id is a view into the previous slice's freed buffer (found by corpus_fuzz).
    reset_owner();
    for_each_child(doc, [&](pugi::xml_node c, std::string_view local, std::size_t line) {
        switch (kind) {
            case SectionKind::profile: read_profile_item(c, local, line); break;
            case SectionKind::authorities:
                if (local == element::authority) read_authority(c, line);
                else unknown_element(local, line, tag(element::authorities));
                break;
            case SectionKind::documents:
                if (local == element::document) read_document(c, line);
                else unknown_element(local, line, tag(element::documents));
                break;
            case SectionKind::ignored: break;
        }
        reset_owner();
    });
    return true;
}

void SliceWalker::profile_number(const char* value, std::string_view local, std::string_view attribute,
                                 std::size_t line, int min, int max, int& out) {
    if (value == nullptr) return;
    const std::string_view text(value);
    long n = 0;
    bool ok = !text.empty() && text.size() <= 6;
    for (char c : text) {
        if (c < '0' || c > '9') ok = false;
        else if (ok) n = n * 10 + (c - '0');  // at most 6 digits: no overflow (found by corpus_fuzz)
    }
    if (ok && n >= min && n <= max) {
        out = static_cast<int>(n);
        return;
    }
    report(line, ProblemCode::bad_value,
           "profile: " + tag(local) + " " + std::string(attribute) + " \"" + std::string(text) +
               "\" is not a whole number from " + std::to_string(min) + " to " + std::to_string(max));
}

void SliceWalker::read_profile_item(pugi::xml_node e, std::string_view local, std::size_t line) {
    static const std::array<std::string_view, 2> validity{attribute::years, attribute::trial_years};
    static const std::array<std::string_view, 1> consultation{attribute::min_days};
    static const std::array<std::string_view, 1> filing{attribute::within_days};
    static const std::array<std::string_view, 1> review{attribute::months};
    Profile& p = draft_.profile;
    int slot = -1;
    if (local == element::validity) {
        slot = 0;
        Attributes<2> a{validity};
        read_attributes(e, local, line, a);
        profile_number(a.values[0], local, attribute::years, line, 1, 100, p.validity_years);
        profile_number(a.values[1], local, attribute::trial_years, line, 1, 100, p.trial_years);
    } else if (local == element::consultation) {
        slot = 1;
        Attributes<1> a{consultation};
        read_attributes(e, local, line, a);
        profile_number(a.values[0], local, attribute::min_days, line, 0, 3650, p.consultation_min_days);
    } else if (local == element::filing) {
        slot = 2;
        Attributes<1> a{filing};
        read_attributes(e, local, line, a);
        profile_number(a.values[0], local, attribute::within_days, line, 0, 3650, p.filing_within_days);
    } else if (local == element::expiry_review) {
        slot = 3;
        Attributes<1> a{review};
        read_attributes(e, local, line, a);
        profile_number(a.values[0], local, attribute::months, line, 0, 120, p.expiry_review_months);
    } else {
        unknown_element(local, line, tag(element::profile));
        return;
    }
    expect_empty(e, local);
    if (profile_seen_[slot]) repeated(line, local, tag(element::profile));
    profile_seen_[slot] = true;
}

void SliceWalker::read_authority(pugi::xml_node e, std::size_t line) {
    static const std::array<std::string_view, 7> names{attribute::id,     attribute::name,
                                                       attribute::kind,   attribute::level,
                                                       attribute::parent, attribute::abolished,
                                                       attribute::successor};
    Attributes<7> a{names};
    owner_kind_ = element::authority;
    owner_id_ = view(e.attribute(attribute::id.data()).value());
    read_attributes(e, element::authority, line, a);
    draft::Authority out;
    out.line = line;
    if (!a.has(0)) missing(line, element::authority, attribute::id);
    out.id = std::string(a[0]);
    if (!a.has(1)) missing(line, element::authority, attribute::name);
    out.name = std::string(a[1]);
    if (!a.has(2)) {
        missing(line, element::authority, attribute::kind);
    } else if (auto k = enumerated<AuthorityKind>(a[2], detail::k_authority_kind_names, element::authority,
                                                  attribute::kind, line)) {
        out.kind = *k;
    }
    if (a.has(3))
        out.level = enumerated<Level>(a[3], detail::k_level_names, element::authority, attribute::level, line);
    out.parent = ref(a, 4, line);
    out.abolished = optional_date(a, 5, element::authority, line);
    out.successor = ref(a, 6, line);
    expect_empty(e, element::authority);
    // Kept without its missing name or kind, so references to it do not turn into UNKNOWN_REF.
    if (a.has(0)) draft_.authorities.push_back(std::move(out));
}

void SliceWalker::read_document(pugi::xml_node e, std::size_t line) {
    static const std::array<std::string_view, 4> names{attribute::id, attribute::kind, attribute::number,
                                                       attribute::trial};
    Attributes<4> a{names};
    owner_kind_ = element::document;
    owner_id_ = view(e.attribute(attribute::id.data()).value());
    read_attributes(e, element::document, line, a);
    draft::Document d;
    d.line = line;
    d.number_line = line;
    if (!a.has(0)) missing(line, element::document, attribute::id);
    d.id = std::string(a[0]);
    if (!a.has(1)) {
        missing(line, element::document, attribute::kind);
    } else if (auto k = enumerated<DocumentKind>(a[1], detail::k_document_kind_names, element::document,
                                                 attribute::kind, line)) {
        d.kind = *k;
    }
    d.number = std::string(a[2]);
    if (a.has(3)) {
        // SPEC §7: exactly true or false; absent → from the title (the validator's part).
        static const std::string_view flags[] = {"false", "true"};
        if (auto t = enumerated<int>(a[3], flags, element::document, attribute::trial, line)) d.trial = *t == 1;
    }
    bool seen_drafter = false, seen_dates = false;
    step_seen_ = {};
    for_each_child(e, [&](pugi::xml_node c, std::string_view local, std::size_t cline) {
        if (local == element::title) {
            std::string t = text(c, local, cline);
            if (d.title) repeated(cline, local, tag(element::document));
            else d.title = std::move(t);
        } else if (local == element::issuer || local == element::drafter) {
            static const std::array<std::string_view, 1> ref_only{attribute::ref};
            Attributes<1> r{ref_only};
            read_attributes(c, local, cline, r);
            expect_empty(c, local);
            if (!r.has(0)) missing(cline, local, attribute::ref);
            if (local == element::issuer) {
                if (r.has(0)) d.issuers.push_back({std::string(r[0]), cline});
            } else {
                if (seen_drafter) repeated(cline, local, tag(element::document));
                else if (r.has(0)) d.drafter = draft::Ref{std::string(r[0]), cline};
                seen_drafter = true;
            }
        } else if (local == element::subject) {
            d.subjects.push_back(text(c, local, cline));
        } else if (local == element::dates) {
            static const std::array<std::string_view, 3> date_names{attribute::published, attribute::effective,
                                                                    attribute::expires};
            Attributes<3> r{date_names};
            read_attributes(c, local, cline, r);
            expect_empty(c, local);
            if (seen_dates) {
                repeated(cline, local, tag(element::document));
                return;
            }
            seen_dates = true;
            d.dates_line = cline;
            d.published = optional_date(r, 0, local, cline);
            d.effective = optional_date(r, 1, local, cline);
            d.expires = optional_date(r, 2, local, cline);
        } else if (local == element::procedure) {
            read_attributes_none(c, local, cline);
            for_each_child(c, [&](pugi::xml_node s, std::string_view step, std::size_t sline) {
                read_step(s, step, sline, d.procedure);
            });
        } else if (local == element::relations) {
            read_attributes_none(c, local, cline);
            std::size_t count = 0;
            for (pugi::xml_node r = c.first_child(); r; r = r.next_sibling()) ++count;
            d.relations.reserve(d.relations.size() + count);
            for_each_child(c, [&](pugi::xml_node r, std::string_view kind, std::size_t rline) {
                read_relation(r, kind, rline, d);
            });
        } else if (local == element::events) {
            read_attributes_none(c, local, cline);
            for_each_child(c, [&](pugi::xml_node v, std::string_view name, std::size_t vline) {
                if (name == element::event) read_event(v, vline, d);
                else unknown_element(name, vline, tag(element::events));
            });
        } else {
            unknown_element(local, cline, tag(element::document));
        }
    });
    // Kept without a missing kind, title or issuer (the validator reports the last two).
    if (a.has(0)) draft_.documents.push_back(std::move(d));
}

void SliceWalker::read_step(pugi::xml_node e, std::string_view local, std::size_t line, draft::Procedure& p) {
    enum Once { assessment, consultation, expert_review, risk_assessment, filing, none };
    Once once = none;
    if (local == element::assessment || local == element::expert_review || local == element::risk_assessment) {
        static const std::array<std::string_view, 1> names{attribute::date};
        Attributes<1> a{names};
        read_attributes(e, local, line, a);
        once = local == element::assessment      ? assessment
               : local == element::expert_review ? expert_review
                                                 : risk_assessment;
        auto day = required_date(a, 0, local, line);
        auto& slot = once == assessment ? p.assessment : once == expert_review ? p.expert_review : p.risk_assessment;
        if (day && !step_seen_[once]) slot = draft::Step{*day, line};
    } else if (local == element::consultation) {
        static const std::array<std::string_view, 2> names{attribute::from, attribute::to};
        Attributes<2> a{names};
        read_attributes(e, local, line, a);
        once = consultation;
        auto from = required_date(a, 0, local, line);
        auto to = required_date(a, 1, local, line);
        if (from && to && !step_seen_[once]) p.consultation = draft::Consultation{*from, *to, line};
    } else if (local == element::legality_review) {
        static const std::array<std::string_view, 3> names{attribute::date, attribute::outcome, attribute::by};
        Attributes<3> a{names};
        read_attributes(e, local, line, a);
        auto day = required_date(a, 0, local, line);
        std::optional<LegalityOutcome> outcome;
        if (!a.has(1)) missing(line, local, attribute::outcome);
        else
            outcome = enumerated<LegalityOutcome>(a[1], detail::k_legality_outcome_names, local, attribute::outcome,
                                                  line);
        if (day && outcome) p.legality_reviews.push_back({*day, *outcome, ref(a, 2, line), line});
    } else if (local == element::collective_decision) {
        static const std::array<std::string_view, 3> names{attribute::date, attribute::body, attribute::outcome};
        Attributes<3> a{names};
        read_attributes(e, local, line, a);
        auto day = required_date(a, 0, local, line);
        std::optional<DecisionOutcome> outcome;
        if (!a.has(2)) missing(line, local, attribute::outcome);
        else
            outcome = enumerated<DecisionOutcome>(a[2], detail::k_decision_outcome_names, local, attribute::outcome,
                                                  line);
        if (day && outcome) p.collective_decisions.push_back({*day, std::string(a[1]), *outcome, line});
    } else if (local == element::filing) {
        static const std::array<std::string_view, 2> names{attribute::date, attribute::with};
        Attributes<2> a{names};
        read_attributes(e, local, line, a);
        once = filing;
        auto day = required_date(a, 0, local, line);
        if (day && !step_seen_[once]) p.filing = draft::Filing{*day, ref(a, 1, line), line};
    } else {
        unknown_element(local, line, tag(element::procedure));
        return;
    }
    expect_empty(e, local);
    if (once != none) {
        if (step_seen_[once]) repeated(line, local, tag(element::procedure));
        step_seen_[once] = true;
    }
}

void SliceWalker::read_relation(pugi::xml_node e, std::string_view local, std::size_t line, draft::Document& d) {
    const auto kind = parse_relation_kind(local);
    if (!kind) {
        unknown_element(local, line, tag(element::relations));
        return;
    }
    static const std::array<std::string_view, 3> with_until{attribute::ref, attribute::date, attribute::until};
    static const std::array<std::string_view, 2> without_until{attribute::ref, attribute::date};
    draft::Relation r;
    r.kind = *kind;
    r.line = line;
    bool complete = true;
    if (*kind == RelationKind::extends) {
        Attributes<3> a{with_until};
        read_attributes(e, local, line, a);
        if (!a.has(0)) { missing(line, local, attribute::ref); complete = false; }
        r.target = {std::string(a[0]), line};
        r.date = optional_date(a, 1, local, line);
        r.until = required_date(a, 2, local, line);
        if (!r.until) complete = false;
    } else {
        Attributes<2> a{without_until};
        read_attributes(e, local, line, a);
        if (!a.has(0)) { missing(line, local, attribute::ref); complete = false; }
        r.target = {std::string(a[0]), line};
        r.date = optional_date(a, 1, local, line);
    }
    expect_empty(e, local);
    if (complete) d.relations.push_back(std::move(r));
}

void SliceWalker::read_event(pugi::xml_node e, std::size_t line, draft::Document& d) {
    static const std::array<std::string_view, 3> names{attribute::type, attribute::date, attribute::source};
    Attributes<3> a{names};
    read_attributes(e, element::event, line, a);
    std::optional<EventType> type;
    if (!a.has(0)) missing(line, element::event, attribute::type);
    else type = enumerated<EventType>(a[0], detail::k_event_type_names, element::event, attribute::type, line);
    auto day = required_date(a, 1, element::event, line);
    expect_empty(e, element::event);
    if (type && day) d.events.push_back({*type, *day, std::string(a[2]), line});
}

}  // namespace normdoc::detail::xml
