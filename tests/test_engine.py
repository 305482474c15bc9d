"""Properties of the whole pipeline: any text, no exception; evidence that points at the figure."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tridoc import extract_file, extract_text

# Pieces of policy language, so that generated texts hit the rules and not only the fast path.
TOKENS = ["到", "2015", "年", "年底", "达到", "超过", "以上", "以下", "左右", "%", "％", "万", "亿", "元", "户", "个",
          "Mbps", "兆", "G", "千兆", "百分之", "八十", "两", "二〇二〇", "，", ",", "。", ";", "、", " ", "\n", "|",
          "(", ")", "（", "）", "《", "》", "〔", "〕", "号", "分别", "和", "城市", "农村", "宽带接入能力", "普及率",
          "截至", "已", "1.", "一、", "(一)", "3G", "by", " 2020", "respectively", "percent", "billion", "yuan",
          "more than", "in", "households", "1", "0", "5", ".", "-", "~", "第", "十二五", "今年", "\u3000", "\t"]
policy_text = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)


def check_evidence(text, extraction):
    for t in extraction.targets:
        start, end = t.span
        assert text[start:end] == t.figure
        assert t.line == text.count("\n", 0, start) + 1
        assert " ".join(t.figure.split()) in t.text


@given(st.text(max_size=300))
def test_any_text_extracts_without_error(text):
    check_evidence(text, extract_text(text))


@given(policy_text)
def test_policy_like_text_keeps_evidence_and_is_deterministic(text):
    first = extract_text(text)
    check_evidence(text, first)
    assert extract_text(text) == first


HOSTILE = {
    "digits": "1" * 100_000,
    "spaces": " " * 100_000 + "到",
    "brackets": "(" * 30_000 + "〔" * 30_000 + "《" * 30_000,
    "comparators": "达到" * 50_000,
    "scales": "亿" * 100_000,
    "digits and scales": ("1" * 50 + "亿") * 2_000,
    "figures in one sentence": "达到1%" * 20_000,
    "years": "到2015年" * 15_000,
    "english": "by " * 30_000 + "a" * 50_000,
    "semicolons": "(" + ";" * 50_000,
    "chinese numerals": "一二三四五六七八九十" * 10_000,
    "thousands": "1,000," * 20_000,
    "pipes": "|\n" * 20_000 + "2013年\n2015年\n" + "a\n%\n1\n2\n" * 10_000,
    "markup": "[bold]" * 10_000 + "\x1b[31m" * 10_000,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_finishes(name):
    """Long runs of what the patterns look for must not make them backtrack; the speed
    per MB of these inputs is measured in benchmarks/speed.py, here they must just finish."""
    extraction = extract_text(HOSTILE[name])
    check_evidence(HOSTILE[name], extraction)


SAMPLE = "湖南省人民政府关于推进宽带中国战略的实施意见\n到2015年，城市家庭宽带接入能力基本达到20Mbps以上，固定寬帶家庭普及率達到45%。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_same_targets_in_any_encoding(tmp_path, encoding):
    path = tmp_path / f"plan-{encoding}.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    got = [(t.value, t.unit, t.year, t.indicator, t.span) for t in extract_file(path).targets]
    want = [(t.value, t.unit, t.year, t.indicator, t.span) for t in extract_text(SAMPLE).targets]
    assert got == want and len(got) == 2


def test_traditional_and_simplified_give_the_same_records():
    simplified = "到2015年底，固定宽带家庭普及率达到85%，城市、乡镇、农村家庭宽带接入能力分别达到100Mbps、20Mbps和10Mbps。"
    traditional = "到2015年底，固定寬帶家庭普及率達到85%，城市、鄉鎮、農村家庭寬帶接入能力分別達到100Mbps、20Mbps和10Mbps。"

    def records(text):
        return [(t.value, t.unit, t.year, t.comparator, t.indicator, t.scope) for t in extract_text(text).targets]
    assert records(traditional) == records(simplified) and len(records(simplified)) == 4


def test_document_facts_are_validated_into_the_record(monkeypatch):
    import pydantic

    import tridoc.facts

    monkeypatch.setattr(tridoc.facts, "document_facts", lambda text, traditional=False: {"region_level": "galaxy"})
    with pytest.raises(pydantic.ValidationError):
        extract_text("到2015年，城市家庭宽带接入能力达到20Mbps。")
