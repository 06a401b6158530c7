// The C ABI's CorpusBuilder: a corpus built in code, through the same validator as the XML reader.
#include "capi/capi.hpp"

#include "normdoc/builder.hpp"

namespace normdoc::capi {

struct BuilderImpl {
    CorpusBuilder builder;
    std::optional<CorpusBuilder::DocumentRef> document;  // the one added last
};

namespace {

template <class T>
T enum_arg(const char* s, const char* what, std::optional<T> (*parse)(std::string_view) noexcept) {
    const std::string_view text = text_arg(s, what);
    const std::optional<T> v = parse(text);
    if (!v) fail(ND_E_INVALID_ARGUMENT, std::string(what) + ": '" + std::string(text) + "' is not one of its values");
    return *v;
}

CorpusBuilder::DocumentRef& current(BuilderImpl* b) {
    if (!b->document) fail(ND_E_INVALID_ARGUMENT, "builder: no document added yet (nd_builder_document first)");
    return *b->document;
}

// A date for the builder, which checks it (a bad one is a BAD_DATE problem at build, as in C++).
std::optional<DateArg> date_or_none(const char* s, const char* what) {
    if (const auto text = optional_text_arg(s, what)) return DateArg(*text);
    return std::nullopt;
}
DateArg date_required(const char* s, const char* what) { return DateArg(text_arg(s, what)); }

// Builder calls take a mutable handle; live() gives a const one's impl.
BuilderImpl* builder_of(nd_builder* b) { return live(b, "builder"); }

}  // namespace
}  // namespace normdoc::capi

using namespace normdoc;
using namespace normdoc::capi;

extern "C" {

nd_status nd_builder_new(nd_builder** out, nd_error* err) {
    if (out != nullptr) *out = nullptr;
    return guard(err, [&] {
        out_param(out, "out");
        auto* impl = new BuilderImpl();
        try {
            *out = make_handle<nd_builder>(impl);
        } catch (...) {
            delete impl;
            throw;
        }
    });
}

void nd_builder_free(nd_builder* builder) { free_handle(builder); }

nd_status nd_builder_profile(nd_builder* b, int32_t years, int32_t trial_years, int32_t consultation_min_days,
                             int32_t filing_within_days, int32_t expiry_review_months, nd_error* err) {
    return guard(err, [&] {
        BuilderImpl* impl = builder_of(b);
        if (years < 1 || trial_years < 1 || consultation_min_days < 0 || filing_within_days < 0 || expiry_review_months < 0)
            fail(ND_E_INVALID_ARGUMENT, "profile: years and trial years must be at least 1, the others at least 0");
        Profile p;
        p.validity_years = years;
        p.trial_years = trial_years;
        p.consultation_min_days = consultation_min_days;
        p.filing_within_days = filing_within_days;
        p.expiry_review_months = expiry_review_months;
        impl->builder.profile(p);
    });
}

nd_status nd_builder_authority(nd_builder* b, const char* id, const char* name, const char* kind, const char* level,
                               const char* parent, const char* abolished, const char* successor, nd_error* err) {
    return guard(err, [&] {
        BuilderImpl* impl = builder_of(b);
        const std::string_view i = text_arg(id, "id");
        const std::string_view n = text_arg(name, "name");
        const AuthorityKind k = enum_arg<AuthorityKind>(kind, "kind", parse_authority_kind);
        std::optional<Level> l;
        if (level != nullptr) l = enum_arg<Level>(level, "level", parse_level);
        const auto p = optional_text_arg(parent, "parent");
        const auto a = date_or_none(abolished, "abolished");
        const auto s = optional_text_arg(successor, "successor");
        auto ref = impl->builder.authority(i, n, k);
        if (l) ref.level(*l);
        if (p) ref.parent(*p);
        if (a) ref.abolished(*a);
        if (s) ref.successor(*s);
    });
}

nd_status nd_builder_document(nd_builder* b, const char* id, const char* kind, const char* title, nd_error* err) {
    return guard(err, [&] {
        BuilderImpl* impl = builder_of(b);
        const std::string_view i = text_arg(id, "id");
        const DocumentKind k = enum_arg<DocumentKind>(kind, "kind", parse_document_kind);
        const std::string_view t = text_arg(title, "title");
        impl->document = impl->builder.document(i, k, t);
    });
}

nd_status nd_builder_doc_number(nd_builder* b, const char* number, nd_error* err) {
    return guard(err, [&] { current(builder_of(b)).number(text_arg(number, "number")); });
}

nd_status nd_builder_doc_trial(nd_builder* b, int trial, nd_error* err) {
    return guard(err, [&] { current(builder_of(b)).trial(trial != 0); });
}

nd_status nd_builder_doc_issuer(nd_builder* b, const char* authority, nd_error* err) {
    return guard(err, [&] { current(builder_of(b)).issuer(text_arg(authority, "issuer")); });
}

nd_status nd_builder_doc_drafter(nd_builder* b, const char* authority, nd_error* err) {
    return guard(err, [&] { current(builder_of(b)).drafter(text_arg(authority, "drafter")); });
}

nd_status nd_builder_doc_subject(nd_builder* b, const char* subject, nd_error* err) {
    return guard(err, [&] { current(builder_of(b)).subject(text_arg(subject, "subject")); });
}

nd_status nd_builder_doc_dates(nd_builder* b, const char* published, const char* effective, const char* expires,
                               nd_error* err) {
    return guard(err, [&] {
        auto& doc = current(builder_of(b));
        const auto p = date_or_none(published, "published");
        const auto e = date_or_none(effective, "effective");
        const auto x = date_or_none(expires, "expires");
        if (p) doc.published(*p);
        if (e) doc.effective(*e);
        if (x) doc.expires(*x);
    });
}

nd_status nd_builder_doc_relation(nd_builder* b, const char* kind, const char* target, const char* date,
                                  const char* until, nd_error* err) {
    return guard(err, [&] {
        auto& doc = current(builder_of(b));
        const RelationKind k = enum_arg<RelationKind>(kind, "kind", parse_relation_kind);
        const std::string_view t = text_arg(target, "target");
        doc.relation(k, t, date_or_none(date, "date"), date_or_none(until, "until"));
    });
}

nd_status nd_builder_doc_step(nd_builder* b, const char* step, const char* date, nd_error* err) {
    return guard(err, [&] {
        auto& doc = current(builder_of(b));
        const std::string_view s = text_arg(step, "step");
        const DateArg d = date_required(date, "date");
        if (s == "assessment")
            doc.assessment(d);
        else if (s == "expert-review")
            doc.expert_review(d);
        else if (s == "risk-assessment")
            doc.risk_assessment(d);
        else
            fail(ND_E_INVALID_ARGUMENT, "step: '" + std::string(s) + "' is none of assessment, expert-review, risk-assessment");
    });
}

nd_status nd_builder_doc_consultation(nd_builder* b, const char* from, const char* to, nd_error* err) {
    return guard(err, [&] {
        auto& doc = current(builder_of(b));
        doc.consultation(date_required(from, "from"), date_required(to, "to"));
    });
}

nd_status nd_builder_doc_legality_review(nd_builder* b, const char* date, const char* outcome, const char* by,
                                         nd_error* err) {
    return guard(err, [&] {
        auto& doc = current(builder_of(b));
        const DateArg d = date_required(date, "date");
        const LegalityOutcome o = enum_arg<LegalityOutcome>(outcome, "outcome", parse_legality_outcome);
        doc.legality_review(d, o, optional_text_arg(by, "by").value_or(std::string_view()));
    });
}

nd_status nd_builder_doc_collective_decision(nd_builder* b, const char* date, const char* outcome, const char* body,
                                             nd_error* err) {
    return guard(err, [&] {
        auto& doc = current(builder_of(b));
        const DateArg d = date_required(date, "date");
        const DecisionOutcome o = enum_arg<DecisionOutcome>(outcome, "outcome", parse_decision_outcome);
        doc.collective_decision(d, o, optional_text_arg(body, "body").value_or(std::string_view()));
    });
}

nd_status nd_builder_doc_filing(nd_builder* b, const char* date, const char* with, nd_error* err) {
    return guard(err, [&] {
        auto& doc = current(builder_of(b));
        doc.filing(date_required(date, "date"), optional_text_arg(with, "with").value_or(std::string_view()));
    });
}

nd_status nd_builder_doc_event(nd_builder* b, const char* type, const char* date, const char* source, nd_error* err) {
    return guard(err, [&] {
        auto& doc = current(builder_of(b));
        const EventType t = enum_arg<EventType>(type, "type", parse_event_type);
        doc.event(t, date_required(date, "date"), optional_text_arg(source, "source").value_or(std::string_view()));
    });
}

nd_status nd_builder_build(const nd_builder* b, nd_corpus** corpus, nd_problems** problems, nd_error* err) {
    if (corpus != nullptr) *corpus = nullptr;
    if (problems != nullptr) *problems = nullptr;
    return guard(err, [&] {
        const BuilderImpl* impl = live(b, "builder");
        out_param(corpus, "corpus");
        give_load_result(impl->builder.build(), "builder", corpus, problems);
    });
}

}  // extern "C"
