// The year's figures in words (SPEC §13 annual, text and HTML): the sentences of a 依法行政 report
// ("本年度制定规范性文件 N 件，均经合法性审核和集体讨论决定；…", as the seed words them), the name of
// each figure and the titles of the year's lists.
#pragma once

#include "normdoc/annual.hpp"
#include "normdoc/profile.hpp"

#include "report/messages.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::report {

// The figures whose documents the text and HTML forms list, in the order listed.
inline constexpr AnnualFigure k_annual_listed[] = {AnnualFigure::issued, AnnualFigure::amended, AnnualFigure::repealed,
                                                   AnnualFigure::declared_invalid, AnnualFigure::expired};

// "2018年度规范性文件工作情况（江阴市科学技术局）"; `scope_name` empty for the whole corpus.
std::string annual_title(const AnnualReport& r, std::string_view scope_name, const Messages& m);
// The report's sentences, one string each.
std::vector<std::string> annual_sentences(const AnnualReport& r, const Profile& profile, const Messages& m);
std::string_view annual_figure_words(AnnualFigure f, const Messages& m);
std::string_view annual_list_title(AnnualFigure f, const Messages& m);

}  // namespace normdoc::report
