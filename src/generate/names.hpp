// The generator's words: subjects (tag and the words of a title), verbs, the characters of place
// names, the provinces, and the departments of government with their fate in the 2013 and 2018
// institutional reforms (机构改革). Data only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace normdoc::detail::gen {

struct Subject { std::string_view tag, words; };
inline constexpr Subject k_subjects[] = {
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
inline constexpr std::size_t k_subject_count = sizeof k_subjects / sizeof k_subjects[0];

inline constexpr std::string_view k_verbs[] = {"加快推进", "进一步加强", "促进", "规范", "完善", "深化",
                                        "推动", "支持", "做好", "加强和改进", "全面推进", "优化"};

// Character pool for synthetic place names (none of them is part of an organ's short name).
inline constexpr std::string_view k_name_chars[] = {
    "江", "阴", "宁", "安", "平", "阳", "山", "河", "清", "丰", "东", "西", "南", "北", "城", "泉", "林",
    "湖", "海", "川", "昌", "华", "兴", "德", "福", "永", "定", "庆", "长", "武", "和", "康", "盛",
    "嘉", "宝", "金", "玉", "石", "峰", "溪", "桥", "台", "原", "田", "乐", "吉", "祥", "泰", "顺",
    "广", "通", "远", "明", "光", "云", "龙", "凤", "鹤", "松", "柏", "桃", "梅", "兰", "竹", "春",
    "秋", "沙", "洲", "浦", "滨", "港", "口", "门", "关", "营", "堡", "集", "店", "岗", "坪", "坝",
    "岭", "谷", "源", "泽", "渠", "潭", "塘", "渡", "仁", "义", "礼", "信", "忠", "孝", "恩", "惠",
    "瑞", "兆", "荣", "富", "贵", "寿", "禄", "岳", "崇", "灵", "秀", "碧", "翠", "青", "红", "白"};
inline constexpr std::size_t k_name_char_count = sizeof k_name_chars / sizeof k_name_chars[0];

struct Province { std::string_view name, short_name, abbr; };
inline constexpr Province k_provinces[] = {
    {"江苏省", "江苏", "苏"}, {"浙江省", "浙江", "浙"}, {"广东省", "广东", "粤"}, {"山东省", "山东", "鲁"},
    {"河南省", "河南", "豫"}, {"四川省", "四川", "川"}, {"湖北省", "湖北", "鄂"}, {"湖南省", "湖南", "湘"},
    {"河北省", "河北", "冀"}, {"安徽省", "安徽", "皖"}, {"福建省", "福建", "闽"}, {"江西省", "江西", "赣"},
    {"辽宁省", "辽宁", "辽"}, {"陕西省", "陕西", "陕"}, {"山西省", "山西", "晋"}, {"云南省", "云南", "滇"},
    {"贵州省", "贵州", "黔"}, {"广西壮族自治区", "广西", "桂"}, {"吉林省", "吉林", "吉"},
    {"黑龙江省", "黑龙江", "黑"}, {"甘肃省", "甘肃", "甘"}, {"内蒙古自治区", "内蒙古", "蒙"},
    {"新疆维吾尔自治区", "新疆", "新"}, {"北京市", "北京", "京"}, {"上海市", "上海", "沪"},
    {"天津市", "天津", "津"}, {"重庆市", "重庆", "渝"}, {"海南省", "海南", "琼"}, {"宁夏回族自治区", "宁夏", "宁"},
    {"青海省", "青海", "青"}, {"西藏自治区", "西藏", "藏"}};
inline constexpr int k_max_provinces = sizeof k_provinces / sizeof k_provinces[0];

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
inline constexpr DepartmentType k_departments[] = {
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
inline constexpr std::size_t k_department_type_count = sizeof k_departments / sizeof k_departments[0];

// The index in k_departments of the department type with this code (std::logic_error if none).
std::size_t department_type(std::string_view code);

}  // namespace normdoc::detail::gen
