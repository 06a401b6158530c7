// Stage 1 of the Akoma Ntoso import (SPEC §9): what one file says. A parsed file is walked once,
// iteratively, and each document element (the file's, or a component of a documentCollection)
// gives a Scan: the values the import needs, with their lines. Every oddity is a warning.
#pragma once

#include "xml/akn_problems.hpp"

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace normdoc::detail::akn {

// Hostile files are refused, not fought (SPEC §9, issue: entity expansion, huge attributes, deep
// nesting). Real Akoma Ntoso acts are a few MB and nest a few dozen levels.
inline constexpr std::uintmax_t k_max_file_bytes = std::uintmax_t(256) << 20;
inline constexpr std::size_t k_max_depth = 4096;
inline constexpr std::size_t k_max_value_bytes = 64 << 10;  // an id, a title, a date …

// ---- what one file says -------------------------------------------------------------------------

struct Item {
    std::string value;
    std::size_t line = 0;
};
struct NamedItem {
    std::string value;
    std::string name;
    std::size_t line = 0;
};
struct Org {
    std::string eid;
    std::string href;
    std::string name;
    std::size_t line = 0;
};
struct EventRef {
    std::optional<std::string> date;
    std::optional<std::string> type;
    std::string eid;
    std::string refers_to;
    std::string source;
    std::size_t line = 0;
};
struct Href {
    std::string href;
    std::size_t line = 0;
};
struct TextualMod {
    std::optional<std::string> type;
    std::size_t line = 0;
    bool passive = false;  // under passiveModifications: its source modifies this document
    std::vector<Href> sources;
    std::vector<Href> destinations;
};
// The normdoc record (SPEC §9 "meta/proprietary in the normdoc namespace"): where its <corpus>
// element stands in the file.
struct RecordPlace {
    std::size_t begin = 0;  // byte offset of '<'
    std::size_t end = 0;    // just past its end tag
    std::size_t line = 0;
};

// One document element of a file (the file's, or a component of a documentCollection).
struct Scan {
    std::string type;                    // the document element's local name: act, bill, judgment …
    std::optional<std::uint32_t> parent; // the collection it is a component of
    std::size_t document_line = 0;
    bool meta_seen = false;
    int identification_seen = 0;
    bool has_work = false;
    std::size_t work_line = 0;
    std::optional<Item> frbr_this, frbr_uri, subtype, alias_title;
    std::optional<NamedItem> number;  // value = showAs or value
    std::vector<NamedItem> work_dates;
    std::vector<Item> authors;  // FRBRauthor href
    std::optional<Item> publication_date;
    std::vector<EventRef> events;
    std::vector<TextualMod> mods;
    std::vector<Org> orgs;
    std::vector<Org> tlc_events;                                 // eid, href
    std::unordered_map<std::string, std::string> document_refs;  // eId → href (passiveRef, activeRef, original)
    std::optional<std::string> title, short_title;
    std::size_t title_line = 0, short_title_line = 0;
    std::optional<RecordPlace> record;
    // export-akn's order note: the document's place in the corpus, its authorities' places.
    std::optional<std::uint64_t> position;
    std::vector<std::pair<std::string, std::uint64_t>> authority_positions;
    bool has_components = false;
};

// SPEC §9: what is imported: act and doc, and a bill as a draft. A documentCollection gives its
// components; every other type is left out.
inline bool is_imported_type(std::string_view type) noexcept { return type == "act" || type == "doc" || type == "bill"; }

// Walks a parsed file (`source` its UTF-8 text) into one Scan per document element. False when
// the file cannot be used (the error is reported).
bool scan_file(const pugi::xml_document& doc, std::string_view source, Reporter& report, std::vector<Scan>& scans);

}  // namespace normdoc::detail::akn
