// The C ABI's queries: status (SPEC §5), clean-up (SPEC §6), impact (SPEC §10), each as rows by
// index, as columns for bulk copies, and as the CLI's CSV (normdoc/csv.hpp, the CLI's own code).
#include "capi/capi.hpp"
#include "capi/results.hpp"

#include "normdoc/cleanup.hpp"
#include "normdoc/csv.hpp"
#include "normdoc/impact.hpp"
#include "normdoc/plan.hpp"
#include "normdoc/status.hpp"

#include <mutex>

namespace normdoc::capi {

namespace {
template <class H, class Impl>
void give_handle(std::unique_ptr<Impl> impl, H** out) {
    *out = make_handle<H>(impl.get());
    impl.release();
}

void fill_columns(const CleanupImpl* c, nd_cleanup_columns& o, bool strings, bool details) {
    o.count = c->status.size();
    o.ids = strings ? c->strings().ids.view() : nd_string_column{nullptr, nullptr, 0, 0};
    o.numbers = strings ? c->strings().numbers.view() : nd_string_column{nullptr, nullptr, 0, 0};
    o.status = c->status.data();
    o.action = c->action.data();
    o.first_finding = c->first_finding.data();
    o.finding_count = c->finding_count.data();
    o.findings = c->finding_code.size();
    o.finding_code = c->finding_code.data();
    o.finding_action = c->finding_action.data();
    o.finding_details = details ? c->details().view() : nd_string_column{nullptr, nullptr, 0, 0};
}

nd_doc_status doc_status(const DocumentStatus& s) noexcept {
    return {static_cast<int32_t>(s.status), day_number(s.last_day), day_number(s.ended), s.amended ? 1 : 0};
}
}  // namespace

}  // namespace normdoc::capi

using namespace normdoc;
using namespace normdoc::capi;

extern "C" {

// ---- status --------------------------------------------------------------------------------------

nd_status nd_corpus_status_of(const nd_corpus* corpus, const char* id, const char* as_of, nd_doc_status* out,
                              nd_error* err) {
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        nd_doc_status& o = out_param(out, "out");
        const DocumentId d = resolve_document(c->corpus, text_arg(id, "id"), "id");
        const Date day = date_arg(as_of, "as_of");
        const DocumentStatus s = status_of(c->corpus, d, day);
        o = doc_status(s);
    });
}

nd_status nd_status_all(const nd_corpus* corpus, const char* as_of, nd_status_list** out, nd_error* err) {
    if (out != nullptr) *out = nullptr;
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        out_param(out, "out");
        const Date day = date_arg(as_of, "as_of");
        auto impl = std::make_unique<StatusListImpl>(c->corpus);
        const Corpus& k = impl->corpus;
        const std::size_t n = k.document_count();
        impl->statuses.reserve(n);
        impl->documents.reserve(n);
        impl->status.reserve(n);
        impl->last_day.reserve(n);
        impl->ended.reserve(n);
        impl->amended.reserve(n);
        for (DocumentId d : k.documents_by_id()) {
            const DocumentStatus s = status_of(k, d, day);
            impl->statuses.push_back(s);
            impl->documents.push_back(d.index());
            impl->status.push_back(static_cast<int32_t>(s.status));
            impl->last_day.push_back(day_number(s.last_day));
            impl->ended.push_back(day_number(s.ended));
            impl->amended.push_back(s.amended ? 1 : 0);
        }
        give_handle(std::move(impl), out);
    });
}

void nd_status_list_free(nd_status_list* list) { free_handle(list); }

nd_status nd_status_list_count(const nd_status_list* list, size_t* count, nd_error* err) {
    return guard(err, [&] { out_param(count, "count") = live(list, "status list")->statuses.size(); });
}

nd_status nd_status_list_get(const nd_status_list* list, size_t index, nd_status_row* out, nd_error* err) {
    return guard(err, [&] {
        const StatusListImpl* l = live(list, "status list");
        nd_status_row& o = out_param(out, "out");
        check_index(index, l->statuses.size(), "status list");
        o.id = l->strings().ids.at(index);
        o.number = l->strings().numbers.at(index);
        o.status = doc_status(l->statuses[index]);
    });
}

nd_status nd_status_list_columns(const nd_status_list* list, nd_status_columns* out, nd_error* err) {
    return guard(err, [&] {
        const StatusListImpl* l = live(list, "status list");
        nd_status_columns& o = out_param(out, "out");
        o.count = l->statuses.size();
        o.ids = l->strings().ids.view();
        o.numbers = l->strings().numbers.view();
        o.status = l->status.data();
        o.last_day = l->last_day.data();
        o.ended = l->ended.data();
        o.amended = l->amended.data();
    });
}

nd_status nd_status_list_numeric_columns(const nd_status_list* list, nd_status_columns* out, nd_error* err) {
    return guard(err, [&] {
        const StatusListImpl* l = live(list, "status list");
        nd_status_columns& o = out_param(out, "out");
        o.count = l->statuses.size();
        o.ids = o.numbers = nd_string_column{nullptr, nullptr, 0, 0};
        o.status = l->status.data();
        o.last_day = l->last_day.data();
        o.ended = l->ended.data();
        o.amended = l->amended.data();
    });
}

nd_status nd_status_list_documents(const nd_status_list* list, const uint32_t** documents, nd_error* err) {
    return guard(err, [&] { out_param(documents, "documents") = live(list, "status list")->documents.data(); });
}

nd_status nd_status_list_csv(const nd_status_list* list, char** out, size_t* size, nd_error* err) {
    return guard(err, [&] {
        const StatusListImpl* l = live(list, "status list");
        out_param(out, "out");
        MallocSink sink;
        write_status_csv(l->corpus, l->statuses, sink);
        sink.give(out, size);
    });
}

// ---- clean-up ------------------------------------------------------------------------------------

nd_status nd_cleanup_run(const nd_corpus* corpus, const char* as_of, const char* scope, nd_cleanup** out,
                         nd_error* err) {
    if (out != nullptr) *out = nullptr;
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        out_param(out, "out");
        const Date day = date_arg(as_of, "as_of");
        CleanupScope s = CleanupScope::all();
        if (const auto id = optional_text_arg(scope, "scope")) {
            const auto found = CleanupScope::of(c->corpus, *id);
            if (!found) fail(ND_E_UNKNOWN_SCOPE, "scope: no authority '" + std::string(*id) + "' in the corpus");
            s = *found;
        }
        auto impl = std::make_unique<CleanupImpl>(cleanup(c->corpus, day, s));
        const CleanupResult& r = impl->result;
        const Corpus& k = r.corpus();
        if (!s.is_all()) impl->scope = std::string(k.authority(s.authority()).id());
        const std::size_t n = r.items().size();
        impl->documents.reserve(n);
        impl->deciders.reserve(n);
        impl->status.reserve(n);
        impl->action.reserve(n);
        impl->first_finding.reserve(n);
        impl->finding_count.reserve(n);
        for (const CleanupItem& item : r.items()) {
            impl->documents.push_back(item.document.index());
            impl->deciders.push_back(item.decided_by);
            impl->status.push_back(static_cast<int32_t>(item.status));
            impl->action.push_back(static_cast<int32_t>(item.action));
            impl->first_finding.push_back(static_cast<uint32_t>(impl->finding_code.size()));
            impl->finding_count.push_back(item.finding_count);
            for (const Finding& f : r.findings(item)) {
                impl->finding_code.push_back(static_cast<int32_t>(f.code));
                impl->finding_action.push_back(static_cast<int32_t>(f.action));
            }
        }
        impl->summary = r.summary_by_issuer();
        for (const ActionCounts& a : impl->summary) {
            impl->summary_ids.add(a.authority.valid() ? k.authority(a.authority).id() : std::string_view());
            impl->summary_names.add(a.authority.valid() ? k.authority(a.authority).name() : std::string_view());
        }
        give_handle(std::move(impl), out);
    });
}

void nd_cleanup_free(nd_cleanup* cleanup) { free_handle(cleanup); }

nd_status nd_cleanup_as_of(const nd_cleanup* cleanup, int32_t* day, nd_error* err) {
    return guard(err, [&] { out_param(day, "day") = day_number(live(cleanup, "cleanup")->result.as_of()); });
}

nd_status nd_cleanup_scope(const nd_cleanup* cleanup, const char** scope, nd_error* err) {
    return guard(err, [&] {
        const char*& o = out_param(scope, "scope");
        o = live(cleanup, "cleanup")->scope.c_str();
    });
}

nd_status nd_cleanup_count(const nd_cleanup* cleanup, size_t* count, nd_error* err) {
    return guard(err, [&] { out_param(count, "count") = live(cleanup, "cleanup")->result.items().size(); });
}

nd_status nd_cleanup_get(const nd_cleanup* cleanup, size_t index, nd_cleanup_item* out, nd_error* err) {
    return guard(err, [&] {
        const CleanupImpl* c = live(cleanup, "cleanup");
        nd_cleanup_item& o = out_param(out, "out");
        check_index(index, c->status.size(), "cleanup");
        const RowStrings& text = c->strings();
        o.id = text.ids.at(index);
        o.number = text.numbers.at(index);
        o.status = c->status[index];
        o.action = c->action[index];
        o.decided_by = text.decided_by.at(index);
        o.first_finding = c->first_finding[index];
        o.finding_count = c->finding_count[index];
    });
}

nd_status nd_cleanup_finding_count(const nd_cleanup* cleanup, size_t* count, nd_error* err) {
    return guard(err, [&] { out_param(count, "count") = live(cleanup, "cleanup")->finding_code.size(); });
}

nd_status nd_cleanup_finding(const nd_cleanup* cleanup, size_t index, nd_finding* out, nd_error* err) {
    return guard(err, [&] {
        const CleanupImpl* c = live(cleanup, "cleanup");
        nd_finding& o = out_param(out, "out");
        check_index(index, c->finding_code.size(), "findings");
        o.code = c->finding_code[index];
        o.action = c->finding_action[index];
        o.detail = c->details().at(index);
    });
}

nd_status nd_cleanup_columns_get(const nd_cleanup* cleanup, nd_cleanup_columns* out, nd_error* err) {
    return guard(err, [&] { fill_columns(live(cleanup, "cleanup"), out_param(out, "out"), true, true); });
}

nd_status nd_cleanup_columns_without_details(const nd_cleanup* cleanup, nd_cleanup_columns* out, nd_error* err) {
    return guard(err, [&] { fill_columns(live(cleanup, "cleanup"), out_param(out, "out"), true, false); });
}

nd_status nd_cleanup_numeric_columns(const nd_cleanup* cleanup, nd_cleanup_columns* out, nd_error* err) {
    return guard(err, [&] { fill_columns(live(cleanup, "cleanup"), out_param(out, "out"), false, false); });
}

nd_status nd_cleanup_documents(const nd_cleanup* cleanup, const uint32_t** documents, nd_error* err) {
    return guard(err, [&] { out_param(documents, "documents") = live(cleanup, "cleanup")->documents.data(); });
}

nd_status nd_cleanup_deciders(const nd_cleanup* cleanup, const uint32_t** authorities, nd_error* err) {
    // AuthorityId is a uint32_t index with k_none = UINT32_MAX = ND_NO_INDEX.
    static_assert(sizeof(AuthorityId) == sizeof(uint32_t) && AuthorityId::k_none == ND_NO_INDEX, "AuthorityId is not a uint32_t index");
    return guard(err, [&] {
        out_param(authorities, "authorities") = reinterpret_cast<const uint32_t*>(live(cleanup, "cleanup")->deciders.data());
    });
}

nd_status nd_cleanup_summary_count(const nd_cleanup* cleanup, size_t* count, nd_error* err) {
    return guard(err, [&] { out_param(count, "count") = live(cleanup, "cleanup")->summary.size(); });
}

nd_status nd_cleanup_summary(const nd_cleanup* cleanup, size_t index, nd_action_counts* out, nd_error* err) {
    return guard(err, [&] {
        const CleanupImpl* c = live(cleanup, "cleanup");
        nd_action_counts& o = out_param(out, "out");
        check_index(index, c->summary.size(), "summary");
        o.authority_id = c->summary_ids.at(index);
        o.authority_name = c->summary_names.at(index);
        for (std::size_t a = 0; a < k_action_count; ++a) o.count[a] = c->summary[index].count[a];
    });
}

nd_status nd_cleanup_csv(const nd_cleanup* cleanup, char** out, size_t* size, nd_error* err) {
    return guard(err, [&] {
        const CleanupImpl* c = live(cleanup, "cleanup");
        out_param(out, "out");
        MallocSink sink;
        write_cleanup_csv(c->result, sink);
        sink.give(out, size);
    });
}

nd_status nd_cleanup_plan_xml(const nd_cleanup* cleanup, char** out, size_t* size, nd_error* err) {
    return guard(err, [&] {
        const CleanupImpl* c = live(cleanup, "cleanup");
        out_param(out, "out");
        give_string(write_plan(c->result), out, size);
    });
}

// ---- impact --------------------------------------------------------------------------------------

nd_status nd_impact_run(const nd_corpus* corpus, const char* doc, const char* as_of, nd_impact** out, nd_error* err) {
    if (out != nullptr) *out = nullptr;
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        out_param(out, "out");
        const DocumentId root = resolve_document(c->corpus, text_arg(doc, "doc"), "doc");
        const Date day = date_arg(as_of, "as_of");
        auto impl = std::make_unique<ImpactImpl>(c->corpus);
        impl->entries = impact(impl->corpus, root, day);
        const std::size_t n = impl->entries.size();
        impl->documents.reserve(n);
        impl->depth.reserve(n);
        impl->status.reserve(n);
        for (const ImpactEntry& e : impl->entries) {
            impl->documents.push_back(e.document.index());
            impl->depth.push_back(e.depth);
            impl->status.push_back(static_cast<int32_t>(e.status));
        }
        give_handle(std::move(impl), out);
    });
}

void nd_impact_free(nd_impact* impact) { free_handle(impact); }

nd_status nd_impact_count(const nd_impact* impact, size_t* count, nd_error* err) {
    return guard(err, [&] { out_param(count, "count") = live(impact, "impact")->entries.size(); });
}

nd_status nd_impact_get(const nd_impact* impact, size_t index, nd_impact_row* out, nd_error* err) {
    return guard(err, [&] {
        const ImpactImpl* i = live(impact, "impact");
        nd_impact_row& o = out_param(out, "out");
        check_index(index, i->entries.size(), "impact");
        o.id = i->strings().ids.at(index);
        o.number = i->strings().numbers.at(index);
        o.depth = i->depth[index];
        o.status = i->status[index];
    });
}

nd_status nd_impact_columns_get(const nd_impact* impact, nd_impact_columns* out, nd_error* err) {
    return guard(err, [&] {
        const ImpactImpl* i = live(impact, "impact");
        nd_impact_columns& o = out_param(out, "out");
        o.count = i->entries.size();
        o.ids = i->strings().ids.view();
        o.numbers = i->strings().numbers.view();
        o.depth = i->depth.data();
        o.status = i->status.data();
    });
}

nd_status nd_impact_numeric_columns(const nd_impact* impact, nd_impact_columns* out, nd_error* err) {
    return guard(err, [&] {
        const ImpactImpl* i = live(impact, "impact");
        nd_impact_columns& o = out_param(out, "out");
        o.count = i->entries.size();
        o.ids = o.numbers = nd_string_column{nullptr, nullptr, 0, 0};
        o.depth = i->depth.data();
        o.status = i->status.data();
    });
}

nd_status nd_impact_documents(const nd_impact* impact, const uint32_t** documents, nd_error* err) {
    return guard(err, [&] { out_param(documents, "documents") = live(impact, "impact")->documents.data(); });
}

nd_status nd_impact_csv(const nd_impact* impact, char** out, size_t* size, nd_error* err) {
    return guard(err, [&] {
        const ImpactImpl* i = live(impact, "impact");
        out_param(out, "out");
        MallocSink sink;
        write_impact_csv(i->corpus, i->entries, sink);
        sink.give(out, size);
    });
}

}  // extern "C"
