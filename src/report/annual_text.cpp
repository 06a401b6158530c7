#include "report/annual_text.hpp"

namespace normdoc::report {

std::string annual_title(const AnnualReport& r, std::string_view scope_name, const Messages& m) {
    std::string scope;
    if (!scope_name.empty()) scope = m.fill(Msg::annual_scope, {scope_name});
    return m.fill(Msg::annual_title, {std::to_string(r.year()), scope});
}

std::vector<std::string> annual_sentences(const AnnualReport& r, const Profile&, const Messages& m) {
    using F = AnnualFigure;
    auto n = [&](F f) { return std::to_string(r[f]); };
    std::vector<std::string> out;
    out.push_back(m.fill(Msg::annual_issued_all, {n(F::issued)}));
    if (r[F::issued_normative] == 0) {
        out.emplace_back(m.text(Msg::annual_none_normative));
    } else {
        // The seed: 本年度制定规范性文件 N 件，均经合法性审核 … when every one was; else the counts.
        std::string s = m.fill(Msg::annual_issued_normative, {n(F::issued_normative)});
        const bool all = r[F::legality_reviewed] == r[F::issued_normative] && r[F::collectively_decided] == r[F::issued_normative];
        s += all ? std::string(m.text(Msg::annual_all_reviewed))
                 : m.fill(Msg::annual_some_reviewed, {n(F::legality_reviewed), n(F::collectively_decided)});
        s += m.fill(Msg::annual_consulted_filed, {n(F::consulted), n(F::filed_on_time)});
        out.push_back(std::move(s));
    }
    out.push_back(m.fill(Msg::annual_ended, {n(F::repealed), n(F::declared_invalid), n(F::expired), n(F::amended)}));
    out.push_back(m.fill(Msg::annual_standing, {std::to_string(r.year()), n(F::in_force), n(F::pending)}));
    return out;
}

std::string_view annual_figure_words(AnnualFigure f, const Messages& m) {
    static constexpr Msg k_words[] = {
        Msg::annual_figure_issued,     Msg::annual_figure_issued_normative, Msg::annual_figure_legality_reviewed,
        Msg::annual_figure_collectively_decided, Msg::annual_figure_consulted, Msg::annual_figure_filed_on_time,
        Msg::annual_figure_repealed,   Msg::annual_figure_declared_invalid, Msg::annual_figure_expired,
        Msg::annual_figure_amended,    Msg::annual_figure_in_force,         Msg::annual_figure_pending};
    static_assert(std::size(k_words) == k_annual_figure_count);
    return m.text(k_words[static_cast<std::size_t>(f)]);
}

std::string_view annual_list_title(AnnualFigure f, const Messages& m) {
    switch (f) {
        case AnnualFigure::issued: return m.text(Msg::annual_list_issued);
        case AnnualFigure::amended: return m.text(Msg::annual_list_amended);
        case AnnualFigure::repealed: return m.text(Msg::annual_list_repealed);
        case AnnualFigure::declared_invalid: return m.text(Msg::annual_list_declared_invalid);
        case AnnualFigure::expired: return m.text(Msg::annual_list_expired);
        default: return annual_figure_words(f, m);
    }
}

}  // namespace normdoc::report
