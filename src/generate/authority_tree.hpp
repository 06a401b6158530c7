// The generator's authorities (SPEC §2): a tree national → provincial → municipal → county →
// township, each place with its congress, party committee, government, general office and
// departments (a city also a development zone), the 2013/2018 reforms (abolished departments with
// successors, some chained, a few without) and merged townships; and how many documents each one
// issues (a share per level, a heavy-tailed factor per authority).
#pragma once

#include "generate/names.hpp"
#include "generate/rng.hpp"
#include "normdoc/authority.hpp"
#include "normdoc/date.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace normdoc::detail::gen {

enum class Role : std::uint8_t { congress, party, government, office, department, township, zone };

constexpr int k_no = -1;

struct Auth {
    std::string id;
    std::string name;
    std::string code;          // number prefix before 〔year〕 (苏科发); empty for congresses
    std::string body;          // the collective decision's meeting
    Role role = Role::department;
    AuthorityKind kind = AuthorityKind::department;
    Level level = Level::county;
    int place = k_no;
    int parent = k_no;
    int government = k_no;     // the government of its place (of the county for a township)
    int justice = k_no;        // the legality reviewer (司法局 of its place or the one above)
    int filed_with = k_no;     // where its normative documents are filed
    std::optional<Date> created;    // first day it exists (none: always)
    std::optional<Date> abolished;  // first day it no longer exists
    int successor = k_no;
    int predecessor = k_no;    // the authority whose work it took over (for days before `created`)
    std::uint64_t weight = 0;  // relative number of documents it issues
    int hub_scope = k_no;      // the hub sampler its upper-level documents join
};

struct Place {
    Level level = Level::national;
    std::string name;        // 江苏省, 安平市
    std::string short_name;  // 江苏, 安平
    std::string abbr;        // 苏, 平
    std::string id;          // cn, p01, p01-c02, p01-c02-k03, p01-c02-k03-t04
    int parent = k_no;
    int province = k_no, city = k_no;  // ordinals among provinces / cities, k_no above them
    int government = k_no, office = k_no, party = k_no, congress = k_no, justice = k_no;
    std::vector<int> departments;
};

class AuthorityTree {
public:
    std::vector<Auth> auths;
    std::vector<Place> places;
    int national_congress = k_no;
    int provinces = 0, cities = 0;

    AuthorityTree(std::uint64_t documents, Rng& rng);

    // SPEC §2: the authority that does the work on `day` (successors after an abolition, the
    // predecessor before a creation).
    int acting(int a, Date day) const {
        for (int guard = 0; guard < 8; ++guard) {
            const Auth& x = auths[static_cast<std::size_t>(a)];
            if (x.abolished && day >= *x.abolished) {
                a = x.successor != k_no ? x.successor : x.parent;
            } else if (x.created && day < *x.created && x.predecessor != k_no) {
                a = x.predecessor;
            } else {
                return a;
            }
        }
        return a;
    }
    bool alive(int a, Date day) const {
        const Auth& x = auths[static_cast<std::size_t>(a)];
        return (!x.abolished || day < *x.abolished) && (!x.created || day >= *x.created);
    }

    // An issuing authority for a document published on `day`, by weight.
    int pick(Rng& rng, Date day) const {
        const std::uint64_t r = rng.below64(cumulative_.back());
        const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), r);
        return acting(static_cast<int>(it - cumulative_.begin()), day);
    }

    int hub_scopes() const { return 1 + provinces + cities; }

private:
    int add_place(Level level, std::string name, std::string short_name, std::string abbr, int parent,
                  int ordinal = 0);

    const std::string& place_id(int place) const { return places[static_cast<std::size_t>(place)].id; }
    static std::string two_digits(int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); }

    // A unique place name of two characters (three once the pairs run out).
    std::string next_name();

    // One character of the name when free, else the whole name (unique).
    std::string unique_abbr(const std::string& name);

    std::string unique_code(const Place& p, std::string_view middle, std::string_view suffix);

    int add_auth(Auth a) {
        auths.push_back(std::move(a));
        return static_cast<int>(auths.size()) - 1;
    }

    void build_organs(int place, Rng& rng);

    int add_township(int county, const std::string& name, std::string_view suffix, int ordinal);

    // 撤乡并镇: a few townships merge into a neighbour (which itself stays: no chains, no cycles).
    void merge_townships(const std::vector<int>& towns, Rng& rng);

    void finish(Rng& rng);

    std::vector<std::uint64_t> cumulative_;
    std::unordered_set<std::string> national_codes_, used_codes_, used_abbrs_;
    std::uint64_t names_ = 0;
};

}  // namespace normdoc::detail::gen
