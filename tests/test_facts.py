"""Document facts: dates, document numbers, region, issuer, title, language."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tridoc import facts as facts_module
from tridoc.facts import document_facts, en_forms, parse_date, place_entries, zh_forms
from tridoc.models import DocumentInfo
from tridoc.normalize import normalize

SHARED = Path(__file__).resolve().parents[2] / "shared"


def facts(raw: str) -> dict:
    n = normalize(raw)
    return document_facts(n.text, n.traditional)


# ---------------------------------------------------------------------------
# (1) the real documents against their gold files, with the scorer's rules
# ---------------------------------------------------------------------------

def _gold_docs():
    pairs = [(d, SHARED / "eval/gold" / f"{d.stem}.gold.json") for d in sorted((SHARED / "seeds").glob("*.txt"))]
    pairs += [(d, SHARED / "eval/dev/gold" / f"{d.stem}.gold.json")
              for d in sorted((SHARED / "eval/dev/docs").glob("*.txt"))]
    return [pytest.param(d, g, id=d.stem[:24]) for d, g in pairs if g.exists()]


def _real_texts() -> list[str]:
    """The normalised texts of the real documents at hand (shared seeds and dev set, wild set)."""
    paths = [*sorted((SHARED / "seeds").glob("*.txt")), *sorted((SHARED / "eval/dev/docs").glob("*.txt")),
             *sorted((Path(__file__).parent / "data/wild/docs").glob("*.txt"))]
    return [normalize(p.read_text(encoding="utf-8")).text for p in paths]


GOLD_DOCS = _gold_docs()


@pytest.mark.skipif(not GOLD_DOCS, reason="../shared is not there")
@pytest.mark.parametrize("doc, gold", GOLD_DOCS)
def test_gold_region_and_date(doc: Path, gold: Path):
    want = json.loads(gold.read_text(encoding="utf-8"))["document"]
    got = facts(doc.read_text(encoding="utf-8"))
    if want["region"]:
        assert got["region"] and want["region"].lower() in got["region"].lower()
    else:
        assert got["region"] is None
    if want["date"]:
        assert str(got["date"]).startswith(want["date"])
    else:
        assert got["date"] is None
    DocumentInfo(**got)  # the dict fits the output model


@pytest.mark.skipif(not GOLD_DOCS, reason="../shared is not there")
def test_seed_003_keeps_both_dates_and_own_number():
    got = facts((SHARED / "seeds/003_40dd9cc1b2a28e96.txt").read_text(encoding="utf-8"))
    assert got["issued"] == dt.date(2014, 2, 22)      # signature "2014 2 22" under 湖南省人民政府
    assert got["published"] == dt.date(2014, 4, 29)   # 发布时间:2014-04-29
    assert got["doc_number"] == "湘政发〔2014〕8号"     # not the cited 国发〔2013 31号
    assert got["issuer"] == "湖南省人民政府"
    assert got["region_level"] == "province"


# ---------------------------------------------------------------------------
# (2) one date expression
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("二〇一二年五月四日", dt.date(2012, 5, 4)),
    ("二〇一四年十二月二十二日", dt.date(2014, 12, 22)),
    ("二O一三年十月三十一日", dt.date(2013, 10, 31)),
    ("2014年2月22日", dt.date(2014, 2, 22)),
    ("2012年05月04日", dt.date(2012, 5, 4)),
    ("2014-04-29", dt.date(2014, 4, 29)),
    ("2014/4/29", dt.date(2014, 4, 29)),
    ("2014.04.29", dt.date(2014, 4, 29)),
    ("May 4, 2012", dt.date(2012, 5, 4)),
    ("4 May 2012", dt.date(2012, 5, 4)),
    ("August 20, 2013", dt.date(2013, 8, 20)),
    ("Aug. 20, 2013", dt.date(2013, 8, 20)),
    ("2014 2 22", dt.date(2014, 2, 22)),
    ("发布时间:2014-04-29", dt.date(2014, 4, 29)),
    # English dates as translations write them
    ("2014 on August 26", dt.date(2014, 8, 26)),
    ("2014 August 26", dt.date(2014, 8, 26)),
    ("2014 Aug. 26th", dt.date(2014, 8, 26)),
    ("26 August 2014", dt.date(2014, 8, 26)),
    ("26th of August, 2014", dt.date(2014, 8, 26)),
    ("August 26th, 2014", dt.date(2014, 8, 26)),
    ("August 26 2014", dt.date(2014, 8, 26)),
    # a Chinese date translated word by word (2014年7月15日)
    ("2014 year 7 month 15 day", dt.date(2014, 7, 15)),
])
def test_parse_date(text, want):
    assert parse_date(text) == want


@pytest.mark.parametrize("text", [
    "2015年底", "2008-2020年", "〔2013〕31号", "on August 19", "2014年2月30日", "二〇一四年十三月一日",
    "3.14Mbps", "2015年", "June 30", "",
    "in 2015 and 2020", "August 2014", "2014 August", "by August 2014, 26 cities", "in 2014 August 26%",
    "2014 on August", "2014 year 7 month", "2014 year 13 month 1 day",
    "12014-04-29", "v.2014.04.29", "2014-04/29",   # a longer number, a version, mixed separators
    "2014-04-290", "2014.4.123",                   # a longer day
])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


# ---------------------------------------------------------------------------
# (3) document numbers
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, want", [
    ("湘政发〔2014〕8号\n各市州人民政府:", "湘政发〔2014〕8号"),
    ("湘政发〔 2014 8\n各市州人民政府:", "湘政发〔2014〕8号"),             # closing bracket and 号 lost
    ("湘政发〔2014〕8 号\n", "湘政发〔2014〕8号"),
    ("国发[2013]31号\n", "国发〔2013〕31号"),
    ("济政办发(2014)26号\n", "济政办发〔2014〕26号"),
    ("济政办发（2014）26号\n", "济政办发〔2014〕26号"),                  # full-width parentheses
    ("穗科信字〔2012〕125号\n", "穗科信字〔2012〕125号"),
    # the own number beats the numbers the text cites
    ("湘政发〔2014〕8号\n根据《关于印发“宽带中国”战略及实施方案的通知》(国发〔2013〕31号)精神",
     "湘政发〔2014〕8号"),
    ("关于转发鲁政办发〔2014〕20号文件的通知\n济政办发〔2014〕26号\n", "济政办发〔2014〕26号"),
    ("根据《国务院关于印发…的通知》(国发〔2013〕31号)精神,结合我省实际。", None),
    ("按照国发〔2013〕31号文件要求,做好工作。", None),
    # years in names and labels are no numbers
    ("落实《珠江三角洲地区改革发展规划纲要(2008-2020年)》。", None),
    ("城市家庭宽带接入(2015)20Mbps以上。", None),
    ("到2015年,宽带用户达到8000万户。", None),
])
def test_doc_number(raw, want):
    assert facts(raw)["doc_number"] == want


# ---------------------------------------------------------------------------
# (4) region choice
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, region, level", [
    # the issuer's place wins over the places the text talks about
    ("广州市科技和信息化局关于推进三网融合的通知\n深圳、深圳、深圳、深圳、深圳的经验值得学习。", "Guangzhou", "city"),
    ("深圳市宽带发展。深圳深圳深圳深圳。\n湖南省人民政府\n \n2014年2月22日", "Hunan", "province"),
    ("工作方案\n到2015年,深圳深圳深圳。\n来源:湖南省人民政府 发布时间:2014-04-29", "Hunan", "province"),
    # a district that dominates beats its city; a city that dominates beats its district
    ("上海市浦东新区智慧城市建设纲要\n到2015年,浦东新区宽带覆盖率达到90%。智慧浦东,浦东领先,上海。", "Pudong", "district"),
    ("上海市宽带发展规划\n到2015年,上海宽带覆盖率达到90%。上海市各区,包括浦东。上海领先。", "Shanghai", "province"),
    # a provincial text that cites the State Council stays provincial
    ("湖南省人民政府关于推进宽带发展的实施意见\n根据国务院《关于印发“宽带中国”战略及实施方案的通知》精神,结合我省实际。",
     "Hunan", "province"),
    ("关于加快宽带建设的实施意见\n2013年8月1日,国务院印发了《“宽带中国”战略及实施方案》。为贯彻落实,结合我省实际,"
     "提出如下意见。\n到2015年,全省宽带普及率达到50%。浙江省各地要抓好落实。", "Zhejiang", "province"),
    # national issuers and national reports
    ("国务院关于印发“宽带中国”战略及实施方案的通知\n各省、自治区、直辖市人民政府:", "China", "country"),
    ("国务院印发《“宽带中国”战略及实施方案》\n2013-08-10\n北京、上海等城市率先实现。", "China", "country"),
    ("近日,工业和信息化部印发《关于实施“宽带中国”2015专项行动的意见》,今年将新增光纤到户覆盖家庭8000万户。",
     "China", "country"),
    ("China's State Council released a strategic plan for broadband, with Beijing and Shanghai leading.",
     "China", "country"),
    # a title that names the province, not the city the text names most: the province
    ("Jiangsu digest: three cities set goals\n\nThree cities in Jiangsu province released plans.\nNanjing\n"
     "Nanjing will reach 100Mbps. Nanjing leads.\nSuzhou\nSuzhou plans FTTH. Suzhou Park.\nWuxi\nWuxi will invest.",
     "Jiangsu", "province"),
    ("江苏省信息基础设施建设要点\n南京市宽带达到100Mbps,南京领先。苏州、无锡跟进。南京。", "Jiangsu", "province"),
    # one city's plan that names its province and its neighbours in passing stays the city's
    ("南京市宽带发展规划\n到2015年,南京宽带普及率达到90%。南京领先江苏省,学习苏州、无锡经验。南京。", "Nanjing", "city"),
    # a city's news: the ministry's licences elsewhere in the story do not make it national
    ("Chongqing targets 10 million 4G users\n\nCHONGQING, July 15, 2015 -- Chongqing will have more than 10 million "
     "4G subscribers by 2016, under a plan of the municipal commission. The plan comes after the Ministry of Industry "
     "and Information Technology issued FDD-LTE licences to China Telecom.", "Chongqing", "province"),
    # 宽带中国 / 中国移动 are names, not a national scope
    ("实施“宽带中国”战略,中国移动、中国电信、中国联通加大投入。\n到2015年,江苏全省宽带普及率达到50%,全省城市家庭…",
     "Jiangsu", "province"),
    # traditional script: the issuer decides, not the province whose document it forwards
    ("濟南市人民政府辦公廳關於轉發魯政辦發〔2014〕20號文件的通知\n現將《山東省人民政府辦公廳關於印發山東省寬帶實施方案的通知》"
     "轉發給你們。按照全省統一部署,山東省各市。", "Jinan", "city"),
    # names that are common words count with their suffix only
    ("朝阳市人民政府关于加快信息化的意见\n加快发展。", "Chaoyang", "city"),
    ("吉林市宽带发展规划\n吉林市将加快建设,吉林市城区覆盖。", "Jilin", "city"),
    # English names, matched as words
    ("Shenzhen will build broadband. Shenzhen leads. Shenzhen, the only pilot city in Guangdong Province.",
     "Shenzhen", "city"),
    ("Hunan Province sets targets. Hunan will reach 50% by 2015.", "Hunan", "province"),
    ("Hong Kong SAR sets targets. Xi’an's plan and Hong Kong's.", "Hong Kong", "province"),
    # an English signature decides as a Chinese one does
    ("Beijing and Shanghai lead. Beijing, Beijing.\nPeople's Government of Yunnan Province\nAugust 5, 2014",
     "Yunnan", "province"),
    ("Shenzhen leads. Shenzhen, Shenzhen.\nGeneral Office of the State Council\n26 August 2014", "China", "country"),
    # national-level zones and new areas: the more specific place wins over their city
    ("苏州工业园区管理委员会关于加快推进“宽带园区”建设的实施意见\n苏州、苏州、苏州。", "Suzhou Industrial Park", "district"),
    ("Suzhou Industrial Park management committee about broadband park construction\nSuzhou, Suzhou, Suzhou.\n"
     "Suzhou Industrial Park management committee\n2014 year 7 month 15 day", "Suzhou Industrial Park", "district"),
    ("兰州新区管委会关于推进宽带建设的通知\n兰州、兰州、兰州。", "Lanzhou New Area", "district"),  # 管委会: its organ
    ("兰州市人民政府关于推进宽带建设的通知\n兰州新区。", "Lanzhou", "city"),
    # news from Taiwan or Hong Kong: 大陆 is China, and its national bodies issue for it
    ("陆推网络提速降费\n工商时报【记者】2015年05月21日04:10\n中国大陆国务院办公厅20日发布《关于加快高速宽带网络建设"
     "推进网络提速降费的指导意见》。台湾相关厂商受惠,反观台湾。", "China", "country"),
    ("陸推網路提速降費\n今年全大陸網路建設投資將超過4300億元,大陸所有設區市城區。反觀台灣業者。", "China", "country"),
    # a dateline city, or Beijing for the government, is not the region of a national policy
    ("China's carriers to slash data fees as Beijing pushes cheaper internet\n\nMay 17, 2017\n\nBEIJING, May 17 "
     "(Reuters) - China's three carriers will cut fees, the industry ministry said.\nThe Ministry of Industry and "
     "Information Technology (MIIT) set a goal.\nData traffic in China doubled, according to MIIT figures.\n"
     "Shares fell.\nAnalysts were upbeat.\n(Reporting by Beijing Newsroom)", "China", "country"),
    ("CHINA TELECOMS BRIEF | 14 February 2022\nGigabit ambitions\n- Beijing's new ICT plan sets hard numbers.\n"
     "The plan, issued by MIIT in November 2021, sets goals for 2025.", "China", "country"),
    ("MIIT issues action plan for gigabit networks\nThe MIIT said it has issued a plan. The ministry will guide "
     "local governments across the country.", "China", "country"),
    # ... while a provincial story that mentions them stays provincial
    ("Hubei aims to double information spending\nBy Liu Jing in Wuhan | China Daily | Updated: 2014-01-09\n"
     "Central China's Hubei province plans to double it.\nUnder a plan released by the provincial government, "
     "spending will grow.\nThe plan said so.\nThe province will invest.\nThe plan also sets goals.\nThe city's "
     "Optics Valley of China grows.\nChina's Ministry of Industry and Information Technology issued 4G licenses to "
     "the country's three carriers.", "Hubei", "province"),
    # a county-level issuer: the county, its English name spelt from its characters
    ("平武县人民政府办公室\n关于印发《平武县宽带乡村工程实施方案》的通知\n绵阳市、四川省各部门。\n平武县人民政府办公室\n"
     "2016年4月12日", "Pingwu County", "district"),
    ("四川省北川羌族自治县人民政府关于加快宽带建设的通知\n四川省、四川省。", "Beichuan Autonomous County", "district"),
    ("长沙县人民政府关于加快宽带建设的意见\n长沙、长沙、长沙。", "Changsha County", "district"),
    ("义乌市人民政府关于加快宽带建设的意见\n金华、金华、金华。", "Yiwu City", "district"),
    ("成都市郫都区人民政府关于加快宽带建设的意见\n成都、成都。", "Pidu District", "district"),
    ("鄂尔多斯市达拉特旗人民政府关于加快宽带建设的通知\n鄂尔多斯。", "Dalate Banner", "district"),
    ("Body. Sichuan, Sichuan.\nPingwu County People's Government\nApril 12, 2016", "Pingwu County", "district"),
    # ... not an organ whose name holds 市 or 区 (城市, 高新区), nor a known district
    ("智慧城市建设领导小组办公室关于推进宽带建设的通知\n杭州、杭州、杭州。", "Hangzhou", "city"),
    ("高新区管理委员会关于推进宽带建设的通知\n成都、成都、成都。", "Chengdu", "city"),
    ("深圳市南山区人民政府关于推进宽带建设的通知\n深圳。", "Nanshan", "district"),
])
def test_region(raw, region, level):
    got = facts(raw)
    assert (got["region"], got["region_level"]) == (region, level)


@pytest.mark.parametrize("raw", [
    # no place at all, only names holding 中国 / China
    "实施“宽带中国”战略,中国移动、中国电信加大投入。到2015年,宽带普及率达到50%。",
    "Thoroughly implement the spirit of the 18th National Congress of the Communist Party of China. "
    "We will implement the Broadband China strategy; the city will reach 20Mbps. China Mobile and China Unicom.",
    # common words that are also place names, without their suffix
    "朝阳产业加快发展,白银价格,阿里巴巴、中山大学、文山会海,推广安全可靠的产品。",
    "中山市场繁荣,大同市场活跃,推进幸福建设。",
    # one plain mention deep in the body is not enough
    "一、指导思想\n二、主要任务\n三、保障措施\n四、其他\n五、附则\n加快发展,学习杭州经验。",
    # 陆 and 大陆 that are not the mainland
    "陆续推进建设,登陆、着陆、陆路运输,新亚欧大陆桥、亚欧大陆腹地。",
])
def test_no_region(raw):
    assert facts(raw)["region"] is None


def test_region_has_chinese_name_and_level():
    got = facts("湖南省人民政府关于推进宽带发展的实施意见\n湖南省")
    assert (got["region"], got["region_zh"], got["region_level"]) == ("Hunan", "湖南", "province")
    assert facts("国务院关于印发方案的通知\n")["region_zh"] == "中国"
    got = facts("平武县人民政府关于推进宽带发展的实施意见\n")
    assert (got["region"], got["region_zh"], got["region_level"]) == ("Pingwu County", "平武县", "district")
    DocumentInfo(**got)


@pytest.mark.parametrize("name, spelt", [
    ("平武", "Pingwu"), ("西安", "Xi'an"), ("东阿", "Dong'a"), ("郫都", "Pidu"), ("番禺", "Panyu"), ("单", "Shan"),
    ("长治", "Changzhi"), ("龘", None),  # a character of no place name
])
def test_county_names_are_spelt_from_their_characters(name, spelt):
    assert facts_module._romanise(name) == spelt


def test_readings_table():
    readings = facts_module._readings()
    assert len(readings) > 1_200
    assert all(s.isascii() and s.islower() and s.isalpha() for s in readings.values())
    raw = facts_module._regions_file()["readings"]
    chars = [ch for ch in raw if facts_module._is_han(ch)]
    assert len(chars) == len(set(chars)) == len(readings)  # one reading per character


# ---------------------------------------------------------------------------
# dates of a document
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, issued, published", [
    # signature under the issuers of a notice, in Chinese numerals
    ("特此通知\n\n广州市科技和信息化局\n\n市三网融合工作协调小组\n\n二〇一二年五月四日\n\n广州市三网融合试点建设工作方案",
     dt.date(2012, 5, 4), None),
    # a signature whose Chinese characters were lost, and a publication date on top
    ("湖南省人民政府关于推进宽带的实施意见\n来源:湖南省人民政府 发布时间:2014-04-29\n正文。\n湖南省人民政府\n \n 2014 2 22\n",
     dt.date(2014, 2, 22), dt.date(2014, 4, 29)),
    # the lead sentence that issues the document; the date line on top is the publication
    ("国务院印发《“宽带中国”战略及实施方案》|\n2013-08-10 |\n2013年8月1日,国务院以国发〔2013〕31号文件印发了《“宽带中国”战略及实施方案》。",
     dt.date(2013, 8, 1), dt.date(2013, 8, 10)),
    # English dateline; a date without a year is no date
    ("Asia Express\nChina to Provide Nationwide Broadband\nAugust 20, 2013\n\nChina's State Council released a plan, "
     "as reported on August 19.", None, dt.date(2013, 8, 20)),
    ("BEIJING, Aug. 20, 2013 (Xinhua) -- The plan sets targets.", None, dt.date(2013, 8, 20)),
    # labels
    ("某某方案\n成文日期:2014年3月1日\n发布日期:2014年3月9日\n正文。", dt.date(2014, 3, 1), dt.date(2014, 3, 9)),
    ("正文。\n来源:广州市科技和信息化局2012年05月04日", None, dt.date(2012, 5, 4)),
    # a newspaper dateline: the date opens a line near the top, then its weekday or page furniture
    ("國務院出招促信息消費\n\n2013年8月15日 星期四　　A18 | 中國新聞 | 字體：大 中 小\n\n"
     "【本報北京十四日電】國務院昨日公佈《關於促進信息消費擴大內需的若干意見》。", None, dt.date(2013, 8, 15)),
    ("宽带提速降费\n2015年5月21日 周四\n正文。", None, dt.date(2015, 5, 21)),
    ("宽带提速降费\n星期四 2015年5月21日\n正文。", None, dt.date(2015, 5, 21)),
    ("宽带提速降费\n2015-05-21 10:32 来源:新华网\n正文。", None, dt.date(2015, 5, 21)),
    ("宽带提速降费\n2015年05月21日 | 第A03版 | 作者:记者\n正文。", None, dt.date(2015, 5, 21)),
    ("Speed Up, Fees Down\nMay 21, 2015 Thursday\nThe State Council urged operators.", None, dt.date(2015, 5, 21)),
    # an English signature: an issuer line, then a date line
    ("IV. Safeguard Measures\n4. Optimize the environment.\n\nPeople's Government of Yunnan Province\nAugust 5, 2014",
     dt.date(2014, 8, 5), None),
    ("(3) Optimize the consumption environment.\nLuoyang City People's Government\n2014 on August 26",
     dt.date(2014, 8, 26), None),
    ("Implement it conscientiously.\n\nTianjin Municipal People’s Government\n\nMay 18, 2015\n\nAction Plan",
     dt.date(2015, 5, 18), None),
    ("Body.\nGeneral Office of the State Council\n26 August 2014", dt.date(2014, 8, 26), None),
    ("Body.\nMinistry of Industry and Information Technology\nAugust 26th, 2014", dt.date(2014, 8, 26), None),
    ("Body.\nHunan Provincial Development and Reform Commission\n2014 August 26", dt.date(2014, 8, 26), None),
    ("Body.\nBeijing Municipal Bureau of Economy and Information Technology\n2014-08-26", dt.date(2014, 8, 26), None),
    ("Body.\nPeople's Government of Hunan Province\n\n2014 2 22", dt.date(2014, 2, 22), None),
    # a year that ends the line before is no part of the date below it
    ("Body.\nPeople's Government of Yunnan Province\nby 2015\nAugust 5, 2014", dt.date(2014, 8, 5), None),
    # a headline is no issuer: the date under it is the publication date
    ("Ministry of Industry Releases Broadband Plan\nAugust 20, 2013\nThe plan sets targets.", None, dt.date(2013, 8, 20)),
    ("Guangdong Government Speeds Up Broadband\nAugust 20, 2013\nThe plan sets targets.", None, dt.date(2013, 8, 20)),
    ("Notice of the General Office of the State Council on Broadband\nAugust 20, 2013\nBody.",
     None, dt.date(2013, 8, 20)),
    # a signature or print line with its verb
    ("正文。\n银川市人民政府办公厅\n2015年1月12日印发", dt.date(2015, 1, 12), None),
    ("正文。\n银川市人民政府\n2015年1月12日发布\n", dt.date(2015, 1, 12), None),
    # a signature translated word by word, under an issuer in small letters
    ("Body.\nSuzhou Industrial Park management committee\n2014 year 7 month 15 day", dt.date(2014, 7, 15), None),
    # an English source line; a byline, then the date and its time stamp
    ("China aims to add 40 mln fiber users\n\nSource: Xinhua | 2016-01-13 18:22:41 | Editor: huaxia\n\n"
     "BEIJING, Jan. 13 (Xinhua) -- Body.", None, dt.date(2016, 1, 13)),
    ("陸推網路提速降費\n\n工商時報【記者 林欣儀／綜合報導】　2015年05月21日 04:10\n\n正文。", None, dt.date(2015, 5, 21)),
    ("Speed Up\nBy Wang Lei, Reuters May 21, 2015 10:32 AM\nBody.", None, dt.date(2015, 5, 21)),
    # the date a report or speech was delivered, under its title
    ("政府工作报告(节选)\n——2016年1月26日在贵州省第十二届人民代表大会第四次会议上\n\n各位代表:", dt.date(2016, 1, 26), None),
    ("在全市宽带发展大会上的讲话\n(2016年3月2日在全市宽带发展大会上)\n同志们:", dt.date(2016, 3, 2), None),
    # a note about a plan is dated by its own dateline, not by the plan's publication …
    ("China Telecom Services | Sector Note | 19 January 2017\n\n13th FYP plan: the targets are a floor\n\n"
     "The State Council published the plan on 27 December 2016.", None, dt.date(2017, 1, 19)),
    # … unless its title reports that publication (it is the plan's news or its reprint)
    ("State Council issues broadband plan\nAugust 20, 2013\nThe State Council issued the plan on August 17, 2013.",
     dt.date(2013, 8, 17), dt.date(2013, 8, 20)),
])
def test_document_dates(raw, issued, published):
    got = facts(raw)
    assert (got["issued"], got["published"]) == (issued, published)
    assert got["date"] == (issued or published)


@pytest.mark.parametrize("raw", [
    "到2015年底,固定宽带家庭普及率达到50%。落实《规划纲要(2008-2020年)》和国发〔2013〕31号文件。",
    "on June 30, the State Council officially approved Shenzhen. Copyright © 2011",
    "正文。\n2014 2 22\n",                                     # three numbers without an issuer above
    "关于加快宽带建设的实施意见\n2013年8月1日,国务院印发了《“宽带中国”战略》。为贯彻落实,结合我省实际,提出意见。",
    "为贯彻落实国务院2013年8月1日印发的《“宽带中国”战略》,提出如下意见。",
    "项目表\n完成日期:2015年12月31日\n正文。",                          # a deadline is no label
    "标题\n" + "正文。\n" * 30 + "日期:2015年12月31日\n" + "正文。\n" * 30,  # labels deep in the body
    "Body text.\n2014 2 22\n",                                 # three numbers without an issuer above
    "Body text.\nPeople's Government of Yunnan Province\nAugust 2014",   # no day
    "Targets\nBroadband users will double in 2015 and 2020.\nPeople's Government of Yunnan Province\n2015 2020",
    "Targets\nBy August 2014, 26 cities had joined.",
    "标题\n2015年12月31日前完成建设\n正文。",                    # a deadline opening a line is no dateline
    "标题\n2014年3月1日起施行\n正文。",
    "标题\n2014年5月20日G20峰会在北京召开\n正文。",
    "标题\n" + "正文。\n" * 30 + "2015年5月21日 星期四\n" + "正文。\n" * 30,  # a dateline deep in the body
    # a date and a time in a sentence are no time stamp; a date then 在 needs its dash
    "标题\n会议定于2015年5月21日 9:30在市政府召开\n正文。",
    "标题\n截至2015年5月21日24:00,全省宽带用户达到500万户\n正文。",
    "标题\n2016年1月26日在北京召开了宽带发展大会\n正文。",
    "标题\n——2015年12月31日前完成建设\n正文。",
])
def test_no_date(raw):
    assert facts(raw)["date"] is None


# ---------------------------------------------------------------------------
# issuer, title, language
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, issuer", [
    ("湖南省人民政府关于推进宽带的实施意见\n正文。", "湖南省人民政府"),
    ("湘潭市人民政府办公室\n关于印发方案的通知\n正文。", "湘潭市人民政府办公室"),
    ("正文。\n\n广州市科技和信息化局\n\n市三网融合工作协调小组\n\n二〇一二年五月四日", "广州市科技和信息化局"),
    ("国务院印发《“宽带中国”战略及实施方案》\n正文。", "国务院"),
    ("近日,国家新闻出版广电总局印发《通知》。", "国家新闻出版广电总局"),
    # several issuers joined by 、 or 和; a local organ's name starts with its place
    ("工业和信息化部、国家发展改革委印发《关于实施“宽带中国”2015专项行动的意见》。", "工业和信息化部、国家发展改革委"),
    ("近日,湖南省经济和信息化委员会和湖南省通信管理局联合印发《意见》。", "湖南省经济和信息化委员会和湖南省通信管理局"),
    ("根据湖南省人民政府办公厅印发《方案》的要求,推进工作。", None),
    ("正文。\n来源:湖南省人民政府 发布时间:2014-04-29", "湖南省人民政府"),
    ("资料来源:中华人民共和国中央人民政府网", None),              # a website is no issuer
    ("China's State Council released a strategic plan.", "State Council"),
    ("Body.\n\nPeople's Government of Yunnan Province\nAugust 5, 2014", "People's Government of Yunnan Province"),
    ("Body.\nLuoyang City People's Government\n2014 on August 26", "Luoyang City People's Government"),
    ("Ministry of Industry Releases Broadband Plan\nAugust 20, 2013\nBody.", None),
    ("On June 30, the State Council officially approved Shenzhen as a pilot city.", None),  # approving is not issuing
    # what was issued must be a document: a plan, not licences
    ('The State Council published the "13th Five-Year National Informatization Plan" on 27 December.', "State Council"),
    ("MIIT has issued a circular on broadband speed-up.", "MIIT"),
    ("after the Ministry of Industry and Information Technology issued FDD-LTE licences to China Telecom.", None),
    # a national body named with its country, as news from outside the mainland writes it
    ("中国大陆国务院办公厅20日发布《关于加快高速宽带网络建设推进网络提速降费的指导意见》。", "中国大陆国务院办公厅"),
    # a county's organ
    ("近日,平武县人民政府印发《平武县宽带乡村工程实施方案》。", "平武县人民政府"),
    ("Body.\nSuzhou Industrial Park management committee\n2014 year 7 month 15 day",
     "Suzhou Industrial Park management committee"),
])
def test_issuer(raw, issuer):
    assert facts(raw)["issuer"] == issuer


@pytest.mark.parametrize("raw, title", [
    ("湖南省人民政府关于推进“宽带中国”战略促进信息消费的实施意见\n\n来源:湖南省人民政府", "湖南省人民政府关于推进“宽带中国”战略促进信息消费的实施意见"),
    ("穗科信字〔2012〕125号\n\n各区人民政府:\n\n特此通知\n\n二〇一二年五月四日\n\n广州市三网融合试点建设工作方案\n正文",
     "广州市三网融合试点建设工作方案"),
    ("|\n|\n国务院印发《“宽带中国”战略及实施方案》 |\n2013-08-10 |", "国务院印发《“宽带中国”战略及实施方案》"),
    ("Asia Express\nChina to Provide Nationwide Broadband Coverage by 2020\n", "Asia Express"),
    ("一、指导思想\n(一)总体要求。加快发展。", None),                  # section headings are not titles
])
def test_title(raw, title):
    assert facts(raw)["title"] == title


@pytest.mark.parametrize("raw, language", [
    ("China's State Council released a strategic plan for broadband (宽带中国).", "en"),
    ("湖南省人民政府关于推进宽带的实施意见,到2015年达到20Mbps。", "zh-Hans"),
    ("濟南市人民政府辦公廳關於加快寬帶網絡建設的通知,到2015年實現。", "zh-Hant"),
])
def test_language(raw, language):
    assert facts(raw)["language"] == language


# ---------------------------------------------------------------------------
# the place list
# ---------------------------------------------------------------------------

def test_regions_cover_all_provinces_and_prefectures():
    entries = place_entries()
    levels = Counter(e["level"] for e in entries)
    assert levels["province"] == 34
    assert levels["city"] >= 333
    provinces = {e["name_zh"] for e in entries if e["level"] == "province"}
    for e in entries:
        assert set(e) <= {"name_zh", "name_en", "level", "parent", "city", "suffixes", "bare",
                          "aliases_zh", "aliases_en", "not_before"}, e
        assert e["suffixes"], e
        if e["level"] != "province":
            assert e.get("parent") in provinces, e
    per_province = Counter(e["parent"] for e in entries if e["level"] == "city")
    assert per_province["广东"] == 21 and per_province["四川"] == 21 and per_province["江苏"] == 13


def test_region_options_are_read():
    entries = {(e["name_zh"], e["level"]): e for e in place_entries()}
    assert entries["西安", "city"]["aliases_en"] == ["Xi’an", "Xian"]
    assert entries["福建", "province"]["not_before"] == "设"
    assert entries["朝阳", "district"]["bare"] is False and entries["朝阳", "district"]["city"] == "北京"
    assert entries["延边", "city"]["suffixes"] == ["朝鲜族自治州", "州"]
    assert "parent" not in entries["北京", "province"]


def test_regions_have_unique_names_per_level():
    seen = Counter((e["name_zh"], e["level"]) for e in place_entries())
    assert [k for k, n in seen.items() if n > 1] == []


@pytest.mark.parametrize("form, en", [
    ("呼和浩特市", "Hohhot"), ("乌鲁木齐", "Urumqi"), ("济南", "Jinan"), ("延边朝鲜族自治州", "Yanbian"),
    ("内蒙古自治区", "Inner Mongolia"), ("吉林", "Jilin"), ("海南藏族自治州", "Hainan Prefecture (Qinghai)"),
    ("滨海新区", "Binhai"), ("雄安新区", "Xiong'an"),
    ("苏州工业园区", "Suzhou Industrial Park"), ("兰州新区", "Lanzhou New Area"), ("兰州", "Lanzhou"),
])
def test_gazetteer_forms(form, en):
    assert zh_forms().names[form][0].name_en == en


@pytest.mark.parametrize("form", ["朝阳", "中山", "白银", "阿里", "滨海", "两江", "南山", "海南州" + "x"])
def test_common_words_are_not_place_forms(form):
    assert form not in zh_forms().names


def test_every_place_form_is_found():
    for form, (place, _, _) in zh_forms().names.items():
        assert facts(form)["region"] == place.name_en, form
    for form, place in en_forms().names.items():  # Hunan, Hunan Province, Xi'an, Ürümqi City
        assert facts(form)["region"] == place.name_en, form


def test_english_forms_keep_the_first_place_of_a_shared_name():
    assert en_forms().names["Jilin"].level == "province"
    assert en_forms().names["Jilin City"].level == "city"
    assert en_forms().names["Suzhou"].name_zh == "苏州"


# ---------------------------------------------------------------------------
# long texts: places are counted in the head and the tail only
# ---------------------------------------------------------------------------

BLOCK = ("湖南省人民政府关于推进宽带的实施意见\n到2015年,全省固定宽带家庭普及率达到45%,长沙、株洲、湘潭率先。"
         "根据《国务院关于印发方案的通知》(国发〔2013〕31号)精神。Shenzhen and China Mobile.\n")


def test_long_text_gives_the_facts_of_its_head():
    long_text = BLOCK * (3_000_000 // len(BLOCK))
    got = document_facts(long_text)
    assert got == document_facts(BLOCK * 20)
    assert got["region"] == "Hunan"


def test_places_deep_in_a_long_body_do_not_decide_the_region():
    body = "加快发展,推进建设。\n" * 5_000               # 50,000 characters
    text = "工作方案\n到2015年,浙江宽带普及率达到50%。浙江领先。\n" + body + "深圳。" * 100 + body
    assert facts(text)["region"] == "Zhejiang"


# ---------------------------------------------------------------------------
# long texts: the rules read the head and the tail (facts._windows), and each
# search runs once over them
# ---------------------------------------------------------------------------

BODY = "加快发展,推进建设。\n" * 2_000  # 22,000 characters


def test_long_text_reads_its_head_and_tail():
    text = ("湘政发〔2014〕8号\n湖南省人民政府关于推进宽带发展的实施意见\n" + BODY
            + "湖南省人民政府\n2014年2月22日\n来源:湖南省人民政府 发布时间:2014-04-29\n")
    got = document_facts(text)
    assert (got["doc_number"], got["issuer"], got["issued"], got["published"], got["region"]) == (
        "湘政发〔2014〕8号", "湖南省人民政府", dt.date(2014, 2, 22), dt.date(2014, 4, 29), "Hunan")


def test_facts_deep_in_a_long_body_are_not_read():
    # a number, a signature and a label shuffled into the middle of the body
    text = "工作方案\n" + BODY + "湘政发〔2014〕8号\n湖南省人民政府\n2014年2月22日\n发布时间:2014-04-29\n" + BODY
    got = document_facts(text)
    assert (got["doc_number"], got["issuer"], got["date"], got["region"]) == (None, None, None, None)


def test_text_of_one_long_line():
    got = document_facts("Shenzhen will build broadband. " * 2_000)  # 62,000 characters, no line break
    assert (got["title"], got["region"], got["language"]) == (None, "Shenzhen", "en")


def test_dates_of_lines_found_in_one_pass(monkeypatch):
    """_lines finds the dates of all its lines in one pass: each line gets the dates
    that a search of the line alone finds."""
    texts = _real_texts() + [
        "Targets by 2015\nAugust 26, 2014\nMay 4,\n2012\n2013-08-10 | 2013年8月1日\n二〇一二年五月四日\n"
        "issued on 26th of August, 2014 and 2014 on August 27; 2014.04.29, 2014/4/29 (2015-1-2)."]
    line_lists = [facts_module._lines(text) for text in texts]
    monkeypatch.setattr(facts_module, "_SHORT", 10**9)  # search each line whole
    for lines in line_lists:
        assert [ln.dates for ln in lines] == [tuple(facts_module._find_dates(ln.text)) for ln in lines]
    assert [len(ln.dates) for ln in line_lists[-1]] == [0, 1, 0, 0, 2, 1, 5]


def test_english_dates_found_around_years(monkeypatch):
    """In a long text, English dates are searched near years only; a search of the
    whole text finds the same."""
    text = " ".join([
        "Mayor Xu said on June 30 that 2,000 cities", "August 26, 2014,", "the 26th of August, 2014,",
        "2014 on August 27", "by August 2014, 26 cities", "March 3rd 2015 and 4 March 2015",
        "in October 2013 Mar. 5, 2016", "Sept. 1 2019 2020 August 9th"] * 10)
    found = facts_module._find_dates(text)
    assert len(found) == 80
    monkeypatch.setattr(facts_module, "_SHORT", 10**9)
    assert facts_module._find_dates(text) == found


def test_literals_find_what_each_pattern_finds():
    """_Literals searches a pattern on from its first match only: it finds what a plain
    finditer of each of its patterns finds."""
    texts = _real_texts() + ["全国我国中国大陆陆企China's State Council by 2015, 本市全省新区 2014-04-29 国发〔2013〕31号"]
    for literals in (facts_module._NATIONAL_WEAK, facts_module._NATIONAL_STRONG_ENGLISH, facts_module._SELF_REF,
                     facts_module._DOCNO, facts_module._YEAR):
        for text in texts:
            plain = sorted((m for rx in literals.regexes for m in re.finditer(rx.pattern, text)), key=re.Match.start)
            assert [(m.span(), m.groupdict()) for m in literals.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in plain]


def test_chinese_places_found_alike_with_and_without_the_regex(monkeypatch):
    """_zh_candidates compiles its regex only after searching enough text; both ways
    find the same places."""
    texts = _real_texts() + ["、".join(zh_forms().names), "".join(zh_forms().names)]

    def mentions(compile_after: int) -> list:
        monkeypatch.setattr(facts_module._ZhScan, "regex", None)
        monkeypatch.setattr(facts_module._ZhScan, "searched", 0)
        monkeypatch.setattr(facts_module._ZhScan, "COMPILE_AFTER", compile_after)
        return [facts_module._zh_mentions(text, 0) for text in texts]

    without = mentions(10**12)
    assert facts_module._ZhScan.regex is None
    assert mentions(0) == without
    assert facts_module._ZhScan.regex is not None
    assert len(without[-2]) == len(zh_forms().names)


def test_a_written_date_alone_on_the_last_line_is_the_issue_date():
    text = "湖北省“双千兆”网络协同发展行动计划\n一、发展目标\n到2023年，千兆宽带用户突破500万户。\n\n2021年5月28日\n"
    assert document_facts(normalize(text).text)["issued"] == dt.date(2021, 5, 28)


@pytest.mark.parametrize("label", ["Issued on", "Released", "Date of issue"])
def test_an_english_issue_label_gives_the_issue_date(label):
    text = ("Qingdao Municipal People's Government\nAction Plan of Qingdao for Building a Gigabit City\n"
            f"{label}: July 9, 2021\nBy the end of 2023, Qingdao will build 30,000 5G base stations.")
    got = facts(text)
    assert got["date"] == dt.date(2021, 7, 9)


def test_a_newspaper_dateline_names_the_paper_between_the_date_and_the_page():
    text = "珠海力推光网城市\n2012-11-20　澳门日报　A10版　珠澳新闻\n【本报珠海消息】珠海市政府日前印发实施方案。"
    assert facts(text)["date"] == dt.date(2012, 11, 20)
