// CSV as SPEC §10 wants it, for the CLI's commands: the library's one renderer (normdoc/csv.hpp)
// on a std::ostream.
#pragma once

#include "normdoc/csv.hpp"
#include "normdoc/io.hpp"

#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>

namespace normdoc::cli {

// An OutputSink onto a stream (what write_output gives a command).
class StreamSink final : public OutputSink {
public:
    explicit StreamSink(std::ostream& out) noexcept : out_(out) {}
    void write(const char* data, std::size_t size) override { out_.write(data, static_cast<std::streamsize>(size)); }
    using OutputSink::write;

private:
    std::ostream& out_;
};

// The field as it appears in a CSV line.
std::string csv_field(std::string_view field);

using normdoc::join_sorted;

// normdoc::CsvWriter on a stream: `csv.field(a).field(b).end_row();` or `csv.row({a, b});`.
class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out) : sink_(out), csv_(sink_) {}
    CsvWriter& field(std::string_view value) {
        csv_.field(value);
        return *this;
    }
    void end_row() { csv_.end_row(); }
    void row(std::initializer_list<std::string_view> fields) { csv_.row(fields); }

private:
    StreamSink sink_;
    normdoc::CsvWriter csv_;
};

}  // namespace normdoc::cli
