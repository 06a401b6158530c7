// Stages 1 and 2 of the Akoma Ntoso import (SPEC §9) for one file: decoded to UTF-8 (GBK / GB18030
// through iconv), parsed, scanned, and each document element that is imported made a work.
#include "xml/akn_importer.hpp"

#include "encoding.hpp"
#include "xml/akn_scan.hpp"
#include "xml/xml_support.hpp"

#include <algorithm>

namespace normdoc::detail::akn {

using namespace normdoc::detail::xml;

void Importer::add(const std::string& name, std::string_view content) {
    const std::size_t file = files_.size();
    files_.push_back(name);
    problems_.emplace_back();
    Reporter report(name, problems_.back());
    if (!read_file(file, content, report)) ++failed_;
}

void Importer::refuse_large(const std::string& name, std::uintmax_t size) {
    files_.push_back(name);
    problems_.emplace_back();
    Reporter(name, problems_.back())
        .error(0, ProblemCode::xml_syntax, "the file has " + std::to_string(size) + " bytes, more than the " +
                                               std::to_string(k_max_file_bytes >> 20) + " MiB an Akoma Ntoso file is allowed");
    ++failed_;
}

bool Importer::read_file(std::size_t file, std::string_view content, Reporter& report) {
    if (content.size() > k_max_file_bytes) {
        report.error(0, ProblemCode::xml_syntax, "the file is larger than " + std::to_string(k_max_file_bytes >> 20) + " MiB");
        return false;
    }
    // Decode to UTF-8 first: pugixml reads UTF-8 here, and line numbers survive conversion.
    std::string converted;
    const std::string declared = detail::declared_encoding(content);
    auto line_at = [&](std::size_t offset) {
        return static_cast<std::size_t>(std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(std::min(offset, content.size())), '\n')) + 1;
    };
    if (!detail::is_utf8_name(declared) || (declared == "UTF-8" && content.substr(0, 3) == "\xEF\xBB\xBF")) {
        const detail::Conversion c = detail::convert_to_utf8(content, detail::iconv_name(declared));
        if (!c.ok) {
            report.error(line_at(c.error_offset), ProblemCode::xml_syntax, c.error);
            return false;
        }
        converted = std::move(c.text);
        content = converted;
    } else if (const std::size_t bad = detail::find_invalid_utf8(content); bad != std::string_view::npos) {
        // Chinese registries publish GBK files that declare no encoding, or UTF-8 wrongly.
        detail::Conversion c = detail::convert_to_utf8(content, "GB18030");
        if (!c.ok) {
            report.error(line_at(bad), ProblemCode::xml_syntax, "a byte sequence that is not valid UTF-8");
            return false;
        }
        report.warning(line_at(bad), ProblemCode::bad_value,
                       "the file is not UTF-8 as " + std::string(declared.empty() ? "XML assumes without a declaration" : "declared") +
                           "; it is read as GB18030 (GBK)");
        converted = std::move(c.text);
        content = converted;
    }

    // White space between inline elements is kept (SPEC §9 titles: "Proposal for a
    // <docType>REGULATION</docType>").
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_buffer(content.data(), content.size(),
                                                     k_parse_options | pugi::parse_doctype | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!r) {
        LineCounter lines(content);
        report.error(lines.line_at(r.offset < 0 ? 0 : static_cast<std::size_t>(r.offset)), ProblemCode::xml_syntax,
                     "not well-formed XML: " + describe(r.status));
        return false;
    }
    std::vector<Scan> scans;
    if (!scan_file(doc, content, report, scans)) return false;
    // SPEC §9: what is imported, one work per document element.
    std::size_t imported = 0;
    std::string left_out_type;
    for (std::uint32_t i = 0; i < scans.size(); ++i) {
        const Scan& scan = scans[i];
        if (scan.type == "documentCollection") {
            if (!scan.has_components) {
                report.warning(scan.document_line, ProblemCode::bad_value,
                               "the <documentCollection> embeds no document (components by reference are not read); it is left out");
                if (left_out_type.empty()) left_out_type = scan.type;
            }
            continue;
        }
        if (!is_imported_type(scan.type)) {
            report.warning(scan.document_line, ProblemCode::bad_value,
                           "<" + scan.type + "> is not a normative document (only act, doc and bill are imported); it is left out");
            if (left_out_type.empty()) left_out_type = scan.type;
            continue;
        }
        Work work;
        work.file = file;
        if (!read_record(content, scan, report, work) && !make_work(scans, i, options_, report, work)) return false;
        works_.push_back(std::move(work));
        ++imported;
    }
    if (imported == 0) ++files_left_out_[left_out_type.empty() ? std::string("nothing") : left_out_type];
    return true;
}

}  // namespace normdoc::detail::akn
