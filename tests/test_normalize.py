"""The canonical text: folded widths, simplified script, no stray spaces or control characters."""
import re

import pytest

from tridoc.normalize import _CONTROL, _survey, fold_width, is_traditional, normalize, to_simplified


@pytest.mark.parametrize("source, text", [
    ("到 2015 年", "到2015年"), ("中 文", "中文"), ("中  文", "中  文"), ("中\t文", "中\t文"),
    (" 中", "中"), ("中 ", "中"), ("a b", "a b"), ("到 2015 of", "到2015 of"), ("发(fā)展", "发展"),
    ("a(fā)b", "a(fā)b"), ("a\x01\x02b\u200bc", "abc"), ("\ufeff中文", "中文"), ("８５％ ，", "85% ,"),
    ("我們的網絡", "我们的网络"),
])
def test_normal_form(source, text):
    assert normalize(source).text == text


def test_offsets_map_back_to_the_source():
    source = "目标：到 2015 年，\u200b宽带用户达到 2 亿户"
    norm = normalize(source)
    start = norm.text.index("2015")
    assert source[norm.to_source(start):norm.to_source(start) + 4] == "2015"
    a, b = norm.source_span(norm.text.index("2亿户"), norm.text.index("2亿户") + 4)
    assert source[a:b] == "2 亿户"


_HEAD = "中文文本，数字（说明）。" * 1700  # beyond the 20000 characters read for traditional script


@pytest.mark.parametrize("text", [
    "", "中文", "ＡＢＣ１２３　", "們", "們這", "們這個" + "这" * 300, "這" * 2 + "这" * 300, _HEAD + "們這個",
    _HEAD[:19998] + "們這個" + _HEAD, "們" + _HEAD[:19997] + "這個" + _HEAD, "\x01", "a\x0bb", "\ufeff們這個\u200b",
    "，" * 5 + "\x7f" + "們" * 5 + "（",
])
def test_one_survey_does_the_three_scans(text):
    folded = fold_width(text)
    assert _survey(text) == (folded, is_traditional(folded), bool(re.search(f"[{_CONTROL}]", text)))


@pytest.mark.parametrize("traditional, simplified", [
    ("寬頻網路", "宽带网络"), ("資訊消費", "信息消费"), ("數位化", "数字化"), ("頻寬", "带宽"),  # Taiwan usage
    # words mainland texts in traditional script use as they are, which a Taiwan IT-vocabulary
    # converter would rewrite (添加, 智能城市, 交互, 内核, 创建, 文档)
    ("新增寬頻用戶", "新增宽带用户"), ("智慧城市", "智慧城市"), ("高清互動電視", "高清互动电视"),
    ("核心區", "核心区"), ("建立", "建立"), ("文件", "文件"),
    # "mobile" in Taiwan (行動) and Hong Kong (流動), and Taiwan's fibre to the home
    ("行動寬頻用戶", "移动宽带用户"), ("行動通訊", "移动通信"), ("流動數據", "移动数据"), ("光纖到府", "光纤到户"),
    ("行動計劃", "行动计划"), ("流動人口", "流动人口"),  # as words of their own they stay
])
def test_traditional_text_reads_in_mainland_words(traditional, simplified):
    assert to_simplified(traditional) == simplified


def test_spaces_between_the_cells_of_a_single_spaced_table_stay():
    text = "说明 文字。\n指标 单位 2020年 2025年\n5G基站数 万个 2.6 12\n到2025年 全省覆盖。"
    assert normalize(text).text == "说明文字。\n指标 单位 2020年 2025年\n5G基站数 万个 2.6 12\n到2025年全省覆盖。"
