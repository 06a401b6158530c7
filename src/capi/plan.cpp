// The C ABI's plans (SPEC §8) and applying them (SPEC §6).
#include "capi/capi.hpp"
#include "capi/results.hpp"

#include "normdoc/plan.hpp"

namespace normdoc::capi {

struct PlanImpl {
    Plan plan;
};

namespace {

void give_plan(Plan plan, nd_plan** out) {
    // What the library gives out is UTF-8 (the plan reader passes its attributes' bytes on).
    make_valid_utf8(plan.scope);
    for (PlanItem& item : plan.items) {
        make_valid_utf8(item.ref);
        for (PlanFinding& f : item.findings) make_valid_utf8(f.detail);
    }
    auto* impl = new PlanImpl{std::move(plan)};
    try {
        *out = make_handle<nd_plan>(impl);
    } catch (...) {
        delete impl;
        throw;
    }
}

void give_plan_result(PlanLoadResult r, const std::string& name, nd_plan** out, nd_problems** problems) {
    std::size_t errors = 0;
    const Problem* first = nullptr;
    for (const Problem& p : r.problems)
        if (p.is_error() && errors++ == 0) first = &p;
    std::string message;
    if (!r.plan) {
        message = name + ": " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
        if (first != nullptr) message += ", the first: " + to_string(*first);
    }
    std::optional<Plan> plan = std::move(r.plan);
    give_problems(std::move(r.problems), problems);
    if (!plan) fail(ND_E_INVALID_PLAN, message);
    give_plan(std::move(*plan), out);
}

Decision decision_arg(const nd_decision* d) {
    if (d == nullptr) fail(ND_E_INVALID_ARGUMENT, "decision is NULL");
    Decision out;
    out.id = std::string(text_arg(d->id, "decision.id"));
    out.number = std::string(text_arg(d->number, "decision.number"));
    out.title = std::string(text_arg(d->title, "decision.title"));
    if (d->issuer_count == 0) fail(ND_E_INVALID_ARGUMENT, "decision: no issuer");
    if (d->issuers == nullptr) fail(ND_E_INVALID_ARGUMENT, "decision.issuers is NULL");
    for (std::size_t i = 0; i < d->issuer_count; ++i) out.issuers.emplace_back(text_arg(d->issuers[i], "decision.issuers[i]"));
    out.date = date_arg(d->date, "decision.date");
    if (const auto kind = optional_text_arg(d->kind, "decision.kind")) {
        const auto k = parse_document_kind(*kind);
        if (!k) fail(ND_E_INVALID_ARGUMENT, "decision.kind: '" + std::string(*kind) + "' is not a document kind");
        out.kind = *k;
    }
    return out;
}

void apply(const Corpus& corpus, const Plan& plan, const nd_decision* decision, uint32_t flags, nd_corpus** out,
           nd_problems** problems) {
    out_param(out, "out");
    const Decision d = decision_arg(decision);
    ApplyOptions options;
    options.only_competent = (flags & ND_APPLY_ONLY_COMPETENT) != 0;
    ApplyResult r = apply_plan(corpus, plan, d, options);
    std::size_t errors = 0;
    const Problem* first = nullptr;
    for (const Problem& p : r.problems)
        if (p.is_error() && errors++ == 0) first = &p;
    std::string message;
    if (!r.corpus) {
        message = "the plan cannot be applied: " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
        if (first != nullptr) message += ", the first: " + to_string(*first);
    }
    std::optional<Corpus> result = std::move(r.corpus);
    give_problems(std::move(r.problems), problems);
    if (!result) fail(ND_E_INVALID_PLAN, message);
    auto* impl = new CorpusImpl(std::move(*result));
    try {
        *out = make_handle<nd_corpus>(impl);
    } catch (...) {
        delete impl;
        throw;
    }
}

}  // namespace
}  // namespace normdoc::capi

using namespace normdoc;
using namespace normdoc::capi;

extern "C" {

nd_status nd_plan_from_cleanup(const nd_cleanup* cleanup, nd_plan** out, nd_error* err) {
    if (out != nullptr) *out = nullptr;
    return guard(err, [&] {
        const CleanupImpl* c = live(cleanup, "cleanup");
        out_param(out, "out");
        give_plan(make_plan(c->result), out);
    });
}

nd_status nd_plan_read(const char* path, nd_plan** out, nd_problems** problems, nd_error* err) {
    if (out != nullptr) *out = nullptr;
    if (problems != nullptr) *problems = nullptr;
    return guard(err, [&] {
        const std::string file(text_arg(path, "path"));
        out_param(out, "out");
        give_plan_result(read_plan_file(file), file, out, problems);
    });
}

nd_status nd_plan_read_buffer(const char* data, size_t size, const char* file_name, nd_plan** out,
                              nd_problems** problems, nd_error* err) {
    if (out != nullptr) *out = nullptr;
    if (problems != nullptr) *problems = nullptr;
    return guard(err, [&] {
        const std::string_view xml = buffer_arg(data, size, "data");
        const std::string name(optional_text_arg(file_name, "file_name").value_or("<buffer>"));
        out_param(out, "out");
        give_plan_result(read_plan(xml, name), name, out, problems);
    });
}

void nd_plan_free(nd_plan* plan) { free_handle(plan); }

nd_status nd_plan_write(const nd_plan* plan, char** out, size_t* size, nd_error* err) {
    return guard(err, [&] {
        const PlanImpl* p = live(plan, "plan");
        out_param(out, "out");
        give_string(write_plan(p->plan), out, size);
    });
}

nd_status nd_plan_as_of(const nd_plan* plan, int32_t* day, nd_error* err) {
    return guard(err, [&] { out_param(day, "day") = day_number(live(plan, "plan")->plan.as_of); });
}

nd_status nd_plan_scope(const nd_plan* plan, const char** scope, nd_error* err) {
    return guard(err, [&] { out_param(scope, "scope") = live(plan, "plan")->plan.scope.c_str(); });
}

nd_status nd_plan_item_count(const nd_plan* plan, size_t* count, nd_error* err) {
    return guard(err, [&] { out_param(count, "count") = live(plan, "plan")->plan.items.size(); });
}

nd_status nd_plan_item_get(const nd_plan* plan, size_t index, nd_plan_item* out, nd_error* err) {
    return guard(err, [&] {
        const PlanImpl* p = live(plan, "plan");
        nd_plan_item& o = out_param(out, "out");
        check_index(index, p->plan.items.size(), "plan items");
        const PlanItem& item = p->plan.items[index];
        o.ref = item.ref.c_str();
        o.action = static_cast<int32_t>(item.action);
        o.finding_count = static_cast<uint32_t>(item.findings.size());
        o.line = item.line;
    });
}

nd_status nd_plan_finding_get(const nd_plan* plan, size_t item, size_t index, nd_plan_finding* out, nd_error* err) {
    return guard(err, [&] {
        const PlanImpl* p = live(plan, "plan");
        nd_plan_finding& o = out_param(out, "out");
        check_index(item, p->plan.items.size(), "plan items");
        const PlanItem& i = p->plan.items[item];
        check_index(index, i.findings.size(), "plan item findings");
        o.code = static_cast<int32_t>(i.findings[index].code);
        o.detail = i.findings[index].detail.c_str();
    });
}

nd_status nd_plan_apply(const nd_corpus* corpus, const nd_plan* plan, const nd_decision* decision, uint32_t flags,
                        nd_corpus** out, nd_problems** problems, nd_error* err) {
    if (out != nullptr) *out = nullptr;
    if (problems != nullptr) *problems = nullptr;
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        const PlanImpl* p = live(plan, "plan");
        apply(c->corpus, p->plan, decision, flags, out, problems);
    });
}

nd_status nd_cleanup_apply(const nd_corpus* corpus, const nd_cleanup* cleanup, const nd_decision* decision,
                           uint32_t flags, nd_corpus** out, nd_problems** problems, nd_error* err) {
    if (out != nullptr) *out = nullptr;
    if (problems != nullptr) *problems = nullptr;
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        const CleanupImpl* r = live(cleanup, "cleanup");
        if (&detail::data_of(c->corpus) != &detail::data_of(r->result.corpus()))
            fail(ND_E_WRONG_CORPUS, "cleanup: made from another corpus than the one given");
        apply(c->corpus, make_plan(r->result), decision, flags, out, problems);
    });
}

}  // extern "C"
