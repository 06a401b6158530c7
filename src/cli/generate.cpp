// normdoc generate --documents N [--seed S] [-o OUT]: a synthetic corpus of realistic shape
// (SPEC §10), streamed as it is generated: to OUT through the atomic writer, or to standard
// output. Progress goes to standard error when it is a terminal.
#include "commands.hpp"

#include "normdoc/atomic_file.hpp"
#include "normdoc/generate.hpp"

#include <unistd.h>

#include <iostream>
#include <string>

namespace normdoc::cli {

namespace {

constexpr Option k_documents{"--documents", ValueKind::count, "N", "how many documents (at least 1)", {}, true};
constexpr Option k_seed{"--seed", ValueKind::count, "S", "the seed: the same seed gives the same bytes (default 1)"};

class StdoutSink final : public OutputSink {
public:
    void write(const char* data, std::size_t size) override {
        std::cout.write(data, static_cast<std::streamsize>(size));
        if (!std::cout) throw IoError("standard output", "write failed");
    }
    using OutputSink::write;
};

}  // namespace

const Command k_generate_command{
    "generate",
    "write a synthetic corpus of realistic shape",
    "Writes a corpus of N documents (corpus XML, format 1) that validates without error: an authority\n"
    "tree from the State Council down to townships, with the 2013/2018 reforms; laws, regulations and\n"
    "rules that thousands of documents rest on; amendment and repeal chains; about 3.4 relations per\n"
    "document; 10 % trial documents; procedure records with realistic defects. The same N and seed\n"
    "give the same bytes. The corpus is written as it is generated: memory stays small (about 30\n"
    "bytes per document, for about 840 bytes of XML).",
    {},
    {k_documents, k_seed, opt::output},
    {},
    run_generate,
};

int run_generate(const Args& args) {
    GenerateOptions options;
    options.documents = *args.count(k_documents.name);
    if (options.documents == 0) throw UsageError("generate: --documents must be at least 1");
    if (options.documents > 0xffffffffULL) throw UsageError("generate: --documents must be at most 4294967295");
    if (const auto seed = args.count(k_seed.name)) options.seed = *seed;

    const bool show_progress = isatty(STDERR_FILENO) == 1;
    int shown = -1;
    if (show_progress) {
        options.progress = [&](const GenerateProgress& p) {
            const int percent = static_cast<int>(p.documents_done * 100 / p.documents_total);
            if (percent == shown) return;
            shown = percent;
            std::cerr << "\rgenerate: " << percent << " % (" << p.documents_done << " of " << p.documents_total
                      << " documents)" << std::flush;
            if (p.documents_done == p.documents_total) std::cerr << '\n';
        };
    }

    if (const auto path = args.output()) {
        write_file_atomically(*path, [&](OutputSink& sink) { generate(options, sink); });
    } else {
        StdoutSink sink;
        generate(options, sink);
        std::cout.flush();
        if (!std::cout) throw IoError("standard output", "write failed");
    }
    return k_exit_ok;
}

}  // namespace normdoc::cli
