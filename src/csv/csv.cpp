// SPEC §10's CSV (normdoc/csv.hpp): the one renderer the CLI and the C ABI share.
#include "normdoc/csv.hpp"

#include "normdoc/status.hpp"

#include <algorithm>

namespace normdoc {

void append_csv_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

CsvWriter& CsvWriter::field(std::string_view value) {
    if (!first_) row_ += ',';
    first_ = false;
    append_csv_field(row_, value);
    return *this;
}

// A row goes out in one write: a million rows of three fields each through the stream's
// formatted output cost a tenth of a second more.
void CsvWriter::end_row() {
    row_ += '\n';
    out_.write(row_.data(), row_.size());
    row_.clear();
    first_ = true;
}

void CsvWriter::row(std::initializer_list<std::string_view> fields) {
    for (std::string_view f : fields) field(f);
    end_row();
}

std::string join_sorted(std::vector<std::string> items, std::string_view separator) {
    std::sort(items.begin(), items.end());
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i != 0) out += separator;
        out += items[i];
    }
    return out;
}

namespace {
std::string_view yes_no(bool b) { return b ? "yes" : "no"; }

// Writes are gathered into blocks of about this size before they reach the sink.
constexpr std::size_t k_block = 1 << 16;

// A sink that gathers small writes into large blocks for another sink.
class BlockSink final : public OutputSink {
public:
    explicit BlockSink(OutputSink& out) : out_(out) { buffer_.reserve(k_block + 256); }
    ~BlockSink() override = default;
    void write(const char* data, std::size_t size) override {
        buffer_.append(data, size);
        if (buffer_.size() >= k_block) flush();
    }
    using OutputSink::write;
    void flush() {
        if (!buffer_.empty()) out_.write(buffer_.data(), buffer_.size());
        buffer_.clear();
    }

private:
    OutputSink& out_;
    std::string buffer_;
};
}  // namespace

// SPEC §10 status: every document, last_day whatever its status, empty when it has none.
void write_status_csv(const Corpus& corpus, const std::vector<DocumentStatus>& by_id, OutputSink& out) {
    BlockSink block(out);
    CsvWriter csv(block);
    csv.row({"id", "status", "last_day", "amended"});
    const auto& order = corpus.documents_by_id();
    for (std::size_t i = 0; i < order.size() && i < by_id.size(); ++i) {
        const DocumentStatus& s = by_id[i];
        csv.field(corpus.document(order[i]).id())
            .field(to_string(s.status))
            .field(s.last_day ? format_date(*s.last_day) : std::string())
            .field(yes_no(s.amended))
            .end_row();
    }
    block.flush();
}

void write_status_csv(const Corpus& corpus, Date as_of, OutputSink& out) {
    std::vector<DocumentStatus> statuses;
    statuses.reserve(corpus.document_count());
    for (DocumentId id : corpus.documents_by_id()) statuses.push_back(status_of(corpus, id, as_of));
    write_status_csv(corpus, statuses, out);
}

// SPEC §10 cleanup: every document looked at; findings are codes, each at most once.
void write_cleanup_csv(const CleanupResult& r, OutputSink& out) {
    const Corpus& corpus = r.corpus();
    BlockSink block(out);
    CsvWriter csv(block);
    csv.row({"id", "number", "status", "action", "findings"});
    std::vector<std::string> codes;
    for (const CleanupItem& item : r.items()) {
        const Document doc = corpus.document(item.document);
        codes.clear();
        for (const Finding& f : r.findings(item)) codes.emplace_back(to_string(f.code));
        csv.field(doc.id())
            .field(doc.number())
            .field(to_string(item.status))
            .field(to_string(item.action))
            .field(join_sorted(codes))
            .end_row();
    }
    block.flush();
}

// SPEC §10 impact: by depth, then id, as impact() sorts them.
void write_impact_csv(const Corpus& corpus, const std::vector<ImpactEntry>& entries, OutputSink& out) {
    BlockSink block(out);
    CsvWriter csv(block);
    csv.row({"id", "depth", "status"});
    for (const ImpactEntry& e : entries)
        csv.field(corpus.document(e.document).id()).field(std::to_string(e.depth)).field(to_string(e.status)).end_row();
    block.flush();
}

}  // namespace normdoc
