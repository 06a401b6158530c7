// The synthetic corpus generator (SPEC §10 `generate`). See include/normdoc/generate.hpp for the
// shape and docs/PERFORMANCE.md for the figures it is tuned to.
//
// Design:
// - One PRNG stream (xoshiro256** seeded by splitmix64) and integer-only sampling, so the bytes
//   depend on the seed alone, not on the standard library (no <random> distributions, no libm
//   beyond sqrt, which IEEE 754 rounds exactly).
// - Publication dates are non-decreasing in generation order, and every relation points at a
//   document generated earlier: no based-on or modification cycle can arise, every reference
//   resolves, and a target is never younger than its source.
// - Memory is flat in the number of documents: what is kept is per authority (a counter and a
//   small sample of its earlier documents, the targets of amendments, repeals and extensions)
//   and per hub (laws, regulations, rules, upper government documents: the targets of
//   dependencies, a few per cent of the documents). Each document is built in one reused
//   draft::Document and written through the one corpus writer (src/xml/corpus_writer.hpp), which
//   hands the sink ~1 MiB blocks.
// - The calendar is date.hpp's (SPEC §4's term_last_day, Boost's dates beneath).
#include "normdoc/generate.hpp"

#include "normdoc/authority.hpp"
#include "normdoc/document.hpp"
#include "normdoc/date.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/relation.hpp"
#include "xml/corpus_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <unordered_set>
#include <vector>

namespace normdoc {
namespace {

// ---- randomness -----------------------------------------------------------------------------------

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// xoshiro256** (Blackman, Vigna): fixed output on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (auto& v : s_) v = splitmix64(x);
    }
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [0, n) for n < 2^32 (multiply-shift; the bias is below 2^-32).
    std::uint32_t below(std::uint32_t n) noexcept {
        return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
    }
    // Uniform in [0, n) for any n > 0 (rejection on a power-of-two mask: exact).
    std::uint64_t below64(std::uint64_t n) noexcept {
        std::uint64_t mask = n - 1;
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4;
        mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
        for (;;) {
            const std::uint64_t r = next() & mask;
            if (r < n) return r;
        }
    }
    int between(int lo, int hi) noexcept {  // inclusive
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }
    // True with probability per_mille / 1000.
    bool chance(std::uint32_t per_mille) noexcept { return below(1000) < per_mille; }
    // Uniform in [0, 1) with 53 bits.
    double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Picks an index by integer weights.
    template <std::size_t N>
    std::size_t weighted(const std::uint32_t (&weights)[N]) noexcept {
        std::uint32_t total = 0;
        for (auto w : weights) total += w;
        std::uint32_t r = below(total);
        for (std::size_t i = 0; i < N; ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return N - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

// A heavy-tailed factor in [1, cap]: P(f > x) = 1/x (Pareto, alpha 1), in integers.
std::uint32_t pareto1(Rng& rng, std::uint32_t cap) {
    const std::uint32_t u = rng.below(1u << 16) + 1;
    return std::min<std::uint32_t>(cap, (1u << 16) / u);
}

// Integer square root (floor) of x < 2^62.
std::uint64_t isqrt(std::uint64_t x) {
    std::uint64_t lo = 0, hi = 1u << 31;
    while (lo < hi) {
        const std::uint64_t mid = (lo + hi + 1) / 2;
        if (mid * mid <= x) lo = mid; else hi = mid - 1;
    }
    return lo;
}

// A heavy-tailed weight in [1, 2^15]: P(w > x) = x^-2 (Pareto, alpha 2), in integers.
std::uint64_t pareto2(Rng& rng) {
    const std::uint64_t x = (1ULL << 30) / (rng.below(1u << 30) + 1ULL);  // alpha 1, up to 2^30
    return std::max<std::uint64_t>(1, isqrt(x));
}

// ---- the calendar (SPEC §4's rules are date.hpp's) ------------------------------------------------

using boost::gregorian::days;

Date first_of_next_month(Date day) { return day.end_of_month() + days(1); }

Date end_of_year(int year) { return detail::make_date(year, 12, 31); }

// ---- the words ---------------------------------------------------------------------------------------

struct Subject { std::string_view tag, words; };
constexpr Subject k_subjects[] = {
    {"technology-transfer", "技术转移"}, {"science-funding", "科技计划项目资金"}, {"innovation", "科技创新"},
    {"high-tech-enterprise", "高新技术企业培育"}, {"talent", "人才引进"}, {"education", "义务教育"},
    {"preschool", "学前教育"}, {"vocational-education", "职业教育"}, {"public-security", "治安管理"},
    {"fire-safety", "消防安全"}, {"social-assistance", "社会救助"}, {"elderly-care", "养老服务"},
    {"legal-aid", "法律援助"}, {"budget", "预算管理"}, {"procurement", "政府采购"},
    {"employment", "就业创业"}, {"social-insurance", "社会保险"}, {"land", "土地管理"},
    {"planning", "城乡规划"}, {"environment", "生态环境保护"}, {"water-pollution", "水污染防治"},
    {"air-pollution", "大气污染防治"}, {"housing", "住房保障"}, {"construction", "建筑市场"},
    {"road-transport", "道路运输"}, {"water-resources", "水资源管理"}, {"agriculture", "农业产业化"},
    {"rural-revitalisation", "乡村振兴"}, {"foreign-trade", "对外贸易"}, {"business-environment", "营商环境"},
    {"public-culture", "公共文化服务"}, {"tourism", "旅游市场"}, {"health", "医疗卫生"},
    {"food-safety", "食品安全"}, {"drug-safety", "药品安全"}, {"work-safety", "安全生产"},
    {"emergency", "突发事件应对"}, {"market-regulation", "市场监督管理"}, {"product-quality", "产品质量"},
    {"audit", "审计监督"}, {"licensing", "行政许可"}, {"penalty", "行政处罚"},
    {"normative-documents", "规范性文件管理"}, {"open-government", "政务公开"}, {"data-sharing", "政务数据共享"},
    {"statistics", "统计调查"}, {"archives", "档案管理"}, {"heritage", "文物保护"},
    {"forest-fire", "森林防火"}, {"poverty-alleviation", "扶贫开发"}, {"pension", "城乡居民养老保险"},
    {"medical-insurance", "医疗保障"}, {"property-management", "物业管理"}, {"waste", "生活垃圾分类"},
    {"traffic", "道路交通安全"}, {"enterprise-support", "中小企业发展"}, {"intellectual-property", "知识产权保护"},
    {"credit", "社会信用体系建设"}, {"veterans", "退役军人服务"}, {"disability", "残疾人保障"},
};
constexpr std::size_t k_subject_count = sizeof k_subjects / sizeof k_subjects[0];

constexpr std::string_view k_verbs[] = {"加快推进", "进一步加强", "促进", "规范", "完善", "深化",
                                        "推动", "支持", "做好", "加强和改进", "全面推进", "优化"};

// Character pool for synthetic place names (none of them is part of an organ's short name).
constexpr std::string_view k_name_chars[] = {
    "江", "阴", "宁", "安", "平", "阳", "山", "河", "清", "丰", "东", "西", "南", "北", "城", "泉", "林",
    "湖", "海", "川", "昌", "华", "兴", "德", "福", "永", "定", "庆", "长", "武", "和", "康", "盛",
    "嘉", "宝", "金", "玉", "石", "峰", "溪", "桥", "台", "原", "田", "乐", "吉", "祥", "泰", "顺",
    "广", "通", "远", "明", "光", "云", "龙", "凤", "鹤", "松", "柏", "桃", "梅", "兰", "竹", "春",
    "秋", "沙", "洲", "浦", "滨", "港", "口", "门", "关", "营", "堡", "集", "店", "岗", "坪", "坝",
    "岭", "谷", "源", "泽", "渠", "潭", "塘", "渡", "仁", "义", "礼", "信", "忠", "孝", "恩", "惠",
    "瑞", "兆", "荣", "富", "贵", "寿", "禄", "岳", "崇", "灵", "秀", "碧", "翠", "青", "红", "白"};
constexpr std::size_t k_name_char_count = sizeof k_name_chars / sizeof k_name_chars[0];

struct Province { std::string_view name, short_name, abbr; };
constexpr Province k_provinces[] = {
    {"江苏省", "江苏", "苏"}, {"浙江省", "浙江", "浙"}, {"广东省", "广东", "粤"}, {"山东省", "山东", "鲁"},
    {"河南省", "河南", "豫"}, {"四川省", "四川", "川"}, {"湖北省", "湖北", "鄂"}, {"湖南省", "湖南", "湘"},
    {"河北省", "河北", "冀"}, {"安徽省", "安徽", "皖"}, {"福建省", "福建", "闽"}, {"江西省", "江西", "赣"},
    {"辽宁省", "辽宁", "辽"}, {"陕西省", "陕西", "陕"}, {"山西省", "山西", "晋"}, {"云南省", "云南", "滇"},
    {"贵州省", "贵州", "黔"}, {"广西壮族自治区", "广西", "桂"}, {"吉林省", "吉林", "吉"},
    {"黑龙江省", "黑龙江", "黑"}, {"甘肃省", "甘肃", "甘"}, {"内蒙古自治区", "内蒙古", "蒙"},
    {"新疆维吾尔自治区", "新疆", "新"}, {"北京市", "北京", "京"}, {"上海市", "上海", "沪"},
    {"天津市", "天津", "津"}, {"重庆市", "重庆", "渝"}, {"海南省", "海南", "琼"}, {"宁夏回族自治区", "宁夏", "宁"},
    {"青海省", "青海", "青"}, {"西藏自治区", "西藏", "藏"}};
constexpr int k_max_provinces = sizeof k_provinces / sizeof k_provinces[0];

// Reforms (机构改革): 2013 merged health and family planning; 2018 regrouped many departments.
enum class Reform : std::uint8_t { none, r2013, r2018 };

struct DepartmentType {
    std::string_view code;          // ASCII, for authority ids
    std::string_view national;      // the ministry
    std::string_view provincial;    // 厅
    std::string_view local;         // 局 (municipal and county)
    std::string_view short_name;    // in local numbers: 苏 + 科 + 发
    std::string_view national_code; // national number code (+ 发)
    bool county = true;             // exists at county level
    Reform created = Reform::none;  // made by this reform (absent before it where it happens)
    Reform abolished = Reform::none;
    std::string_view successor;     // the code of the department that takes over
};
constexpr DepartmentType dept(std::string_view code, std::string_view national, std::string_view provincial,
                              std::string_view local, std::string_view short_name, std::string_view national_code,
                              bool county = true, Reform created = Reform::none, Reform abolished = Reform::none,
                              std::string_view successor = {}) {
    return DepartmentType{code, national, provincial, local, short_name, national_code, county, created, abolished, successor};
}
constexpr DepartmentType k_departments[] = {
    dept("fgw", "国家发展和改革委员会", "发展和改革委员会", "发展和改革委员会", "发改", "发改"),
    dept("jy", "教育部", "教育厅", "教育局", "教", "教"),
    dept("kj", "科学技术部", "科学技术厅", "科学技术局", "科", "国科"),
    dept("gxh", "工业和信息化部", "工业和信息化厅", "工业和信息化局", "工信", "工信部", false),
    dept("ga", "公安部", "公安厅", "公安局", "公", "公"),
    dept("mz", "民政部", "民政厅", "民政局", "民", "民"),
    dept("sf", "司法部", "司法厅", "司法局", "司", "司"),
    dept("cz", "财政部", "财政厅", "财政局", "财", "财"),
    dept("rs", "人力资源和社会保障部", "人力资源和社会保障厅", "人力资源和社会保障局", "人社", "人社部"),
    dept("zj", "住房和城乡建设部", "住房和城乡建设厅", "住房和城乡建设局", "建", "建"),
    dept("jt", "交通运输部", "交通运输厅", "交通运输局", "交", "交"),
    dept("sl", "水利部", "水利厅", "水利局", "水", "水"),
    dept("sw", "商务部", "商务厅", "商务局", "商", "商", false),
    dept("sj", "审计署", "审计厅", "审计局", "审", "审", false),
    dept("zr", "自然资源部", "自然资源厅", "自然资源和规划局", "自然资", "自然资", true, Reform::r2018),
    dept("sthj", "生态环境部", "生态环境厅", "生态环境局", "环", "环", true, Reform::r2018),
    dept("nync", "农业农村部", "农业农村厅", "农业农村局", "农", "农", true, Reform::r2018),
    dept("wl", "文化和旅游部", "文化和旅游厅", "文化广电和旅游局", "文旅", "文旅", true, Reform::r2018),
    dept("wjw", "国家卫生健康委员会", "卫生健康委员会", "卫生健康委员会", "卫健", "国卫", true, Reform::r2018),
    dept("yj", "应急管理部", "应急管理厅", "应急管理局", "应急", "应急", true, Reform::r2018),
    dept("scjg", "国家市场监督管理总局", "市场监督管理局", "市场监督管理局", "市监", "国市监", true, Reform::r2018),
    // Abolished in 2018 (and, for the health commission, made in 2013).
    dept("gt", "国土资源部", "国土资源厅", "国土资源局", "国土资", "国土资", true, Reform::none, Reform::r2018, "zr"),
    dept("hb", "环境保护部", "环境保护厅", "环境保护局", "环保", "环保", true, Reform::none, Reform::r2018, "sthj"),
    dept("ny", "农业部", "农业厅", "农业局", "农业", "农业", true, Reform::none, Reform::r2018, "nync"),
    dept("wh", "文化部", "文化厅", "文化广电新闻出版局", "文", "文化", true, Reform::none, Reform::r2018, "wl"),
    dept("ly", "国家旅游局", "旅游局", "旅游局", "旅", "旅", false, Reform::none, Reform::r2018, "wl"),
    dept("wjw1", "国家卫生和计划生育委员会", "卫生和计划生育委员会", "卫生和计划生育委员会", "卫计", "国卫计", true,
     Reform::r2013, Reform::r2018, "wjw"),
    dept("aj", "国家安全生产监督管理总局", "安全生产监督管理局", "安全生产监督管理局", "安监", "安监", true, Reform::none,
     Reform::r2018, "yj"),
    dept("gs", "国家工商行政管理总局", "工商行政管理局", "工商行政管理局", "工商", "工商", true, Reform::none,
     Reform::r2018, "scjg"),
    dept("zjj", "国家质量监督检验检疫总局", "质量技术监督局", "质量技术监督局", "质监", "质检", true, Reform::none,
     Reform::r2018, "scjg"),
    dept("sp", "国家食品药品监督管理总局", "食品药品监督管理局", "食品药品监督管理局", "食药监", "食药监", false,
     Reform::none, Reform::r2018, "scjg"),
    // Abolished in 2013.
    dept("ws", "卫生部", "卫生厅", "卫生局", "卫", "卫", true, Reform::none, Reform::r2013, "wjw1"),
    dept("rk", "国家人口和计划生育委员会", "人口和计划生育委员会", "人口和计划生育委员会", "人口", "人口", true,
     Reform::none, Reform::r2013, "wjw1"),
};
constexpr std::size_t k_department_type_count = sizeof k_departments / sizeof k_departments[0];

std::size_t department_type(std::string_view code) {
    for (std::size_t i = 0; i < k_department_type_count; ++i)
        if (k_departments[i].code == code) return i;
    throw std::logic_error("generate: unknown department type");
}

// ---- the authority tree -------------------------------------------------------------------------------

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

class AuthorityTree {
public:
    std::vector<Auth> auths;
    std::vector<Place> places;
    int national_congress = k_no;
    int provinces = 0, cities = 0;

    AuthorityTree(std::uint64_t documents, Rng& rng) {
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
                  int ordinal = 0) {
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

    const std::string& place_id(int place) const { return places[static_cast<std::size_t>(place)].id; }
    static std::string two_digits(int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); }

    // A unique place name of two characters (three once the pairs run out).
    std::string next_name() {
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

    // One character of the name when free, else the whole name (unique).
    std::string unique_abbr(const std::string& name) {
        for (std::size_t at = 0; at < name.size(); at += 3) {  // the pool's characters are 3 bytes in UTF-8
            std::string one = name.substr(at, 3);
            if (used_abbrs_.insert(one).second) return one;
        }
        used_abbrs_.insert(name);
        return name;
    }

    std::string unique_code(const Place& p, std::string_view middle, std::string_view suffix) {
        std::string code = p.abbr + std::string(middle) + std::string(suffix);
        if (used_codes_.insert(code).second) return code;
        code = p.short_name + std::string(middle) + std::string(suffix);
        if (used_codes_.insert(code).second) return code;
        for (int n = 2;; ++n) {
            code = p.short_name + std::to_string(n) + std::string(middle) + std::string(suffix);
            if (used_codes_.insert(code).second) return code;
        }
    }

    int add_auth(Auth a) {
        auths.push_back(std::move(a));
        return static_cast<int>(auths.size()) - 1;
    }

    void build_organs(int place, Rng& rng) {
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

    int add_township(int county, const std::string& name, std::string_view suffix, int ordinal) {
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

    // 撤乡并镇: a few townships merge into a neighbour (which itself stays: no chains, no cycles).
    void merge_townships(const std::vector<int>& towns, Rng& rng) {
        if (towns.size() < 2) return;
        for (std::size_t i = 1; i < towns.size(); ++i) {
            if (!rng.chance(60)) continue;
            Auth& t = auths[static_cast<std::size_t>(towns[i])];
            const int month = rng.between(1, 12);  // drawn before the year (the order of the seeds' bytes)
            t.abolished = detail::make_date(rng.between(2000, 2021), month, 1);
            t.successor = towns[0];
        }
    }

    void finish(Rng& rng) {
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

    std::vector<std::uint64_t> cumulative_;
    std::unordered_set<std::string> national_codes_, used_codes_, used_abbrs_;
    std::uint64_t names_ = 0;
};

// ---- documents ---------------------------------------------------------------------------------------

// What is kept of a document that later ones may point at.
struct DocRef {
    std::uint32_t index = 0;      // generation order (unique)
    std::uint32_t authority = 0;  // its id's authority
    std::uint32_t serial = 0;
    std::uint16_t year = 0;
    DocumentKind kind = DocumentKind::normative;
    bool trial = false;
    Date published;
    Date effective;
    std::optional<Date> last;     // SPEC §4 base last day
    int hub = k_no;               // its index among the hubs, k_no when it is not one
};

// Hubs of one scope (the nation, a province, a city) with heavy-tailed weights: an append-only
// Fenwick tree over the weights gives weighted sampling in O(log n); a hub that is repealed
// stops being picked (its weight goes to zero). Recent hubs are also picked uniformly, as new
// documents rest on the law of the day as well as on the classics.
class HubSampler {
public:
    // Returns the hub's position in this sampler.
    std::uint32_t add(std::uint32_t hub, std::uint64_t weight) {
        hubs_.push_back(hub);
        const std::size_t i = hubs_.size();  // 1-based
        const std::size_t low = i & (~i + 1);
        tree_.push_back(weight + prefix(i - 1) - prefix(i - low));
        total_ += weight;
        recent_[recent_next_++ % k_recent] = hub;
        return static_cast<std::uint32_t>(i - 1);
    }
    void retire(std::uint32_t position, std::uint64_t weight) {
        for (std::size_t i = position + 1; i <= tree_.size(); i += i & (~i + 1)) tree_[i - 1] -= weight;
        total_ -= weight;
    }
    bool empty() const { return total_ == 0; }
    std::uint32_t pick(Rng& rng) const {
        std::uint64_t r = rng.below64(total_);
        std::size_t pos = 0;
        std::size_t step = 1;
        while (step * 2 <= hubs_.size()) step *= 2;
        for (; step; step /= 2) {
            if (pos + step <= hubs_.size() && tree_[pos + step - 1] <= r) {
                pos += step;
                r -= tree_[pos - 1];
            }
        }
        return hubs_[pos];
    }
    // One of the last k_recent hubs, uniformly (it may have been retired since).
    std::uint32_t pick_recent(Rng& rng) const {
        const std::size_t n = std::min<std::size_t>(recent_next_, k_recent);
        return recent_[rng.below(static_cast<std::uint32_t>(n))];
    }

private:
    static constexpr std::size_t k_recent = 64;
    std::uint64_t prefix(std::size_t i) const {  // sum of the first i weights
        std::uint64_t s = 0;
        for (; i; i &= i - 1) s += tree_[i - 1];
        return s;
    }
    std::vector<std::uint32_t> hubs_;
    std::vector<std::uint64_t> tree_;
    std::uint64_t total_ = 0;
    std::uint32_t recent_[k_recent] = {};
    std::size_t recent_next_ = 0;
};

// A small sample of an authority's earlier documents, recent ones favoured (a full ring
// replaces a random slot, so older documents stay with a geometrically falling chance).
class Sample {
public:
    static constexpr std::size_t k_slots = 8;
    void add(const DocRef& d, Rng& rng) {
        if (count_ < k_slots) {
            slots_[count_++] = d;
        } else {
            slots_[rng.below(k_slots)] = d;
        }
    }
    std::size_t size() const { return count_; }
    const DocRef& at(std::size_t i) const { return slots_[i]; }
    void remove(std::size_t i) { slots_[i] = slots_[--count_]; }

private:
    DocRef slots_[k_slots];
    std::size_t count_ = 0;
};

struct Hub {
    DocRef ref;
    std::uint32_t dependents = 0;
    std::uint32_t scope = 0;
    std::uint32_t position = 0;  // in its scope's sampler
    std::uint64_t weight = 0;
    bool retired = false;
};

// The share of hub picks that go to a recent hub (uniformly) rather than by weight.
constexpr std::uint32_t k_recent_hub_per_mille = 650;

const Date k_first_day = detail::make_date(1990, 6, 1);
const Date k_last_day = detail::make_date(2025, 9, 30);

class Generator {
public:
    Generator(const GenerateOptions& options, OutputSink& sink)
        : options_(options), rng_(options.seed), tree_(options.documents, rng_), out_(sink) {
        samplers_.resize(static_cast<std::size_t>(tree_.hub_scopes()));
        samples_.resize(tree_.auths.size());
        year_.assign(tree_.auths.size(), 0);
        serial_.assign(tree_.auths.size(), 0);
        act_serial_.assign(tree_.auths.size(), 0);
    }

    GenerateSummary run() {
        write_head();
        const std::uint64_t n = options_.documents;
        const std::uint64_t step = std::max<std::uint64_t>(1, n / 100);
        for (std::uint64_t i = 0; i < n; ++i) {
            document(static_cast<std::uint32_t>(i));
            out_.document(doc_);
            if (options_.progress && ((i + 1) % step == 0 || i + 1 == n)) options_.progress({i + 1, n});
        }
        out_.end();
        summary_.documents = n;
        summary_.authorities = tree_.auths.size();
        summary_.bytes = out_.bytes();
        for (auto c : summary_.relations_by_kind) summary_.relations += c;
        const Hub* top = nullptr;
        for (const Hub& h : hubs_)
            if (!top || h.dependents > top->dependents) top = &h;
        if (top) {
            summary_.most_depended_on = doc_id(top->ref);
            summary_.most_depended_on_dependents = top->dependents;
        }
        return summary_;
    }

private:
    // ---- the head: profile and authorities ----

    void write_head() {
        // SPEC §3's defaults, written out.
        out_.begin(Profile(), "normdoc generate --documents " + std::to_string(options_.documents) + " --seed " +
                                  std::to_string(options_.seed));
        draft::Authority out;
        for (const Auth& a : tree_.auths) {
            out.id = a.id;
            out.name = a.name;
            out.kind = a.kind;
            out.level = a.level;
            out.parent.reset();
            if (a.parent != k_no) out.parent = draft::Ref{auth(a.parent).id, 0};
            out.abolished = a.abolished;
            out.successor.reset();
            if (a.abolished && a.successor != k_no) out.successor = draft::Ref{auth(a.successor).id, 0};
            out_.authority(out);
        }
    }

    const Auth& auth(int a) const { return tree_.auths[static_cast<std::size_t>(a)]; }

    std::string doc_id(const DocRef& d) const {
        std::string s;
        append_doc_id(s, d);
        return s;
    }
    void append_doc_id(std::string& s, const DocRef& d) const {
        s += auth(static_cast<int>(d.authority)).id;
        s += '-';
        append_number(s, d.year);
        s += '-';
        append_number(s, d.serial);
    }
    static void append_number(std::string& s, std::uint64_t v) {
        char tmp[24];
        const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
        s.append(tmp, static_cast<std::size_t>(r.ptr - tmp));
    }
    static draft::Ref ref_to(const std::string& id) { return draft::Ref{id, 0}; }

    // ---- one document ----

    // Publication days grow with the index; the density triples from 1990 to 2025 (more
    // documents every year): t = F⁻¹(y) for F(t) = (t + t²)/2.
    Date publication_day(std::uint32_t i) {
        const double y = (static_cast<double>(i) + rng_.unit()) / static_cast<double>(options_.documents);
        const double t = (std::sqrt(1.0 + 8.0 * y) - 1.0) / 2.0;
        const auto span = (k_last_day - k_first_day).days();
        const Date day = k_first_day + days(static_cast<int>(t * static_cast<double>(span)));
        return std::min(day, k_last_day);
    }
    DocumentKind kind_for(const Auth& a) {
        const bool national = a.level == Level::national;
        switch (a.role) {
        case Role::congress: return national ? DocumentKind::law : DocumentKind::local_regulation;
        case Role::party: return rng_.chance(900) ? DocumentKind::party_normative : DocumentKind::other;
        case Role::government:
            if (national) return rng_.chance(350) ? DocumentKind::administrative_regulation : DocumentKind::normative;
            if (a.level == Level::provincial || a.level == Level::municipal)
                return rng_.chance(150) ? DocumentKind::rule : (rng_.chance(940) ? DocumentKind::normative : DocumentKind::other);
            return rng_.chance(900) ? DocumentKind::normative : DocumentKind::other;
        case Role::office: return rng_.chance(940) ? DocumentKind::normative : DocumentKind::other;
        case Role::department:
            if (national) return rng_.chance(250) ? DocumentKind::rule : DocumentKind::normative;
            return rng_.chance(920) ? DocumentKind::normative : DocumentKind::other;
        case Role::township: return rng_.chance(700) ? DocumentKind::normative : DocumentKind::other;
        case Role::zone: return rng_.chance(800) ? DocumentKind::normative : DocumentKind::other;
        }
        return DocumentKind::other;
    }

    // Hubs: documents that many others rest on.
    static bool is_hub_kind(DocumentKind k, const Auth& a) {
        if (a.hub_scope == k_no) return false;
        switch (k) {
        case DocumentKind::law:
        case DocumentKind::administrative_regulation:
        case DocumentKind::local_regulation:
        case DocumentKind::rule: return true;
        case DocumentKind::normative: return a.role == Role::government || a.role == Role::office;
        default: return false;
        }
    }
    std::uint64_t hub_weight(DocumentKind k) {
        std::uint64_t base = 1;
        switch (k) {
        case DocumentKind::law: base = 24; break;
        case DocumentKind::administrative_regulation: base = 8; break;
        case DocumentKind::local_regulation: base = 3; break;
        case DocumentKind::rule: base = 2; break;
        default: base = 1; break;
        }
        return base * pareto2(rng_);
    }

    std::string title(DocumentKind kind, bool trial, const Auth& a, const Subject& s, bool cleanup) {
        const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
        const std::string place = p.level == Level::national ? std::string() : p.name;
        std::string t;
        switch (kind) {
        case DocumentKind::law:
            return "中华人民共和国" + std::string(s.words) + "法";
        case DocumentKind::administrative_regulation:
            return std::string(s.words) + (trial ? "暂行条例" : (rng_.chance(500) ? "管理条例" : "条例"));
        case DocumentKind::local_regulation:
            return place + std::string(s.words) + (trial ? "暂行条例" : "条例");
        case DocumentKind::rule:
            if (trial) return place + std::string(s.words) + (rng_.chance(500) ? "暂行办法" : "管理办法（试行）");
            return place + std::string(s.words) + (rng_.chance(600) ? "管理办法" : "规定");
        case DocumentKind::other:
            if (cleanup) return "关于宣布失效和废止一批规范性文件的决定";
            if (trial) return "关于开展" + std::string(s.words) + "试点工作的通知（试行）";
            return "关于开展" + std::string(s.words) + "工作的通知";
        default: break;
        }
        // normative, party-normative
        const std::string_view verb = k_verbs[rng_.below(sizeof k_verbs / sizeof k_verbs[0])];
        switch (rng_.below(8)) {
        case 0: t = "关于" + std::string(verb) + std::string(s.words) + "的通知"; break;
        case 1: t = "关于" + std::string(verb) + std::string(s.words) + "的意见"; break;
        case 2: t = "关于" + std::string(verb) + std::string(s.words) + "的实施意见"; break;
        case 3: t = "关于" + std::string(verb) + std::string(s.words) + "的若干措施"; break;
        case 4: t = place + std::string(s.words) + "实施细则"; break;
        case 5: t = place + std::string(s.words) + "实施办法"; break;
        default:
            if (trial && rng_.chance(500)) return place + std::string(s.words) + "暂行办法";
            t = place + std::string(s.words) + "管理办法";
            break;
        }
        if (trial) t += "（试行）";
        return t;
    }


    void number(std::string& out, DocumentKind kind, const Auth& a, int year, std::uint32_t serial,
                std::uint32_t act) {
        const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
        out.clear();
        if (kind == DocumentKind::law) {
            out += "中华人民共和国主席令第";
            append_number(out, act);
            out += "号";
        } else if (kind == DocumentKind::administrative_regulation) {
            out += "国务院令第";
            append_number(out, act);
            out += "号";
        } else if (kind == DocumentKind::local_regulation) {
            out += p.name;
            out += "人民代表大会常务委员会公告第";
            append_number(out, act);
            out += "号";
        } else if (kind == DocumentKind::rule && a.role == Role::government) {
            out += p.name;
            out += "人民政府令第";
            append_number(out, act);
            out += "号";
        } else if (kind == DocumentKind::rule) {
            out += a.name;
            out += "令";
            append_number(out, static_cast<std::uint64_t>(year));
            out += "年第";
            append_number(out, act);
            out += "号";
        } else {
            out += a.code;
            out += "〔";
            append_number(out, static_cast<std::uint64_t>(year));
            out += "〕";
            append_number(out, serial);
            out += "号";
        }
    }

    struct Rel {
        RelationKind kind;
        DocRef target;
        std::optional<Date> date = std::nullopt;
        std::optional<Date> until = std::nullopt;
    };

    // A dependency target for a document of authority `a`: a hub of the nation, the province or
    // the city, or a recent document of the local government.
    std::optional<DocRef> dependency_target(const Auth& a) {
        const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
        static constexpr std::uint32_t k_national[] = {100, 0, 0, 0};
        static constexpr std::uint32_t k_provincial[] = {50, 25, 0, 25};
        static constexpr std::uint32_t k_municipal[] = {30, 20, 20, 30};
        static constexpr std::uint32_t k_county[] = {20, 15, 20, 45};
        static constexpr std::uint32_t k_township[] = {10, 10, 15, 65};
        std::size_t where = 0;
        switch (p.level) {
        case Level::national: where = rng_.weighted(k_national); break;
        case Level::provincial: where = rng_.weighted(k_provincial); break;
        case Level::municipal: where = rng_.weighted(k_municipal); break;
        case Level::county: where = rng_.weighted(k_county); break;
        case Level::township: where = rng_.weighted(k_township); break;
        }
        if (where == 3) {
            const Sample& local = samples_[static_cast<std::size_t>(a.government)];
            if (local.size() > 0) return local.at(rng_.below(static_cast<std::uint32_t>(local.size())));
            where = 2;
        }
        int scope = 0;
        if (where == 1 && p.province != k_no) scope = 1 + p.province;
        if (where == 2 && p.city != k_no) scope = 1 + tree_.provinces + p.city;
        if (samplers_[static_cast<std::size_t>(scope)].empty()) scope = 0;
        const HubSampler& sampler = samplers_[static_cast<std::size_t>(scope)];
        if (sampler.empty()) return std::nullopt;
        const Hub& hub = hubs_[rng_.chance(k_recent_hub_per_mille) ? sampler.pick_recent(rng_) : sampler.pick(rng_)];
        if (hub.retired) return std::nullopt;
        return hub.ref;
    }

    // Builds document `index` in doc_ (reused from one document to the next: its strings and
    // vectors keep their room).
    void document(std::uint32_t index) {
        const Date day = publication_day(index);
        const int a_index = tree_.pick(rng_, day);
        const Auth& a = auth(a_index);
        const DocumentKind kind = kind_for(a);
        const bool normative = is_normative(kind);
        const bool draft = index + options_.documents / 100 >= options_.documents && normative && rng_.chance(250);
        const bool cleanup_decision = kind == DocumentKind::other && !draft &&
                                      (a.role == Role::government || a.role == Role::office || a.role == Role::department) &&
                                      rng_.chance(150);
        // SPEC §7: trial exactly when the title says 试行 / 暂行 (a clean-up decision never does).
        const bool trial = kind != DocumentKind::law && !cleanup_decision && rng_.chance(100);
        const Subject& subject = k_subjects[rng_.below(k_subject_count)];
        const int year = day.year();

        DocRef self;
        self.index = index;
        self.authority = static_cast<std::uint32_t>(a_index);
        self.kind = kind;
        self.trial = trial;
        self.year = static_cast<std::uint16_t>(year);
        if (!draft) {
            auto& y = year_[static_cast<std::size_t>(a_index)];
            auto& s = serial_[static_cast<std::size_t>(a_index)];
            if (y != year) { y = static_cast<std::uint16_t>(year); s = 0; }
            self.serial = ++s;
        }

        // Dates (SPEC §7: effective ≥ published, expires ≥ effective).
        Date effective = day;
        switch (rng_.below(20)) {
        case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: break;   // on publication
        case 8: case 9: case 10: case 11: case 12: effective = day + days(30); break;
        case 13: case 14: case 15: case 16: effective = first_of_next_month(day); break;
        case 17: case 18: effective = day + days(rng_.between(1, 90)); break;
        default: effective = first_of_next_month(first_of_next_month(day)); break;
        }
        std::optional<Date> expires;
        if (normative && rng_.chance(200)) {
            if (rng_.chance(40)) {
                expires = term_last_day(effective, trial ? 3 : 8);  // TERM_TOO_LONG (a defect)
            } else if (trial) {
                expires = term_last_day(effective, 1);
            } else if (rng_.chance(500)) {
                expires = term_last_day(effective, 3);
            } else {
                expires = end_of_year(effective.year() + rng_.between(1, 3));  // 有效期至 12 月 31 日
            }
        }
        self.published = day;
        self.effective = effective;
        if (expires) self.last = expires;
        else if (normative) self.last = term_last_day(effective, trial ? 2 : 5);

        // Relations, all to documents generated earlier (chosen first: a clean-up decision is
        // titled as one only if it ends something).
        rels_.clear();
        if (!cleanup_decision) {
            dependencies(a, kind, draft);
            citations(a_index);
        }
        if (!draft) modifications(a_index, self, cleanup_decision);
        const bool ends_some = std::any_of(rels_.begin(), rels_.end(), [](const Rel& r) {
            return r.kind == RelationKind::repeals || r.kind == RelationKind::declares_invalid;
        });

        draft::Document& d = doc_;
        d.id.clear();
        if (draft) {
            d.id += a.id;
            d.id += "-draft-";
            append_number(d.id, ++drafts_);
        } else {
            append_doc_id(d.id, self);
        }
        d.kind = kind;
        d.number.clear();
        if (!draft) {
            std::uint32_t act = 0;
            if (kind == DocumentKind::law || kind == DocumentKind::administrative_regulation ||
                kind == DocumentKind::local_regulation || kind == DocumentKind::rule)
                act = ++act_serial_[static_cast<std::size_t>(a_index)];
            number(d.number, kind, a, year, self.serial, act);
        }
        d.title = title(kind, trial, a, subject, cleanup_decision && ends_some);
        if (trial) ++summary_.trial_documents;

        // Issuers: joint issuance by sibling departments (联合发文).
        std::size_t issuers = 0;
        set_ref(d.issuers, issuers, a.id);
        if (a.role == Role::department && rng_.chance(60)) {
            const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
            const int extra = rng_.between(1, 2);
            int last_added = a_index;
            for (int k = 0; k < extra; ++k) {
                const int other = p.departments[rng_.below(static_cast<std::uint32_t>(p.departments.size()))];
                if (other == a_index || other == last_added || !tree_.alive(other, day)) continue;
                set_ref(d.issuers, issuers, auth(other).id);
                last_added = other;
            }
        }
        d.issuers.resize(issuers);
        // Drafter: a department drafts most government documents.
        d.drafter.reset();
        if ((a.role == Role::government || a.role == Role::office) && rng_.chance(600)) {
            const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
            if (!p.departments.empty()) {
                const int dr = p.departments[rng_.below(static_cast<std::uint32_t>(p.departments.size()))];
                if (tree_.alive(dr, day)) d.drafter = ref_to(auth(dr).id);
            }
        }
        std::size_t subjects = 0;
        set_text(d.subjects, subjects, subject.tag);
        if (rng_.chance(200)) set_text(d.subjects, subjects, k_subjects[rng_.below(k_subject_count)].tag);
        d.subjects.resize(subjects);

        d.published.reset();
        d.effective.reset();
        d.expires.reset();
        if (!draft) {
            d.published = day;
            if (effective != day || rng_.chance(300)) d.effective = effective;
            d.expires = expires;
        }

        draft::Procedure& pr = d.procedure;
        pr.assessment.reset();
        pr.consultation.reset();
        pr.expert_review.reset();
        pr.risk_assessment.reset();
        pr.filing.reset();
        std::size_t reviews = 0, decisions = 0;
        if (normative || kind == DocumentKind::rule) procedure(pr, reviews, decisions, a, day, draft);
        pr.legality_reviews.resize(reviews);
        pr.collective_decisions.resize(decisions);

        std::size_t relations = 0;
        for (const Rel& r : rels_) {
            if (relations == d.relations.size()) d.relations.emplace_back();
            draft::Relation& out = d.relations[relations++];
            out.kind = r.kind;
            out.target.id.clear();
            append_doc_id(out.target.id, r.target);
            out.date = r.date;
            out.until = r.until;
            ++summary_.relations_by_kind[static_cast<std::size_t>(r.kind)];
        }
        d.relations.resize(relations);

        d.events.clear();
        if (!draft) events(d.events, day, effective);

        // What later documents may point at (after the relations: nothing points at itself).
        if (!draft) {
            if (is_hub_kind(kind, a)) {
                self.hub = static_cast<int>(hubs_.size());
                Hub h;
                h.ref = self;
                h.scope = static_cast<std::uint32_t>(a.hub_scope);
                h.weight = hub_weight(kind);
                h.position = samplers_[h.scope].add(static_cast<std::uint32_t>(self.hub), h.weight);
                hubs_.push_back(h);
            }
            if (kind != DocumentKind::other) samples_[static_cast<std::size_t>(a_index)].add(self, rng_);
        }
    }

    // The next element of a reused vector (`used` of them taken so far), set to `id` / `text`.
    static void set_ref(std::vector<draft::Ref>& v, std::size_t& used, std::string_view id) {
        if (used == v.size()) v.emplace_back();
        v[used++].id.assign(id.data(), id.size());
    }
    static void set_text(std::vector<std::string>& v, std::size_t& used, std::string_view text) {
        if (used == v.size()) v.emplace_back();
        v[used++].assign(text.data(), text.size());
    }

    bool already(const DocRef& t) const {
        for (const Rel& r : rels_)
            if (r.target.index == t.index) return true;
        return false;
    }

    // Dependencies: about 2.5 per normative document, fewer for upper-level ones.
    void dependencies(const Auth& a, DocumentKind kind, bool draft) {
        static constexpr std::uint32_t k_normative[] = {20, 120, 250, 280, 190, 100, 40};  // 0..6 bases
        static constexpr std::uint32_t k_rule[] = {0, 300, 400, 300};
        static constexpr std::uint32_t k_regulation[] = {100, 500, 300, 100};
        static constexpr std::uint32_t k_other[] = {500, 400, 100};
        std::size_t count = 0;
        switch (kind) {
        case DocumentKind::law: count = 0; break;
        case DocumentKind::administrative_regulation:
        case DocumentKind::local_regulation: count = rng_.weighted(k_regulation); break;
        case DocumentKind::rule: count = rng_.weighted(k_rule); break;
        case DocumentKind::normative:
        case DocumentKind::party_normative: count = rng_.weighted(k_normative); break;
        case DocumentKind::other: count = rng_.weighted(k_other); break;
        }
        (void)draft;
        for (std::size_t k = 0; k < count; ++k) {
            for (int attempt = 0; attempt < 4; ++attempt) {
                const auto t = dependency_target(a);
                if (!t || already(*t)) continue;
                // Laws and regulations rest only on higher kinds.
                if (kind < DocumentKind::normative && t->kind >= kind && t->kind != DocumentKind::law) continue;
                rels_.push_back({rng_.chance(300) ? RelationKind::implements : RelationKind::based_on, *t});
                if (t->hub != k_no) ++hubs_[static_cast<std::size_t>(t->hub)].dependents;
                break;
            }
        }
    }

    // Plain citations (cites): a few, to hubs or to the authority's own earlier documents.
    void citations(int a_index) {
        static constexpr std::uint32_t k_cites[] = {600, 250, 100, 50};
        const std::size_t count = rng_.weighted(k_cites);
        for (std::size_t k = 0; k < count; ++k) {
            std::optional<DocRef> t;
            if (rng_.chance(500)) {
                t = dependency_target(auth(a_index));
            } else {
                const Sample& own = samples_[static_cast<std::size_t>(a_index)];
                if (own.size() > 0) t = own.at(rng_.below(static_cast<std::uint32_t>(own.size())));
            }
            if (t && !already(*t)) rels_.push_back({RelationKind::cites, *t});
        }
    }

    // Amendments, repeals, supersessions, invalidations and extensions of the authority's own
    // earlier documents; a clean-up decision ends a batch of them.
    // An ended hub is no longer a basis for new documents.
    void retire(const DocRef& t) {
        if (t.hub == k_no) return;
        Hub& h = hubs_[static_cast<std::size_t>(t.hub)];
        if (h.retired) return;
        h.retired = true;
        samplers_[h.scope].retire(h.position, h.weight);
    }

    void modifications(int a_index, const DocRef& self, bool cleanup_decision) {
        Sample& own = samples_[static_cast<std::size_t>(a_index)];
        if (cleanup_decision) {
            Sample* pools[] = {&own, &samples_[static_cast<std::size_t>(auth(a_index).government)]};
            for (Sample* pool : pools) {
                for (std::size_t i = 0; i < pool->size();) {
                    const DocRef t = pool->at(i);
                    const bool expired = t.last && *t.last < self.published;
                    if (t.effective <= self.effective && (expired || rng_.chance(250)) && !already(t)) {
                        rels_.push_back({expired ? RelationKind::declares_invalid : RelationKind::repeals, t});
                        retire(t);
                        pool->remove(i);
                        continue;
                    }
                    ++i;
                }
            }
            return;
        }
        if (own.size() == 0) return;
        const std::size_t slot = rng_.below(static_cast<std::uint32_t>(own.size()));
        const DocRef t = own.at(slot);
        if (already(t) || t.effective > self.effective) return;
        const std::uint32_t roll = rng_.below(1000);
        if (roll < 95) {
            Rel r{RelationKind::amends, t};
            if (rng_.chance(200)) r.date = self.effective;
            rels_.push_back(r);
        } else if (roll < 135) {
            retire(t);
            own.remove(slot);
            Rel r{RelationKind::repeals, t};
            if (rng_.chance(400)) r.date = self.effective;
            rels_.push_back(r);
        } else if (roll < 175) {
            retire(t);
            own.remove(slot);
            rels_.push_back({RelationKind::supersedes, t});
        } else if (roll < 185) {
            if (!t.last || *t.last >= self.published) return;
            retire(t);
            own.remove(slot);
            rels_.push_back({RelationKind::declares_invalid, t});
        } else if (roll < 215) {
            // SPEC §4: an extension counts only if dated on or before the last day it extends;
            // this one is dated on the source's effective day, on or before the target's last day.
            if (!t.last || *t.last < self.effective || !is_normative(t.kind)) return;
            Rel r{RelationKind::extends, t};
            r.until = rng_.chance(500) ? end_of_year(t.last->year() + rng_.between(1, 3))
                                       : term_last_day(*t.last + days(1), rng_.between(1, 3));
            rels_.push_back(r);
        }
    }

    // The procedure record, with realistic defects.
    // Fills `out`, whose optional steps are empty; `reviews` and `decisions` count the elements of
    // its (reused) vectors that are taken.
    void procedure(draft::Procedure& out, std::size_t& reviews, std::size_t& decisions, const Auth& a, Date day,
                   bool draft) {
        if (rng_.chance(700)) out.assessment = draft::Step{day - days(rng_.between(120, 150)), 0};
        if (!rng_.chance(100)) {  // 10 % publish without consultation
            const Date from = day - days(rng_.between(80, 100));
            const int length = rng_.chance(70) ? rng_.between(7, 29) : rng_.between(30, 45);  // 7 % too short
            out.consultation = draft::Consultation{from, from + days(length - 1), 0};
        }
        if (rng_.chance(400)) out.expert_review = draft::Step{day - days(rng_.between(50, 60)), 0};
        if (rng_.chance(350)) out.risk_assessment = draft::Step{day - days(rng_.between(45, 55)), 0};
        const Date decision = day - days(rng_.between(10, 20));
        const int reviewer = a.justice != k_no ? tree_.acting(a.justice, day) : k_no;
        const std::uint32_t review = rng_.below(1000);
        auto legality = [&](Date date, LegalityOutcome outcome) {
            if (reviews == out.legality_reviews.size()) out.legality_reviews.emplace_back();
            draft::LegalityReview& r = out.legality_reviews[reviews++];
            r.date = date;
            r.outcome = outcome;
            if (reviewer == k_no) r.by.reset();
            else if (r.by) r.by->id = auth(reviewer).id;
            else r.by = ref_to(auth(reviewer).id);
        };
        auto decided = [&](Date date, DecisionOutcome outcome) {
            if (decisions == out.collective_decisions.size()) out.collective_decisions.emplace_back();
            draft::CollectiveDecision& c = out.collective_decisions[decisions++];
            c.date = date;
            c.body = a.body;
            c.outcome = outcome;
        };
        if (review < 40) {
            // missing (4 %)
        } else if (review < 60) {
            legality(decision + days(rng_.between(1, 9)), LegalityOutcome::lawful);  // after the decision (2 %)
        } else if (review < 80) {
            // revised and reviewed again
            legality(decision - days(rng_.between(20, 30)), LegalityOutcome::unlawful);
            legality(decision - days(rng_.between(3, 8)), LegalityOutcome::lawful_with_changes);
        } else {
            // The outcome is drawn before the day (the order of the seeds' bytes).
            const LegalityOutcome outcome =
                rng_.chance(770) ? LegalityOutcome::lawful : LegalityOutcome::lawful_with_changes;
            legality(decision - days(rng_.between(3, 15)), outcome);
        }
        const std::uint32_t decide = rng_.below(1000);
        if (draft) {
            // not decided yet
        } else if (decide < 35) {
            // missing (3.5 %)
        } else {
            if (decide < 65) decided(decision - days(rng_.between(20, 40)), DecisionOutcome::deferred);
            decided(decision, DecisionOutcome::adopted);
        }
        if (!draft && a.filed_with != k_no) {
            const std::uint32_t filing = rng_.below(1000);
            if (filing >= 60) {  // 6 % never filed
                const Date date = filing < 120 ? day + days(rng_.between(31, 120))
                                               : day + days(rng_.between(3, 30));  // 6 % late
                out.filing.emplace();
                out.filing->date = date;
                out.filing->with = ref_to(auth(tree_.acting(a.filed_with, date)).id);
            }
        }
    }

    void events(std::vector<draft::Event>& out, Date day, Date effective) {
        const std::uint32_t roll = rng_.below(1000);
        if (roll >= 16) return;
        const Date date = std::min(k_last_day, std::max(effective, day) + days(rng_.between(30, 2000)));
        if (roll < 10) {
            out.push_back({EventType::amendment, date, "external: 上级机关修改决定", 0});
        } else if (roll < 13) {
            out.push_back({EventType::repeal, date, "external: 上级机关废止决定", 0});
        } else {
            out.push_back({EventType::invalidation, date, {}, 0});
        }
    }

    const GenerateOptions& options_;
    Rng rng_;
    AuthorityTree tree_;
    detail::xml::CorpusWriter out_;
    draft::Document doc_;
    GenerateSummary summary_;
    std::vector<Hub> hubs_;
    std::vector<HubSampler> samplers_;
    std::vector<Sample> samples_;
    std::vector<std::uint16_t> year_;
    std::vector<std::uint32_t> serial_, act_serial_;
    std::uint64_t drafts_ = 0;
    std::vector<Rel> rels_;
};

}  // namespace

GenerateSummary generate(const GenerateOptions& options, OutputSink& sink) {
    if (options.documents == 0) throw std::invalid_argument("generate: at least one document");
    if (options.documents > 0xffffffffULL) throw std::invalid_argument("generate: at most 4294967295 documents");
    Generator g(options, sink);
    return g.run();
}

std::string generate_corpus_xml(const GenerateOptions& options, GenerateSummary* summary) {
    std::string xml;
    StringSink sink(xml);
    const GenerateSummary s = generate(options, sink);
    if (summary) *summary = s;
    return xml;
}

}  // namespace normdoc
