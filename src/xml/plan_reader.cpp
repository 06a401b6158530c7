// Reading plan XML (SPEC §8). A plan is edited by people before it is applied, so every problem
// is reported, with file and line, as the corpus reader does: XML_SYNTAX, UNKNOWN_ELEMENT,
// MISSING, BAD_VALUE (an action or finding code that does not exist), BAD_DATE, DUPLICATE_ID
// (an item listed twice). Plans are small next to corpora (one short item per document), so the
// reader takes one DOM of the whole file.
#include "normdoc/io.hpp"
#include "normdoc/plan.hpp"

#include "xml/xml_support.hpp"

#include <array>
#include <unordered_map>

namespace normdoc {
namespace {

using namespace detail::xml;

class PlanReader {
public:
    PlanReader(std::string_view source, std::string file) : source_(source), lines_(source) {
        plan_.file = std::move(file);
    }

    PlanLoadResult run() {
        pugi::xml_document doc;
        const pugi::xml_parse_result parsed =
            doc.load_buffer(source_.data(), source_.size(), k_parse_options, pugi::encoding_utf8);
        if (!parsed) {
            report(lines_.line_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0))),
                   ProblemCode::xml_syntax, "not well-formed XML: " + describe(parsed.status));
            return {std::nullopt, std::move(problems_)};
        }
        const pugi::xml_node root = doc.document_element();
        const std::size_t declared = scope_.enter(root);
        const ElementName name = classify(root, scope_, k_plan_namespace);
        const std::size_t line = line_of(root);
        if (name.kind != ElementName::Kind::ours || name.local != "cleanup-plan") {
            report(line, ProblemCode::unknown_element,
                   "not a normdoc clean-up plan: <" + std::string(name_of(root)) + ">, not <cleanup-plan> in namespace \"" +
                       std::string(k_plan_namespace) + "\"");
            return {std::nullopt, std::move(problems_)};
        }
        read_root(root, line);
        scope_.leave(declared);
        sort_by_line(problems_);
        if (has_errors(problems_)) return {std::nullopt, std::move(problems_)};
        return {std::move(plan_), std::move(problems_)};
    }

private:
    template <std::size_t N>
    struct Attributes {
        std::array<std::string_view, N> names;
        std::array<const char*, N> values{};
        bool has(std::size_t i) const noexcept { return values[i] != nullptr; }
        std::string_view operator[](std::size_t i) const noexcept { return view(values[i]); }
    };

    void report(std::size_t line, ProblemCode code, std::string message) {
        problems_.push_back({plan_.file, line, Severity::error, code, std::move(message), {}});
    }

    std::size_t line_of(pugi::xml_node n) {
        const std::ptrdiff_t offset = n.offset_debug();
        if (offset < 0) return last_line_;
        last_line_ = lines_.line_at(static_cast<std::size_t>(offset));
        return last_line_;
    }

    // Reads the known attributes; reports unknown ones (no prefix, or our namespace) and repeated
    // ones; ignores namespace declarations and attributes of other namespaces.
    template <std::size_t N>
    void read_attributes(pugi::xml_node e, std::string_view local, std::size_t line, Attributes<N>& out) {
        for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
            const std::string_view attr = name_of(a);
            if (is_namespace_declaration(attr)) continue;
            const QName q = split_name(attr);
            if (!q.prefix.empty()) {
                const std::string* ns = scope_.resolve(q.prefix);
                if (ns == nullptr)
                    report(line, ProblemCode::xml_syntax,
                           "<" + std::string(local) + "> attribute \"" + std::string(attr) + "\" has an undeclared namespace prefix");
                else if (*ns == k_plan_namespace)
                    report(line, ProblemCode::unknown_element,
                           "<" + std::string(local) + "> has no attribute \"" + std::string(attr) + "\"");
                continue;
            }
            std::size_t i = 0;
            while (i < N && out.names[i] != attr) ++i;
            if (i == N)
                report(line, ProblemCode::unknown_element, "<" + std::string(local) + "> has no attribute \"" + std::string(attr) + "\"");
            else if (out.has(i))
                report(line, ProblemCode::xml_syntax, "<" + std::string(local) + "> has the attribute \"" + std::string(attr) + "\" twice");
            else
                out.values[i] = a.value();
        }
    }

    // fn(child, local name, line) for each child element in the plan namespace; other namespaces
    // are skipped, undeclared prefixes reported.
    template <class Fn>
    void for_each_child(pugi::xml_node e, Fn&& fn) {
        for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const std::size_t declared = scope_.enter(c);
            const ElementName n = classify(c, scope_, k_plan_namespace);
            if (n.kind == ElementName::Kind::ours)
                fn(c, n.local, line_of(c));
            else if (n.kind == ElementName::Kind::unbound_prefix)
                report(line_of(c), ProblemCode::xml_syntax,
                       "<" + std::string(name_of(c)) + "> has an undeclared namespace prefix \"" + std::string(n.prefix) + "\"");
            scope_.leave(declared);
        }
    }

    std::optional<Date> date(std::string_view text, std::size_t line, std::string_view what) {
        const DateParse parsed = parse_date(text);
        if (!parsed) report(line, ProblemCode::bad_date, std::string(what) + " \"" + std::string(text) + "\": " + parsed.error);
        return parsed.date;
    }

    void read_root(pugi::xml_node root, std::size_t line) {
        Attributes<2> attrs{{"as-of", "scope"}};
        read_attributes(root, "cleanup-plan", line, attrs);
        if (!attrs.has(0))
            report(line, ProblemCode::missing, "<cleanup-plan> has no as-of date");
        else if (auto d = date(attrs[0], line, "<cleanup-plan> as-of"))
            plan_.as_of = *d;
        if (attrs.has(1)) {
            plan_.scope = std::string(attrs[1]);
            if (plan_.scope.empty()) report(line, ProblemCode::bad_value, "<cleanup-plan> has an empty scope");
        }
        for_each_child(root, [&](pugi::xml_node c, std::string_view local, std::size_t l) {
            if (local == "item")
                read_item(c, l);
            else
                report(l, ProblemCode::unknown_element, "unknown element <" + std::string(local) + "> in <cleanup-plan>");
        });
    }

    void read_item(pugi::xml_node e, std::size_t line) {
        Attributes<2> attrs{{"ref", "action"}};
        read_attributes(e, "item", line, attrs);
        PlanItem item;
        item.line = line;
        bool ok = true;
        if (!attrs.has(0) || attrs[0].empty()) {
            report(line, ProblemCode::missing, "<item> has no ref");
            ok = false;
        } else {
            item.ref = std::string(attrs[0]);
            const auto [at, inserted] = items_.emplace(item.ref, line);
            if (!inserted) {
                report(line, ProblemCode::duplicate_id,
                       "item " + item.ref + " is listed twice (first on line " + std::to_string(at->second) + ")");
                ok = false;
            }
        }
        const std::string who = item.ref.empty() ? std::string("<item>") : "item " + item.ref;
        if (!attrs.has(1)) {
            report(line, ProblemCode::missing, who + " has no action");
            ok = false;
        } else if (const auto a = parse_action(attrs[1])) {
            item.action = *a;
        } else {
            report(line, ProblemCode::bad_value,
                   who + ": action \"" + std::string(attrs[1]) + "\" is not one of repeal, declare-invalid, amend, evaluate, retain");
            ok = false;
        }
        for_each_child(e, [&](pugi::xml_node c, std::string_view local, std::size_t l) {
            if (local != "finding") {
                report(l, ProblemCode::unknown_element, "unknown element <" + std::string(local) + "> in <item>");
                return;
            }
            Attributes<2> f{{"code", "detail"}};
            read_attributes(c, "finding", l, f);
            // A finding holds nothing: an element of ours inside is unknown.
            for_each_child(c, [&](pugi::xml_node, std::string_view inner, std::size_t il) {
                report(il, ProblemCode::unknown_element, "unknown element <" + std::string(inner) + "> in <finding>");
            });
            if (!f.has(0)) {
                report(l, ProblemCode::missing, who + ": <finding> has no code");
                return;
            }
            const auto code = parse_finding_code(f[0]);
            if (!code) {
                report(l, ProblemCode::bad_value, who + ": finding code \"" + std::string(f[0]) + "\" is not a clean-up finding");
                return;
            }
            item.findings.push_back({*code, std::string(f[1]), l});
        });
        if (ok) plan_.items.push_back(std::move(item));
    }

    std::string_view source_;
    LineCounter lines_;
    NamespaceScope scope_;
    std::size_t last_line_ = 1;
    Plan plan_;
    std::vector<Problem> problems_;
    std::unordered_map<std::string, std::size_t> items_;  // ref → line of its first item
};

}  // namespace

PlanLoadResult read_plan(std::string_view xml, const std::string& file_name) {
    return PlanReader(xml, file_name).run();
}

PlanLoadResult read_plan_file(const std::string& path) {
    const FileBytes bytes = load_file(path);
    return PlanReader(bytes.view(), path).run();
}

}  // namespace normdoc
