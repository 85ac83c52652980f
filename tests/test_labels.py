"""Labels are declared once (planner.labels): the map, the views and the documents say
the same names for the same kinds and modes."""

from planner.labels import ENUM_LABELS, JOURNEY_NAMES, label
from planner.map_data import map_payload
from planner.model import LEG_MODES


def test_the_map_names_kinds_and_modes_as_the_labels_do(sample):
    for language, english in (("zh", False), ("en", True)):
        payload = map_payload(sample, language=language)
        for site in payload["sites"]:
            kind = next(s.kind for s in sample.sites if s.id == site["id"])
            assert label("site_kind", kind, english) in site["popup"]["subtitle"]
        modes = {s["mode"] for s in payload["segments"]}
        assert modes and modes <= set(LEG_MODES)
        for segment in payload["segments"]:
            assert f"· {label('leg_mode', segment['mode'], english)} " in segment["tooltip"]


def test_the_views_name_modes_and_journeys_from_the_labels(qapp):
    from ui import i18n

    for english, language in ((False, "zh"), (True, "en")):
        i18n._current["language"] = language
        try:
            assert [i18n.mode_name(m) for m in LEG_MODES] == [ENUM_LABELS["leg_mode"][m][english] for m in LEG_MODES]
            assert i18n.journey_name("out") == JOURNEY_NAMES["out"][english]
            assert i18n.mode_name(None) == ("Travel" if english else "行车")
        finally:
            i18n._current["language"] = "zh"


def test_a_venue_is_the_same_word_everywhere():
    assert label("site_kind", "venue") == "会场"
