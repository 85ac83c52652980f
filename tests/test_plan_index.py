"""The plan's look-up tables are its own: a copy never answers with another copy's items."""

import copy
from dataclasses import replace


def test_a_copy_answers_with_its_own_items(sample):
    group = sample.ordered_groups()[0]
    first = sample.sessions_of(group.id, 2)[0]
    assert sample.get("sessions", first.id) == first  # the original's tables are built now
    renamed = replace(first, title="改过的标题")
    changed = sample.with_items("sessions", [renamed if s.id == first.id else s for s in sample.sessions])
    assert changed.get("sessions", first.id).title == "改过的标题"
    assert changed.sessions_of(group.id, 2)[0].title == "改过的标题"
    assert sample.get("sessions", first.id).title == first.title  # and the original is untouched
    for duplicate in (copy.copy(sample), copy.deepcopy(sample), replace(sample)):
        trimmed = duplicate.with_items("sessions", [])
        assert trimmed.sessions_of(group.id, 2) == [] and trimmed.get("sessions", first.id) is None
