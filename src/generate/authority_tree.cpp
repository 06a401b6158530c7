// The generator's authority tree (authority_tree.hpp).
#include "generate/authority_tree.hpp"

namespace normdoc::detail::gen {
namespace {

using boost::gregorian::days;

struct TreeShape { int provinces = 1, cities = 1, counties = 1, townships = 1; };

TreeShape shape_for(std::uint64_t documents) {
    // About one authority per 40 documents: grow the tree breadth first until it is that big.
    const double target = std::max(100.0, static_cast<double>(documents) / 40.0);
    TreeShape s;
    auto size = [](const TreeShape& t) {
        return 40.0 + t.provinces * (30.0 + t.cities * (33.0 + t.counties * (22.0 + t.townships)));
    };
    int turn = 0;
    while (size(s) < target) {
        const bool grown = (turn == 0 && s.provinces < k_max_provinces && (++s.provinces, true)) ||
                           (turn == 1 && s.cities < 14 && (++s.cities, true)) ||
                           (turn == 2 && s.counties < 10 && (++s.counties, true)) ||
                           (turn == 3 && s.townships < 12 && (++s.townships, true));
        turn = (turn + 1) % 4;
        if (!grown && s.provinces == k_max_provinces && s.cities == 14 && s.counties == 10 && s.townships == 12) break;
    }
    return s;
}

// A reform's abolition day at a level: national first, counties last.
Date reform_day(Rng& rng, Reform r, Level level) {
    const int year = r == Reform::r2013 ? 2013 : 2018;
    switch (level) {
    case Level::national: return detail::make_date(year, 3, 1) + days(rng.between(0, 40));
    case Level::provincial: return detail::make_date(year, 9, 1) + days(rng.between(0, 120));
    case Level::municipal: return detail::make_date(year, 12, 1) + days(rng.between(0, 100));
    default: return detail::make_date(year + 1, 1, 15) + days(rng.between(0, 100));
    }
}

}  // namespace

AuthorityTree::AuthorityTree(std::uint64_t documents, Rng& rng) {
    const TreeShape shape = shape_for(documents);
    for (const auto& d : k_departments) national_codes_.insert(std::string(d.national_code) + "发");
    used_codes_ = national_codes_;
    used_codes_.insert("国发"); used_codes_.insert("国办发"); used_codes_.insert("中发");

    const int nation = add_place(Level::national, "中华人民共和国", "国家", "国", k_no);
    build_organs(nation, rng);
    for (int p = 0; p < shape.provinces; ++p) {
        const int prov = add_place(Level::provincial, std::string(k_provinces[p].name),
                                   std::string(k_provinces[p].short_name), std::string(k_provinces[p].abbr), nation, p);
        places[prov].province = provinces++;
        used_abbrs_.insert(std::string(k_provinces[p].abbr));
        build_organs(prov, rng);
        for (int c = 0; c < shape.cities; ++c) {
            const std::string n = next_name();
            const int city = add_place(Level::municipal, n + "市", n, unique_abbr(n), prov, c);
            places[city].province = places[prov].province;
            places[city].city = cities++;
            build_organs(city, rng);
            for (int k = 0; k < shape.counties; ++k) {
                const std::string cn = next_name();
                const std::string_view suffix = k % 3 == 0 ? "区" : (k % 3 == 1 ? "县" : "市");
                const int county = add_place(Level::county, cn + std::string(suffix), cn, unique_abbr(cn), city, k);
                places[county].province = places[prov].province;
                places[county].city = places[city].city;
                build_organs(county, rng);
                std::vector<int> towns;
                for (int t = 0; t < shape.townships; ++t) {
                    const std::string tn = next_name();
                    const std::string_view ts = t % 4 == 3 ? "街道办事处" : (t % 4 == 2 ? "乡" : "镇");
                    towns.push_back(add_township(county, tn, ts, t));
                }
                merge_townships(towns, rng);
            }
        }
    }
    finish(rng);
}

int AuthorityTree::add_place(Level level, std::string name, std::string short_name, std::string abbr, int parent,
                             int ordinal) {
    Place p;
    switch (level) {
    case Level::national: p.id = "cn"; break;
    case Level::provincial: p.id = "p" + two_digits(ordinal + 1); break;
    case Level::municipal: p.id = place_id(parent) + "-c" + two_digits(ordinal + 1); break;
    case Level::county: p.id = place_id(parent) + "-k" + two_digits(ordinal + 1); break;
    case Level::township: p.id = place_id(parent) + "-t" + two_digits(ordinal + 1); break;
    }
    p.level = level;
    p.name = std::move(name);
    p.short_name = std::move(short_name);
    p.abbr = std::move(abbr);
    p.parent = parent;
    places.push_back(std::move(p));
    return static_cast<int>(places.size()) - 1;
}

std::string AuthorityTree::next_name() {
    const std::uint64_t n = k_name_char_count;
    const std::uint64_t pairs = n * (n - 1);
    const std::uint64_t k = names_++;
    if (k < pairs) {
        const std::uint64_t idx = (k * 7919) % pairs;  // 7919 is prime, coprime with pairs: a permutation
        const std::uint64_t c1 = idx / (n - 1);
        std::uint64_t c2 = idx % (n - 1);
        if (c2 >= c1) ++c2;
        return std::string(k_name_chars[c1]) + std::string(k_name_chars[c2]);
    }
    const std::uint64_t j = (k - pairs) % (n * n * n);
    return std::string(k_name_chars[j / (n * n)]) + std::string(k_name_chars[j / n % n]) +
           std::string(k_name_chars[j % n]);
}

std::string AuthorityTree::unique_abbr(const std::string& name) {
    for (std::size_t at = 0; at < name.size(); at += 3) {  // the pool's characters are 3 bytes in UTF-8
        std::string one = name.substr(at, 3);
        if (used_abbrs_.insert(one).second) return one;
    }
    used_abbrs_.insert(name);
    return name;
}

std::string AuthorityTree::unique_code(const Place& p, std::string_view middle, std::string_view suffix) {
    std::string code = p.abbr + std::string(middle) + std::string(suffix);
    if (used_codes_.insert(code).second) return code;
    code = p.short_name + std::string(middle) + std::string(suffix);
    if (used_codes_.insert(code).second) return code;
    for (int n = 2;; ++n) {
        code = p.short_name + std::to_string(n) + std::string(middle) + std::string(suffix);
        if (used_codes_.insert(code).second) return code;
    }
}

void AuthorityTree::build_organs(int place, Rng& rng) {
    Place& p = places[static_cast<std::size_t>(place)];
    const std::string pid = place_id(place);
    const bool national = p.level == Level::national;
    const std::string prefix = national ? std::string() : p.name;

    if (p.level != Level::county) {
        Auth c;
        c.id = pid + "-npc";
        c.name = national ? "全国人民代表大会常务委员会" : prefix + "人民代表大会常务委员会";
        c.role = Role::congress;
        c.kind = AuthorityKind::congress;
        c.level = p.level;
        c.place = place;
        p.congress = add_auth(std::move(c));
        if (national) national_congress = p.congress;
    }
    {
        Auth c;
        c.id = pid + "-cpc";
        c.name = national ? "中共中央" : "中共" + prefix + "委员会";
        c.code = national ? "中发" : unique_code(p, "", "发");
        c.body = national ? "中央政治局会议" : "中共" + prefix + "委员会常委会会议";
        c.role = Role::party;
        c.kind = AuthorityKind::party;
        c.level = p.level;
        c.place = place;
        p.party = add_auth(std::move(c));
    }
    {
        Auth g;
        g.id = pid + "-gov";
        g.name = national ? "国务院" : prefix + "人民政府";
        g.code = national ? "国发" : unique_code(p, "政", "发");
        g.body = national ? "国务院常务会议" : prefix + "人民政府常务会议";
        g.role = Role::government;
        g.kind = AuthorityKind::government;
        g.level = p.level;
        g.place = place;
        p.government = add_auth(std::move(g));
    }
    {
        Auth o;
        o.id = pid + "-gbo";
        o.name = national ? "国务院办公厅" : prefix + (p.level == Level::provincial ? "人民政府办公厅" : "人民政府办公室");
        o.code = national ? "国办发" : unique_code(p, "政办", "发");
        o.body = national ? "国务院常务会议" : prefix + "人民政府常务会议";
        o.role = Role::office;
        o.kind = AuthorityKind::general_office;
        o.level = p.level;
        o.place = place;
        p.office = add_auth(std::move(o));
    }

    // Which reforms happened here (every one nationally; in some places locally: the rest
    // of the places have the new departments throughout).
    const bool reform2018 = national || rng.chance(350);
    const bool reform2013 = reform2018 && (national || rng.chance(600));
    const Date day2013 = reform_day(rng, Reform::r2013, p.level);
    const Date day2018 = reform_day(rng, Reform::r2018, p.level);
    std::vector<int> by_type(k_department_type_count, k_no);
    for (std::size_t t = 0; t < k_department_type_count; ++t) {
        const DepartmentType& d = k_departments[t];
        if (p.level == Level::county && !d.county) continue;
        // Old departments exist only where their reform happened (elsewhere the new ones
        // exist throughout); 2013 happened only where 2018 did.
        if (d.abolished == Reform::r2018 && !reform2018) continue;
        if (d.abolished == Reform::r2013 && !reform2013) continue;
        Auth a;
        a.id = pid + "-" + std::string(d.code);
        a.name = national ? std::string(d.national)
                          : prefix + std::string(p.level == Level::provincial ? d.provincial : d.local);
        a.code = national ? std::string(d.national_code) + "发" : unique_code(p, d.short_name, "发");
        a.body = national ? "部务会议" : (p.level == Level::provincial ? "厅务会议" : "局务会议");
        a.role = Role::department;
        a.kind = AuthorityKind::department;
        a.level = p.level;
        a.place = place;
        if (d.abolished != Reform::none) a.abolished = d.abolished == Reform::r2013 ? day2013 : day2018;
        if (d.created == Reform::r2013 && reform2013) a.created = day2013;
        if (d.created == Reform::r2018 && reform2018) a.created = day2018;
        by_type[t] = add_auth(std::move(a));
        p.departments.push_back(by_type[t]);
    }
    // Successors and predecessors within the place.
    for (std::size_t t = 0; t < k_department_type_count; ++t) {
        const int a = by_type[t];
        if (a == k_no || k_departments[t].successor.empty()) continue;
        const int s = by_type[department_type(k_departments[t].successor)];
        if (s == k_no) continue;
        auths[static_cast<std::size_t>(a)].successor = s;
        if (auths[static_cast<std::size_t>(s)].predecessor == k_no) auths[static_cast<std::size_t>(s)].predecessor = a;
    }
    p.justice = by_type[department_type("sf")];

    // A development zone's committee in each city, some dissolved without successor.
    if (p.level == Level::municipal) {
        Auth z;
        z.id = pid + "-kfq";
        z.name = p.short_name + "经济技术开发区管理委员会";
        z.code = unique_code(p, "开管", "发");
        z.body = "管委会主任办公会议";
        z.role = Role::zone;
        z.kind = AuthorityKind::other;
        z.level = Level::municipal;
        z.place = place;
        if (rng.chance(200)) {
            const int month = rng.between(1, 12);  // drawn before the year (the order of the seeds' bytes)
            z.abolished = detail::make_date(2010 + rng.between(0, 12), month, 1);
        }
        add_auth(std::move(z));
    }
}

int AuthorityTree::add_township(int county, const std::string& name, std::string_view suffix, int ordinal) {
    const std::string county_name = places[static_cast<std::size_t>(county)].name;
    const int place = add_place(Level::township, county_name + name + std::string(suffix), name, name, county, ordinal);
    Place& p = places[static_cast<std::size_t>(place)];
    p.province = places[static_cast<std::size_t>(county)].province;
    p.city = places[static_cast<std::size_t>(county)].city;
    Auth t;
    t.id = p.id;
    t.name = p.name + (suffix == "街道办事处" ? "" : "人民政府");
    t.code = unique_code(p, "政", "发");
    t.body = name + std::string(suffix == "街道办事处" ? "街道党工委会议" : "党政联席会议");
    t.role = Role::township;
    t.kind = AuthorityKind::township;
    t.level = Level::township;
    t.place = place;
    p.government = add_auth(std::move(t));
    return p.government;
}

void AuthorityTree::merge_townships(const std::vector<int>& towns, Rng& rng) {
    if (towns.size() < 2) return;
    for (std::size_t i = 1; i < towns.size(); ++i) {
        if (!rng.chance(60)) continue;
        Auth& t = auths[static_cast<std::size_t>(towns[i])];
        const int month = rng.between(1, 12);  // drawn before the year (the order of the seeds' bytes)
        t.abolished = detail::make_date(rng.between(2000, 2021), month, 1);
        t.successor = towns[0];
    }
}

void AuthorityTree::finish(Rng& rng) {
    // Structure: parents, governments, reviewers and filing recipients.
    for (std::size_t i = 0; i < auths.size(); ++i) {
        Auth& a = auths[i];
        const Place& p = places[static_cast<std::size_t>(a.place)];
        const Place* up = p.parent != k_no ? &places[static_cast<std::size_t>(p.parent)] : nullptr;
        switch (a.role) {
        case Role::congress:
            a.parent = up ? up->congress : k_no;
            a.government = p.government;
            break;
        case Role::party:
            a.parent = up ? up->party : k_no;
            a.government = p.government;
            a.filed_with = a.parent;
            break;
        case Role::government:
            a.parent = up ? up->government : k_no;
            a.government = static_cast<int>(i);
            a.filed_with = up ? up->government : national_congress;
            break;
        case Role::office:
        case Role::department:
        case Role::zone:
            a.parent = p.government;
            a.government = p.government;
            a.filed_with = p.government;
            break;
        case Role::township:
            a.parent = up->government;
            a.government = up->government;
            a.filed_with = up->government;
            break;
        }
        const Place& review_place = p.justice != k_no ? p : *up;
        a.justice = review_place.justice;
        if (a.role == Role::government || a.role == Role::office || a.role == Role::congress)
            a.hub_scope = p.level == Level::national ? 0
                          : p.level == Level::provincial ? 1 + p.province
                          : p.level == Level::municipal  ? 1 + provinces + p.city
                                                         : k_no;
        if (a.role == Role::department && p.level == Level::national) a.hub_scope = 0;
    }

    // Documents per authority: a share per level, spread over its authorities by role and a
    // heavy-tailed factor (some bodies issue far more than others).
    constexpr std::uint64_t k_level_mass[] = {50, 150, 300, 380, 120};  // per mille: national … township
    std::uint64_t level_sum[5] = {0, 0, 0, 0, 0};
    std::vector<std::uint64_t> raw(auths.size());
    for (std::size_t i = 0; i < auths.size(); ++i) {
        const Auth& a = auths[i];
        std::uint64_t role_weight = 3;
        switch (a.role) {
        case Role::congress: role_weight = 2; break;
        case Role::party: role_weight = 4; break;
        case Role::government: role_weight = 10; break;
        case Role::office: role_weight = 8; break;
        case Role::department: role_weight = 3; break;
        case Role::township: role_weight = 1; break;
        case Role::zone: role_weight = 2; break;
        }
        raw[i] = role_weight * pareto1(rng, 30);
        level_sum[static_cast<int>(a.level)] += raw[i];
    }
    cumulative_.resize(auths.size());
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < auths.size(); ++i) {
        const int l = static_cast<int>(auths[i].level);
        auths[i].weight = raw[i] * ((k_level_mass[l] << 32) / level_sum[l]);
        total += auths[i].weight;
        cumulative_[i] = total;
    }
}

}  // namespace normdoc::detail::gen
