import pytest

from tridoc.numbers import parse_chinese_integer, parse_number, scale_of


@pytest.mark.parametrize("text, value", [
    ("二〇一五", 2015), ("二〇二〇", 2020), ("十二", 12), ("十", 10), ("六十", 60), ("八千", 8000),
    ("一百零五", 105), ("两千", 2000), ("三百二十", 320), ("九", 9),
])
def test_chinese_integers(text, value):
    assert parse_chinese_integer(text) == value


@pytest.mark.parametrize("text", ["", "万", "abc", "十a"])
def test_not_chinese_integers(text):
    assert parse_chinese_integer(text) is None


@pytest.mark.parametrize("text, value", [
    ("1,234.5", 1234.5), ("2.7", 2.7), ("30000", 30000), ("一点五", 1.5), ("三十二", 32),
    ("twenty", 20), ("One", 1), ("0.3", 0.3),
])
def test_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("word, scale", [
    ("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("千万", 10**7), ("百亿", 10**10),
    ("million", 10**6), ("Billion", 10**9), ("trillion", 10**12), ("", 1),
])
def test_scales(word, scale):
    assert scale_of(word) == scale
