// The C ABI's corpus: open (file or buffer; XML or registry snapshot), problems, ids, writing, DOT.
#include "capi/capi.hpp"

#include "normdoc/dot.hpp"
#include "normdoc/io.hpp"
#include "normdoc/registry.hpp"

#include <sstream>

namespace normdoc::capi {

const CorpusImpl::Strings& CorpusImpl::strings() const {
    std::call_once(strings_once_, [this] {
        Strings s;
        const std::size_t n = corpus.document_count();
        s.ids.reserve(n, n * 16);
        s.numbers.reserve(n, n * 24);
        for (DocumentId d : corpus.documents()) {
            const Document doc = corpus.document(d);
            s.ids.add(doc.id());
            s.numbers.add(doc.number());
        }
        for (AuthorityId a : corpus.authorities()) {
            const Authority authority = corpus.authority(a);
            s.authority_ids.add(authority.id());
            s.authority_names.add(authority.name());
        }
        strings_ = std::move(s);
    });
    return strings_;
}

}  // namespace normdoc::capi

using namespace normdoc;
using namespace normdoc::capi;

extern "C" {

nd_status nd_corpus_open(const char* path, nd_corpus** corpus, nd_problems** problems, nd_error* err) {
    if (corpus != nullptr) *corpus = nullptr;
    if (problems != nullptr) *problems = nullptr;
    return guard(err, [&] {
        const std::string file(text_arg(path, "path"));
        out_param(corpus, "corpus");
        give_load_result(open_corpus(file), file, corpus, problems);  // SPEC §12: XML or a snapshot
    });
}

nd_status nd_corpus_open_buffer(const char* data, size_t size, const char* file_name, nd_corpus** corpus,
                                nd_problems** problems, nd_error* err) {
    if (corpus != nullptr) *corpus = nullptr;
    if (problems != nullptr) *problems = nullptr;
    return guard(err, [&] {
        const std::string_view xml = buffer_arg(data, size, "data");
        const std::string name(optional_text_arg(file_name, "file_name").value_or("<buffer>"));
        out_param(corpus, "corpus");
        give_load_result(read_corpus(xml, name), name, corpus, problems);
    });
}

void nd_corpus_free(nd_corpus* corpus) { free_handle(corpus); }

nd_status nd_corpus_document_count(const nd_corpus* corpus, size_t* count, nd_error* err) {
    return guard(err, [&] { out_param(count, "count") = live(corpus, "corpus")->corpus.document_count(); });
}

nd_status nd_corpus_authority_count(const nd_corpus* corpus, size_t* count, nd_error* err) {
    return guard(err, [&] { out_param(count, "count") = live(corpus, "corpus")->corpus.authority_count(); });
}

nd_status nd_corpus_resolve(const nd_corpus* corpus, const char* id_or_number, const char** id, nd_error* err) {
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        const char*& out = out_param(id, "id");
        const DocumentId d = resolve_document(c->corpus, text_arg(id_or_number, "id"), "id");
        out = c->ids().at(d.index());
    });
}

nd_status nd_corpus_document_ids(const nd_corpus* corpus, nd_string_column* ids, nd_string_column* numbers,
                                 nd_error* err) {
    return guard(err, [&] {
        const CorpusImpl::Strings& s = live(corpus, "corpus")->strings();
        if (ids != nullptr) *ids = s.ids.view();
        if (numbers != nullptr) *numbers = s.numbers.view();
    });
}

nd_status nd_corpus_authority_ids(const nd_corpus* corpus, nd_string_column* ids, nd_string_column* names,
                                  nd_error* err) {
    return guard(err, [&] {
        const CorpusImpl::Strings& s = live(corpus, "corpus")->strings();
        if (ids != nullptr) *ids = s.authority_ids.view();
        if (names != nullptr) *names = s.authority_names.view();
    });
}

nd_status nd_corpus_write(const nd_corpus* corpus, char** out, size_t* size, nd_error* err) {
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        out_param(out, "out");
        MallocSink sink;
        write_corpus(c->corpus, sink);
        sink.give(out, size);
    });
}

nd_status nd_corpus_save(const nd_corpus* corpus, const char* path, nd_error* err) {
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        save_corpus(c->corpus, std::string(text_arg(path, "path")));
    });
}

nd_status nd_corpus_dot(const nd_corpus* corpus, const char* as_of, const char* root, uint32_t depth, char** out,
                        size_t* size, nd_error* err) {
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        DotOptions options;
        options.as_of = date_arg(as_of, "as_of");
        if (const auto r = optional_text_arg(root, "root")) options.root = resolve_document(c->corpus, *r, "root");
        if (depth != 0) options.depth = depth;
        out_param(out, "out");
        give_string(write_dot(c->corpus, options), out, size);
    });
}

// ---- problems ------------------------------------------------------------------------------------

void nd_problems_free(nd_problems* problems) { free_handle(problems); }

nd_status nd_problems_count(const nd_problems* problems, size_t* count, nd_error* err) {
    return guard(err, [&] { out_param(count, "count") = live(problems, "problems")->problems.size(); });
}

nd_status nd_problems_error_count(const nd_problems* problems, size_t* count, nd_error* err) {
    return guard(err, [&] {
        const ProblemsImpl* p = live(problems, "problems");
        std::size_t n = 0;
        for (const Problem& q : p->problems) n += q.is_error() ? 1 : 0;
        out_param(count, "count") = n;
    });
}

nd_status nd_problems_get(const nd_problems* problems, size_t index, nd_problem* out, nd_error* err) {
    return guard(err, [&] {
        const ProblemsImpl* p = live(problems, "problems");
        nd_problem& o = out_param(out, "out");
        check_index(index, p->problems.size(), "problems");
        const Problem& q = p->problems[index];
        o.file = q.file.c_str();
        o.line = q.line;
        o.severity = static_cast<int32_t>(q.severity);
        o.code = static_cast<int32_t>(q.code);
        o.code_name = to_string(q.code).data();
        o.message = q.message.c_str();
        o.subject_id = q.subject.id.c_str();
    });
}

nd_status nd_problems_text(const nd_problems* problems, char** out, size_t* size, nd_error* err) {
    return guard(err, [&] {
        const ProblemsImpl* p = live(problems, "problems");
        out_param(out, "out");
        MallocSink sink;
        for (const Problem& q : p->problems) {
            sink.write(to_string(q));
            sink.write("\n", 1);
        }
        sink.give(out, size);
    });
}

}  // extern "C"
