"""Words of commitment, comparison and time: the tables the sentence rules read.

Each table maps a surface form to what it means. Extend a table to teach the
rules a new phrasing; the engine in targets.py does not change.
"""
from __future__ import annotations

import re

# Before a figure; the nearest one wins (in 达到…超过 the 超过 is nearer).
COMPARATOR_BEFORE = {
    "gt": ["超过", "突破", "大于", "多于", "高于", "超出", "逾", ">", "more than", "exceed", "exceeds", "exceeding",
           "exceeded", "over", "greater than", "higher than", "surpass", "surpassing", "beyond", "break through",
           "breaks through", "top", "tops", "topped", "topping"],
    "ge": ["达到", "达", "实现", "具备", "保持", "提供", "不低于", "不少于", "不小于", "至少", "提高到", "提高至", "提升到",
           "提升至", "增加到", "增加至", "增长到", "增至", "升至", "扩大到", "扩大至", "突破到", "≥", "reach", "reaches",
           "reaching", "reached", "achieve", "achieves", "achieving", "at least", "no less than", "not less than",
           "no fewer than", "arrive at", "rise to", "rising to", "increase to", "increased to", "grow to", "hit", "to",
           "cover", "covers", "covering", "above", "have", "has", "get", "enjoy", "available"],
    "le": ["不超过", "不高于", "不大于", "控制在", "以内", "≤", "at most", "no more than", "not more than",
           "not exceed", "not to exceed", "up to", "within"],
    "lt": ["低于", "少于", "小于", "<", "below", "less than", "fewer than", "under"],
    "approx": ["约", "大约", "近", "接近", "将近", "约为", "about", "around", "approximately", "nearly", "roughly",
               "some", "close to"],
    "eq": ["为", "是", "equal to"],
}
# One-character words count only right before the figure (近 in 近年来 is not "nearly").
ADJACENT_ONLY = {"达", "逾", "约", "近", "为", "是", ">", "<", "≥", "≤", "hit", "some", "over", "under", "to",
                 "cover", "covers", "covering", "top", "tops", "topped", "topping"}

# After a figure: 20Mbps以上 -> ge; 左右 -> approx.
COMPARATOR_AFTER = {
    "ge": ["以上", "及以上", "或以上", "and above", "or above", "or more", "and more", "or higher", "plus", "above"],
    "le": ["以下", "及以下", "以内", "之内", "or less", "or below", "at most"],
    "approx": ["左右", "上下", "或多或少"],
}

# Words that say the figures after them in the sentence are facts about the past or present.
PAST_MARKERS = ["已经", "已达", "已有", "已建成", "已实现", "已覆盖", "已完成", "已超过", "已突破", "已开通", "现已",
                "截至", "截止", "目前", "现有", "当前", "去年", "上年", "前年", "实际完成",
                "totaled", "totalled", "amounted to", "stood at", "as of", "at present", "currently", "so far",
                "last year", "already", "was", "were", "had", "had reached", "has risen", "grew", "rose", "fell",
                "increased", "dropped", "have since", "has since", "delivered", "been growing",
                "仅", "统计"]
# Words that make only the figure right after them a past value: "50 percent, up from 37 percent".
LOCAL_PAST_MARKERS = ["up from", "compared with", "from", "比上年", "较上年", "去年同期"]
# After a figure: "reached 420 billion yuan last year".
PAST_AFTER = ["last year", "a year earlier", "a year ago", "already", "去年"]
# A clause with these reports someone's guess, a market move, a survey or a ranking, not a policy target:
# its figures, and those after it in the sentence, are left out ("an analyst estimated that…", 排名第17位).
NOT_TARGETS = ["analyst", "analysts", "estimated", "estimates", "forecast", "forecasts", "predicted", "could",
               "might", "shares of", "stock", "we expect", "we model", "we estimate", "we forecast", "we believe",
               "implies", "imply", "CAGR", "YoY", "would", "ranked", "ranking", "respondents", "survey", "surveyed",
               "poll", "he expected", "she expected", "he expects", "she expects",
               "股价", "券商", "分析师", "分析人士", "业内人士", "研究员", "专家预计", "专家预测", "公司预计", "预测", "预估",
               "测算", "估算", "估计", "或将", "可能高达", "可能达到", "排名", "受访"]
# After a reporting verb these are a reported "will", not a hedge: "Wang said charges would be cut by 30 percent".
REPORTED_FUTURE = ["would"]
REPORTING_VERBS = ["said", "says", "told", "announced", "stated", "added", "pledged", "promised", "according to"]
NOT_TARGET_PATTERNS = [r"\b(?:19|20)\d\dE\b",  # an analyst's estimate year: 2017E
                       r"(?:中国移动|中国联通|中国电信|中国铁塔|运营商|公司)[^。；;]{0,20}预计",  # a company's expectation
                       r"%\s(?:said|say|cited|reported)\b"]  # what a share of respondents said
# A money or percent figure in these is a rule of a fund (单个项目补助不超过500万元, 按总投资30%的比例给予补助),
# not a target to reach.
# FUND_RULES is tried only in sentences that hold one of these: most hold none.
FUND_WORDS = ("补", "奖", "资助", "贴息", "拨付", "subsid", "grant", "reward", "award", "per project", "one-off")
# A share or amount that qualifies who gets a grant (对完成率达到100%的运营企业…给予奖励) or says how it
# is paid (验收合格后拨付70%) is part of the rule too.
FUND_RULES = re.compile(r"(?:单个|单项|每个|每项|每户|每村|最高|原则上|一次性|按.{0,12}?比例).{0,16}?"
                        r"(?:补助|补贴|奖励|资助|贴息|奖补)"
                        r"|(?:补助|补贴|奖励|资助|贴息|奖补).{0,8}?(?:单个|每个|每项|最高|原则上|不超过)|拨付"
                        r"|对[^，。；]{0,30}的(?:运营)?(?:企业|单位|运营商|项目)|%给予(?:补助|补贴|奖励|资助|奖补)"
                        r"|比例给予(?:补助|补贴|奖励)|per project|up to .{0,20}subsid|\beach\b.{0,60}subsid"
                        r"|\bone-off\b|(?:reward|award|grant|subsid\w*) of up to|\bsubsid\w*\b.{0,80}?\b(?:up to|maximum)\b")
# In a province's, a city's or a district's document, the goals it quotes from another (国家《规划》提出，
# 到2025年全国…; 根据《浙江省…规划》，到2020年全省…) are not its own, unless it takes them on for itself
# in words of its own level (全市, 我市) after quoting them.
_QUOTING = r"[^。；;\n]{0,40}?(?:提出|要求|明确)|(?:根据|按照|依据)《[^》\n]{2,60}》|《[^》\n]{2,60}》(?:提出|要求|明确)"
QUOTED_GOALS = {"province": re.compile(rf"(?:国家|国务院|工信部|工业和信息化部|中央){_QUOTING}"),
                "city": re.compile(rf"(?:国家|国务院|工信部|工业和信息化部|中央|省){_QUOTING}"),
                "district": re.compile(rf"(?:国家|国务院|工信部|工业和信息化部|中央|省|市){_QUOTING}")}
OWN_LEVEL_WORDS = {"province": re.compile(r"[全我本]省|全区|自治区"), "city": re.compile(r"[全我本]市|[我本]州"),
                   "district": re.compile(r"[全我本][区县]")}
# Pairs of characters that say how or where a figure is set, not what it measures: two figures the
# catalogue cannot name are told apart by the other pairs of the words before them.
FILLER_PAIRS = {"达到", "实现", "超过", "突破", "不低", "低于", "不少", "少于", "以上", "以下", "左右", "力争", "争取",
                "推动", "推进", "完成", "提高", "提升", "累计", "年均", "全省", "全市", "全县", "全区", "我省", "我市",
                "每年", "年底", "年末", "比例", "确保", "基本", "保持", "新增", "新建", "建设", "建成"}
# A scaled number with no unit word is a count when its subject says "the number of" (用户数达到300万).
BARE_COUNT = re.compile(r"(?i)\bnumber of\b|数量|总数|(?:用户|人|户|连接|终端)数")
# Words that commit to an amount even without a year or a comparator: 市财政每年安排专项资金1000万元.
COMMITMENT = ["安排", "争取", "投入", "设立", "筹集", "落实", "新增", "新建", "建成", "帮助", "带动", "培训", "惠及",
              "allocate", "earmark", "invest", "set aside"]

# Words of intent: with them a "截至2015年底" or "2015年第一季度" is a deadline, not a measurement.
FUTURE_MARKERS = ["将", "要达到", "要实现", "需要达到", "力争", "争取", "计划", "预计", "目标", "确保",
                  "will", "expected", "plan", "aim", "target", "strive", "should", "shall"]

# What is left of a figure's subject once these go is its own noun; when nothing is left
# ("市级城市达到90%", "and 98% in 2020") the figure continues the list before it.
FILLER = re.compile(r"(?i)\b(?:and|or|while|it|its|should|shall|will|would|be|is|are|the|a|an|of|in|for|with|to|"
                    r"also|respectively|reach(?:es|ing)?|more|than|at|least|by|households?|homes?|families|users?"
                    r"|areas?|some|residential|total|(?:19|20)\d\d)\b"
                    r"|\([^()\d]{0,16}\)|其中|以及|以上|以下|也|将|要|和|及|与|的|分别|家庭|用户|地区|[\W\d_]")

# Between two figures of one list (50Mbps、20Mbps和10Mbps; 70% and 85%; 55%/65%).
LIST_SEPARATOR = re.compile(
    r"^\s?(?:\([^()\d]{0,16}\))?\s?(?:、|,|和|及|与|以及|或|/|;|and|or|to|\s)*\s?$")

# (Patterns used with a start position carry no ^: they are anchored by match().)
# A figure that qualifies a noun instead of setting a level: 20户以上自然村 (villages of 20+ households),
# 十亿元规模以上的企业 (firms above a size), 100Mbps光纤接入能力 / 8兆每秒以上的用户 (a speed class).
# Percentages are never qualifiers here: 60%的软件企业 is a share, a target of its own.
_HAN = r"[^\W\d_A-Za-z]"  # a letter that is not Latin: a Chinese character here (cheap to compile)
_MONEY_CLASS = re.compile(rf"(?:规模)?(?:以上|以下|及以上)?(?:规模)?(?:的|级)|(?:以上|以下){_HAN}")
QUALIFIER_AFTER = {
    "count": re.compile(rf"(?:以上|以下|及以上)(?:的|{_HAN})"  # 20户以上自然村
                        r"|(?i:\s(?:above|and above|or more) (?:natural |administrative )?villages?\b)"),
    "CNY": _MONEY_CLASS,
    "USD": _MONEY_CLASS,
    "Mbps": re.compile(rf"\s?(?:\([^()]{{0,16}}\))?\s?(?:(?:以上|及以上|以下)(?:的|{_HAN})|(?!以上|及以上|以下|左右|以内)(?:的|{_HAN}))"
                       r"|(?i:\s(?:and above |or above |or more |and faster )?(?:broadband |fib(?:er|re) )?"
                       r"(?:users|households|subscribers|packages?|plans?|services?|connections?|lines?|networks?)\b)"
                       r"|(?i:\s?(?:wi-?fi|wlan)(?![a-z]))"),  # 千兆WiFi, "gigabit Wi-Fi": a kind of network
}
# After a speed written as a word (千兆, 百兆): a kind of network named, not a level set (实现千兆光网全覆盖,
# 千兆城市); 达到千兆接入能力 still sets one.
NETWORK_KIND_AFTER = re.compile(r"光网|光纤|网络|宽带(?!接入)|城市|小区|专线|[”\"]|(?i:wi-?fi)")  # “百城千兆”: a name
# Before a figure: "villages with more than 20 households" are a kind of village, not 20 households.
# "a country of 1.4 billion people" describes the country.
QUALIFIER_BEFORE = {"count": re.compile(r"(?i)\bvillages? with (?:more than |over |at least )?$"
                                        r"|\b(?:country|nation|province|city|region) of (?:about |some |nearly |over )?$")}
# Verbs that take a capability as object: 具备100Mbps接入能力 is a threshold when a share is set.
THRESHOLD_VERBS = re.compile(r"(?:具备|具有|享有|使用|提供|能够提供)$"
                             r"|\b(?:have|has|having|with|access|accessing|capable of|get|enjoy|enjoying)(?:\s[\w-]+){0,5}\s?$")
# Verbs that set a count as a goal: 培育10家以上…企业 is ten firms, not a size class.
COUNT_VERBS = re.compile(r"(?:培育|新增|新建|建设|建成|发展|引进|打造|扶持|培养|完成|部署|开通|推广|认定|创建|帮助|带动|培训|惠及"
                         r"|推动|支持|吸引|遴选|评选)$")
# Verbs that set up a fund of a size: 设立总规模20亿元的产业投资基金 is a 20亿元 fund, not a size class.
FUND_VERBS = re.compile(r"(?:设立|组建|成立|设置|筹集)[^，。；,;]{0,8}$")

# Marks that end a clause for the purpose of finding a figure's subject; a comma between digits (1,000) does not.
# The pattern opens with the marks (what precedes and follows a comma is looked at after it), so the regex
# engine skips from mark to mark instead of trying a look-behind at every character.
CLAUSE_BREAK = re.compile(r"[:;，：；,](?:(?<!\d,)|(?!\d))")

# Heading markers at the head of a line, from outer to inner as Chinese documents nest them;
# a heading ends the deadline year set under a heading of its own rank or deeper.
# A section under one of these headings tells how things stand (一、发展基础): its figures are
# baselines unless due after the document's date.
REVIEW_HEADINGS = re.compile(r"(?i)发展基础|发展现状|现状|基础条件|工作基础|基本情况|发展成效|主要成效|取得的成[绩效]|回顾"
                             r"|background|current situation|achievements")
# How deep a section each heading marker opens. As the GUIDE has it, a deadline year carries on
# until a section heading (第一章, 一、, or 1. at the head of a line) ends the years set at its depth
# or deeper; a sub-section's marker ((一), (1), not listed) ends none.
SECTION_DEPTH = {"chapter": 0, "cn_dun": 1, "roman": 1, "ar_dot": 1}
HEADING_MARKERS = [
    ("chapter", r"第[一二三四五六七八九十]+[章节部分篇]"),
    ("cn_dun", r"[一二三四五六七八九十]+[、.]"),
    ("roman", r"(?:I{1,3}|IV|VI{0,3}|IX|X)\.\s"),  # English versions number their sections I. II. III.
    ("cn_paren", r"\([一二三四五六七八九十]+\)"),
    ("ar_dot", r"\d{1,2}(?:[、。]|\.(?!\d))"),
    ("ar_paren", r"\(\d{1,2}\)"),
]
