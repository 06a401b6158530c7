// normdoc generate --documents N [--seed S] [-o OUT]: a synthetic corpus of realistic shape
// (SPEC §10), streamed as it is generated: to OUT through the atomic writer, or to standard
// output. Progress and, at the end, a summary go to standard error when it is a terminal.
#include "commands.hpp"

#include "normdoc/atomic_file.hpp"
#include "normdoc/generate.hpp"

#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <sstream>
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

// generate: 1000 documents (98 trial), 62 authorities, 3412 relations (241 modifying, 1 of them
// incompetent on purpose: 0.41 %), 842113 bytes
std::string summary_line(const GenerateSummary& s) {
    std::ostringstream out;
    out << "generate: " << s.documents << " documents (" << s.trial_documents << " trial), " << s.authorities
        << " authorities, " << s.relations << " relations (" << s.modifying_relations << " modifying, "
        << s.incompetent_relations << " of them incompetent on purpose";
    if (s.modifying_relations != 0) {
        out << ": " << std::fixed << std::setprecision(2)
            << 100.0 * static_cast<double>(s.incompetent_relations) / static_cast<double>(s.modifying_relations)
            << " %";
    }
    out << "), " << s.bytes << " bytes";
    return out.str();
}

}  // namespace

const Command k_generate_command{
    "generate",
    "write a synthetic corpus of realistic shape",
    "Writes a corpus of N documents (corpus XML, format 1) that validates without error: an authority\n"
    "tree from the State Council down to townships, with the 2013/2018 reforms; laws, regulations and\n"
    "rules that thousands of documents rest on; amendment and repeal chains; about 3.4 relations per\n"
    "document; 10 % trial documents; procedure records with realistic defects. The same N and seed\n"
    "give the same bytes. Every modifying relation is competent (SPEC §2) except about 0.5 % made\n"
    "incompetent on purpose (validate warns NOT_COMPETENT for those). The corpus is written as it is\n"
    "generated: memory stays small (about 30 bytes per document, for about 840 bytes of XML). On a\n"
    "terminal, progress and a summary go to standard error.",
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

    GenerateSummary summary;
    if (const auto path = args.output()) {
        write_file_atomically(*path, [&](OutputSink& sink) { summary = generate(options, sink); });
    } else {
        StdoutSink sink;
        summary = generate(options, sink);
        std::cout.flush();
        if (!std::cout) throw IoError("standard output", "write failed");
    }
    if (show_progress) std::cerr << summary_line(summary) << '\n';
    return k_exit_ok;
}

}  // namespace normdoc::cli
