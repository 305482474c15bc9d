"""What a figure measures and for whom: phrases -> indicator keys and scopes, and the catalogue file."""
import json
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tridoc import extract_text
from tridoc.catalogue import DEFAULT_PATH, CatalogueError, load_catalogue, parse_catalogue, required_strings
from tridoc.normalize import normalize
from tridoc.words import Needles

CATALOGUE = load_catalogue()


def indicator(text, unit):
    """Cues are matched on the normalised text (simplified script, no stray spaces), as in the engine."""
    cues = CATALOGUE.indicator_cues(normalize(text).text, unit)
    return max(cues, key=lambda c: (c.length, c.end)).key if cues else "other"


@pytest.mark.parametrize("phrase, unit, key", [
    ("固定宽带家庭普及率达到", "percent", "broadband.household_penetration"),
    ("固定寬帶家庭普及率達到", "percent", "broadband.household_penetration"),
    ("fixed broadband household penetration will reach", "percent", "broadband.household_penetration"),
    ("城市家庭宽带接入能力基本达到", "Mbps", "broadband.access_speed"),
    ("The access bandwidth for urban residents generally reaches", "Mbps", "broadband.access_speed"),
    ("县级城市有线电视网双向网改率达到", "percent", "cabletv.two_way"),
    ("有线电视网络数字化率达到", "percent", "cabletv.digitization"),
    ("移动互联网用户普及率超过", "percent", "mobile.user_penetration"),
    ("3G/4G 用户普及率达到", "percent", "mobile.user_penetration"),
    ("互联网普及率达到", "percent", "internet.penetration"),
    ("无线宽带网络覆盖率达到", "percent", "wireless.coverage"),
    ("The city's export bandwidth reaches", "Mbps", "broadband.export_bandwidth"),
    ("互联网国际出口带宽", "Mbps", "broadband.export_bandwidth"),
    ("新区电子商务交易额要达到", "CNY", "ecommerce.volume"),
    ("電子商務交易額超過", "CNY", "ecommerce.volume"),
    ("online retail transaction volume exceeding", "CNY", "ecommerce.online_retail"),
    ("第三方支付资金达", "CNY", "payment.third_party"),
    ("大宗商品电子交易额达到", "CNY", "commodity.e_trading"),
    ("the consumption scale of new information services based on the Internet has reached", "CNY",
     "info_services.scale"),
    ("全省信息消费产业规模达到", "CNY", "info_consumption.scale"),
    ("with an average annual growth of more than", "percent", "info_consumption.growth"),
    ("driving new output in related industries to exceed", "CNY", "industry.output"),
    ("新建4G基站要超过", "count", "mobile.base_stations"),
    ("1.2 million 4G base stations", "count", "mobile.base_stations"),
    ("光纤到户( FTTH )用户", "count", "fiber.users"),
    ("FTTH 覆盖家庭", "count", "fiber.coverage"),
    ("行政村通宽带比例", "percent", "broadband.village_coverage"),
    ("网民数量", "count", "internet.users"),
    ("城乡宽带平均资费水平较2014年下降", "percent", "price.reduction"),
    ("IPTV用户达到", "count", "tv.users"),
    ("网络文化产业总体经营收入要达到", "CNY", "culture.network_revenue"),
    ("全市宽带网络建设投资", "CNY", "investment"),
    ("软件企业实现服务化转型", "percent", "other"),
    ("高清互動電視用戶突破", "count", "tv.users"),
    ("5G网络用户体验速率不低于", "Mbps", "mobile.access_speed"),
    ("新建住宅小区光纤到户比例达到", "percent", "fiber.coverage"),
    # found by the fifth independent set (wild5)
    ("4G网络人口覆盖率达到", "percent", "wireless.coverage"), ("3G网络城区覆盖率达到", "percent", "wireless.coverage"),
    ("重点场所5G网络通达率达到", "percent", "wireless.coverage"),
    ("行政村5G通达率达到", "percent", "broadband.village_coverage"),
    ("全省行政村光纤和4G网络通达率分别达到", "percent", "broadband.village_coverage"),
    ("30户以上自然村4G网络覆盖率达到", "percent", "wireless.coverage"),
    ("全省5G基地台達到", "count", "mobile.base_stations"), ("全省5G個人用戶普及率達到", "percent", "mobile.user_penetration"),
    ("cross-border fiber bandwidth of no less than", "Mbps", "broadband.export_bandwidth"),
    ("用户体验速率达到", "Mbps", "mobile.access_speed"),
    ("自治区财政每年安排信息消费专项资金", "CNY", "investment"),
    ("直播卫星“户户通”用户达到", "count", "tv.users"),
    # machine translation writes the singular
    ("the administrative village passes through optical fiber ratio reach to", "percent", "broadband.village_coverage"),
    ("rural broadband user newly increase", "count", "broadband.users"),
])
def test_phrases_name_their_indicator(phrase, unit, key):
    assert indicator(phrase, unit) == key


@pytest.mark.parametrize("phrase, scopes", [
    ("城市家庭宽带接入能力", ["urban"]), ("农村家庭", ["rural"]), ("其中部分城市", ["some_cities"]),
    ("县级城市有线电视网", ["county"]), ("市级城市", ["prefecture"]), ("新建楼宇光纤覆盖率", ["new_buildings"]),
    ("大型企事业单位接入带宽", ["enterprise"]), ("Commercial building users", ["enterprise"]),
    ("the access bandwidth for towns and streets", ["town"]), ("first-tier cities", ["some_cities"]),
    ("城市、乡镇、农村家庭宽带接入能力", ["urban", "town", "rural"]), ("城市和农村", ["urban", "rural"]),
    ("中小学", ["public"]), ("广州市互联网普及率", []), ("全市", []), ("部分城市家庭用户", ["some_cities"]),
])
def test_phrases_name_their_scopes(phrase, scopes):
    assert [c.key for c in CATALOGUE.scope_cues(normalize(phrase).text)] == scopes


@pytest.mark.parametrize("raw, message", [
    ("[[indicator]\nkey = 1", "not valid TOML"),
    ('[[indicator]]\nkey = "a"\nlabel_en = "A"\nunits = ["furlongs"]\n', ":1: [[indicator]] #1: units"),
    ('[[indicator]]\nkey = "a"\nlabel_en = "A"\nunits = ["percent"]\n\n[[indicator]]\nkey = "b"\nunits = ["percent"]\n',
     ":6: [[indicator]] #2: label_en"),
    ('[[indicator]]\nkey = "a"\nlabel_en = "A"\nunits = ["percent"]\npatterns = ["(unclosed"]\n', "does not compile"),
    ('[[scope]]\nkey = "urban"\ncues = ["城市"]\n', "no [[indicator]] entries"),
    ('[[thing]]\nkey = "a"\n', "unknown table"),
])
def test_bad_catalogues_name_the_problem_and_the_line(tmp_path, raw, message):
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(raw, tmp_path / "cat.toml")
    assert message in str(err.value) and "cat.toml" in str(err.value)


USER_ENTRY = '''
[[indicator]]
key = "energy.intensity_cut"
family = "energy"
label_en = "Cut in energy use per unit of GDP"
label_zh = "单位GDP能耗下降"
units = ["percent"]
cues = ["单位GDP能耗", "单位国内生产总值能耗", "energy intensity"]
'''


def test_a_user_catalogue_adds_an_indicator_end_to_end(tmp_path):
    catalogue = tmp_path / "energy.toml"
    catalogue.write_text(DEFAULT_PATH.read_text(encoding="utf-8") + USER_ENTRY, encoding="utf-8")
    doc = tmp_path / "plan.txt"
    doc.write_text("到2015年，单位GDP能耗下降16%，固定宽带家庭普及率达到50%。", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tridoc", "extract", str(doc), "--catalogue", str(catalogue),
                          "--format", "json"], capture_output=True, text=True, check=True).stdout
    got = {t["indicator"]: t["value"] for t in json.loads(out)["targets"]}
    assert got == {"energy.intensity_cut": 16.0, "broadband.household_penetration": 50.0}
    listed = subprocess.run([sys.executable, "-m", "tridoc", "indicators", "--catalogue", str(catalogue),
                             "--format", "json"], capture_output=True, text=True, check=True).stdout
    assert "energy.intensity_cut" in [i["key"] for i in json.loads(listed)]


def test_without_the_user_catalogue_the_figure_has_no_indicator():
    [t] = [t for t in extract_text("到2015年，单位GDP能耗下降16%。").targets]
    assert t.indicator != "energy.intensity_cut"


def test_a_runaway_pattern_in_a_user_catalogue_does_not_hang(tmp_path):
    raw = DEFAULT_PATH.read_text(encoding="utf-8") + (
        '\n[[indicator]]\nkey = "bad.pattern"\nlabel_en = "Bad"\nunits = ["percent"]\n'
        "patterns = ['(?:x+x+)+y']\n")
    catalogue = parse_catalogue(raw, tmp_path / "bad.toml")
    text = "x" * 5000 + "达到50%"
    assert [c.key for c in catalogue.indicator_cues(text, "percent")] == []


@pytest.mark.parametrize("pattern, strings", [
    (r"broadband (?:\w+ ){0,3}speed", {"broadband "}),
    (r"(?:3G|4G) users", {"3g users", "4g users"}),                  # case-insensitive: lower-cased
    (r"有线电视.{0,6}用户", {"有线电视"}),
    (r"\b(?:cut|lower)\w*\b.{0,40}?\bprices?\b", {"price", "prices"}),
    (r"a|", None),                       # a branch that takes nothing
    (r"(?:fib(?:er|re)|optical) (?:\w+ ){0,5}?cover\w*", {"fiber ", "fibre ", "optical "}),  # the longest it must hold
    (r"(?:fib(?:er|re)|optical)(?:[- ]optic)? (?:\w+ ){0,5}?cover\w*", {"cover"}),
    (r"\p{Han}+普及率", None),           # syntax only the regex module reads
    (r"(?:broadband){e<=1}", None),      # a fuzzy match holds no exact string
    (r"[[:alpha:]]+speed", None),
])
def test_the_strings_every_match_of_a_pattern_holds(pattern, strings):
    assert required_strings(pattern) == strings


SHIPPED_PATTERNS = [p for entry in CATALOGUE.indicators.values() for p in entry.patterns]


@given(st.data())
def test_every_match_of_a_shipped_pattern_holds_one_of_its_strings(data):
    # The patterns are tried only where one of these strings may occur: a match without one would be lost.
    pattern = data.draw(st.sampled_from(SHIPPED_PATTERNS))
    text = data.draw(st.from_regex(re.compile(pattern, re.IGNORECASE), fullmatch=True))
    assert Needles([required_strings(pattern)]).which(text, 0, len(text)) == {0}


@pytest.mark.parametrize("phrase, unit, cue", [
    ("光纤到户用户占比超过60%", "percent", "光纤到户用户占比"),   # not the users' count pattern's 光纤到户用户
    ("光纤到户用户占固定宽带用户比例达到85%", "percent", "光纤到户用户占固定宽带用户比例"),
])
def test_where_two_patterns_match_at_one_place_the_longer_match_is_the_cue(phrase, unit, cue):
    cues = CATALOGUE.indicator_cues(phrase, unit)
    assert [phrase[c.start:c.end] for c in cues] == [cue]
