"""Target tables flattened into text: each cell under a year column is a record."""
import pytest

from tridoc import extract_text

PIPE_ROWS = """到2015年主要指标如下:
|指标|单位|2013年（基数）|2014年|2015年|2020年|
|1.宽带用户规模| | | | | |
|固定宽带接入用户|万户|920|1050|1200|2000|
|其中：光纤到户（FTTH）用户|万户|160|300|450|——|
|城市家庭宽带接入能力|Mbps|8|12|20|50|
|大型企事业单位接入带宽|Mbps| | |大于100|大于1000|
|行政村通宽带比例|%|85|90|95|＞98|
|省际出口带宽|Gbps|3200|4500|6000|20000|
|互联网数据量|太字节|7800|15000|20000||
"""

ONE_CELL_PER_LINE = """“宽带中国”发展目标 |
指标 |
单位 |
2013 年 |
2015 年 |
2020 年 |
1. 宽带用户规模 |
固定宽带接入用户 |
亿户 |
2.1 |
2.7 |
4.0 |
城市宽带接入能力 |
Mbps |
20(80%用户) |
20 |
50 |
其中:发达城市 |
Mbps |
|
100(部分城市) |
1000(部分用户) |
资料来源:中央人民政府网 |
"""


def rows(text):
    return {(t.value, t.unit, t.year, t.comparator, t.indicator, t.scope, t.kind) for t in extract_text(text).targets}


def test_pipe_rows_give_one_record_per_year_cell():
    got = rows(PIPE_ROWS)
    assert (12e6, "count", 2015, "eq", "broadband.users", None, "target") in got
    assert (9.2e6, "count", 2013, "eq", "broadband.users", None, "baseline") in got  # 基数 column
    assert (4.5e6, "count", 2015, "eq", "fiber.users", None, "target") in got
    assert (50, "Mbps", 2020, "eq", "broadband.access_speed", "urban", "target") in got
    assert (1000, "Mbps", 2020, "gt", "broadband.access_speed", "enterprise", "target") in got
    assert (98, "percent", 2020, "gt", "broadband.village_coverage", None, "target") in got
    assert (6e6, "Mbps", 2015, "eq", "broadband.export_bandwidth", None, "target") in got


def test_dashes_empty_cells_and_other_units_give_nothing():
    got = rows(PIPE_ROWS)
    assert not any(r[4] == "fiber.users" and r[2] == 2020 for r in got)
    assert not any(r[0] == 15000 or r[0] == 7800 for r in got)  # 太字节 is not a GUIDE unit
    assert len([r for r in got if r[4] == "broadband.access_speed" and r[5] == "enterprise"]) == 2


def test_one_cell_per_line():
    got = rows(ONE_CELL_PER_LINE)
    assert (2.7e8, "count", 2015, "eq", "broadband.users", None, "target") in got
    assert (1000, "Mbps", 2020, "eq", "broadband.access_speed", "some_cities", "target") in got
    assert (20, "Mbps", 2013, "eq", "broadband.access_speed", "urban", "target") in got
    assert len(got) == 8


@pytest.mark.parametrize("text", ["2013年\n2015年\n", "指标 | 单位\n固定宽带 | 亿户 | 2.1\n"])
def test_no_year_header_no_table(text):
    assert extract_text(text).targets == []


def test_a_header_may_start_in_either_century():
    text = "指标 | 单位 | 1999年 | 2000年\n固定宽带接入用户 | 万户 | 10 | 20\n"
    assert [(t.value, t.year) for t in extract_text(text).targets] == [(1e5, 1999), (2e5, 2000)]


TABS_WITH_SERIAL = ("附表1 宽带网络发展主要指标\n序号\t指标名称\t单位\t2013年（现状）\t2015年\t2020年\n"
                    "1\t固定宽带家庭普及率\t%\t52\t65\t85\n2\t光纤到户覆盖家庭\t万户\t120\t200\t350\n"
                    "6\t行政村通宽带比例\t%\t95\t100\t—\n7\t城区公共区域WiFi覆盖率\t%\t—\t80\t>95\n"
                    "8\t城镇和农村家庭宽带接入能力\tMbps\t4\t20\t50\n")
FIXED_COLUMNS = ("指标                          单位      2013年    2015年    2020年\n"
                 "有线电视网络双向化率          %         46        80        >95\n"
                 "IPTV用户                      万户      14        40        100\n")
SINGLE_SPACED = ("表1 主要指标\n类别 指标 单位 2020年 2025年 属性\n网络基础设施 5G基站数 万个 2.6 12 预期性\n"
                 "每万人拥有5G基站数 个 4.3 19 预期性\n100Mbps及以上宽带用户占比 % 93.1 98 预期性\n"
                 "到2025年 全省光纤网络全面覆盖。\n")  # as text taken from a PDF gives it; a sentence ends it
KEY_VALUES = "指标：电子商务交易额；单位：亿元；2013年：2100；2015年目标：3500；2020年目标：8000\n" \
             "指标：信息消费年均增长率；单位：%；2015年目标：≥18；2020年目标：≥15\n"


@pytest.mark.parametrize("text, record", [
    (TABS_WITH_SERIAL, (65, "percent", 2015, "eq", "broadband.household_penetration", None, "target")),
    (TABS_WITH_SERIAL, (3.5e6, "count", 2020, "eq", "fiber.coverage", None, "target")),
    (TABS_WITH_SERIAL, (52, "percent", 2013, "eq", "broadband.household_penetration", None, "baseline")),
    (TABS_WITH_SERIAL, (95, "percent", 2020, "gt", "wireless.coverage", "public", "target")),  # where: 城区
    (TABS_WITH_SERIAL, (50, "Mbps", 2020, "eq", "broadband.access_speed", None, "target")),  # two groups
    (SINGLE_SPACED, (1.2e5, "count", 2025, "eq", "mobile.base_stations", None, "target")),
    (SINGLE_SPACED, (4.3, "count", 2020, "eq", "mobile.base_stations", None, "target")),  # no 类别 cell: from the right
    (SINGLE_SPACED, (98, "percent", 2025, "eq", "broadband.high_speed_share", None, "target")),
    (FIXED_COLUMNS, (95, "percent", 2020, "gt", "cabletv.two_way", None, "target")),
    (FIXED_COLUMNS, (4e5, "count", 2015, "eq", "tv.users", None, "target")),
    (KEY_VALUES, (8e11, "CNY", 2020, "eq", "ecommerce.volume", None, "target")),
    (KEY_VALUES, (18, "percent", 2015, "ge", "info_consumption.growth", None, "target")),
])
def test_tabs_fixed_columns_and_key_values(text, record):
    assert record in rows(text)


@pytest.mark.parametrize("text, n", [(SINGLE_SPACED, 6), (TABS_WITH_SERIAL, 13), (FIXED_COLUMNS, 6), (KEY_VALUES, 5)])
def test_every_year_cell_is_read_once(text, n):
    assert len(rows(text)) == n


MARKDOWN = """| 类别 | 序号 | 指标 | 单位 | 2015年 | 2020年 | 指标属性 |
| --- | --- | --- | --- | --- | --- | --- |
| 信息基础设施 | 1 | 固定宽带家庭普及率 | % | 68 | 90 | 预期性 |
|  | 7 | 重点公共区域免费WiFi覆盖率 | % | 35 | ≥95 | 预期性 |
"""


def test_markdown_table_with_category_and_kind_columns():
    got = rows(MARKDOWN)
    assert (90, "percent", 2020, "eq", "broadband.household_penetration", None, "target") in got
    assert (95, "percent", 2020, "ge", "wireless.coverage", "public", "target") in got
    assert len(got) == 4


def test_a_table_cell_restated_in_prose_is_one_record_with_the_prose_threshold():
    text = "到2025年，100Mbps及以上宽带用户占比达到98%。\n" + SINGLE_SPACED
    [t] = [t for t in extract_text(text).targets if t.value == 98]
    assert (t.comparator, t.threshold and t.threshold.value) == ("ge", 100)


BREAKDOWN = ("下表为各地任务。\n2020年各地5G基站建设任务（单位：个）\n地区 | 5G基站数\n石家庄市 | 2500\n"
             "雄安新区 | 1500\n合计 | 4000\n在政策支持方面，给予补助。")


def test_a_breakdown_by_place_gives_a_record_per_place():
    got = sorted((t.value, t.unit, t.year, t.indicator) for t in extract_text(BREAKDOWN).targets)
    assert got == [(1500, "count", 2020, "mobile.base_stations"), (2500, "count", 2020, "mobile.base_stations"),
                   (4000, "count", 2020, "mobile.base_stations")]


CELLS_WITH_SERIALS_AND_KINDS = "\n".join([
    "表1 主要指标", "类别", "序号", "指标名称", "单位", "2015年", "2020年", "属性",
    "信息基础设施", "1", "固定宽带家庭普及率", "%", "78", "95", "预期性",
    "2", "城市家庭宽带接入能力", "Mbps", "100", "1000", "预期性",
    "信息惠民", "3", "网民数量", "万人", "310", "400", "约束性",
])


def test_one_cell_per_line_with_categories_serial_numbers_and_kinds():
    got = {(t.value, t.year, t.indicator) for t in extract_text(CELLS_WITH_SERIALS_AND_KINDS).targets}
    assert {(95, 2020, "broadband.household_penetration"), (1000, 2020, "broadband.access_speed"),
            (4e6, 2020, "internet.users")} <= got
