// --lang for the reports for people (SPEC §13): Chinese unless told otherwise.
#pragma once

#include "options.hpp"

#include "report/messages.hpp"

namespace normdoc::cli {

// The report's language; throws UsageError for anything but zh or en (checked before the corpus
// is read, as every usage error).
inline report::Lang lang_of(const Args& args) {
    const auto value = args.value(opt::lang.name);
    if (!value) return report::Lang::zh;
    if (const auto lang = report::parse_lang(*value)) return *lang;
    throw UsageError("--lang: '" + *value + "' is not a language of the reports (accepted: zh, en)");
}

}  // namespace normdoc::cli
