#include "output.hpp"

#include "normdoc/atomic_file.hpp"
#include "normdoc/io.hpp"

#include <exception>
#include <iostream>
#include <streambuf>

namespace normdoc::cli {

namespace {

// An ostream's buffer that passes blocks on to an OutputSink, so a result of millions of lines
// streams into the atomic writer instead of being held whole. A failure of the sink (IoError)
// is kept and rethrown by finish(); the stream just sees a bad buffer.
class SinkStreamBuf final : public std::streambuf {
public:
    explicit SinkStreamBuf(OutputSink& sink) : sink_(sink) { setp(buffer_, buffer_ + sizeof buffer_); }

    // Passes on what is left; throws the sink's failure if there was one.
    void finish() {
        pass_on();
        if (error_) std::rethrow_exception(error_);
    }
    void rethrow_failure() const {
        if (error_) std::rethrow_exception(error_);
    }

protected:
    int_type overflow(int_type c) override {
        if (!pass_on()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return pass_on() ? 0 : -1; }

private:
    bool pass_on() {
        if (error_) return false;
        try {
            sink_.write(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        } catch (...) {
            error_ = std::current_exception();
            return false;
        }
        setp(buffer_, buffer_ + sizeof buffer_);
        return true;
    }

    OutputSink& sink_;
    std::exception_ptr error_;
    char buffer_[1 << 14];
};

}  // namespace

void write_output_to(const std::string& path, const Producer& produce) {
    if (path.empty()) {
        produce(std::cout);
        std::cout.flush();
        if (!std::cout) throw IoError("standard output", "write failed");
        return;
    }
    // SPEC §10: -o FILE is written atomically; an existing target that is not a regular file
    // (/dev/full, a directory) is refused and left alone.
    write_file_atomically(path, [&](OutputSink& sink) {
        SinkStreamBuf buffer(sink);
        std::ostream out(&buffer);
        out.exceptions(std::ios::badbit);  // stop producing at the first failed write
        try {
            produce(out);
            out.flush();
        } catch (const std::ios_base::failure&) {
            buffer.rethrow_failure();  // the sink's IoError, naming the path and the reason
            throw;
        }
        buffer.finish();
    });
}

void write_output(const Args& args, const Producer& produce) { write_output_to(args.output().value_or(""), produce); }

}  // namespace normdoc::cli
