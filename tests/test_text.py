"""planner.text: control characters out, readable text kept."""

from planner.text import clean_text


def test_control_characters_and_lone_surrogates_are_removed():
    assert clean_text("李\b四\x00\x1f\x7f") == "李四"
    assert clean_text("标题\ud800") == "标题"


def test_tabs_and_line_breaks():
    assert clean_text("张\t三\r\n四") == "张 三 四"
    assert clean_text("第一行\r\n第二行\r第三行", multiline=True) == "第一行\n第二行\n第三行"


def test_ordinary_text_is_unchanged():
    text = "湖南县（市、区）党政正职 · 余杭区 <img src=x> 138****5678"
    assert clean_text(text) == text
