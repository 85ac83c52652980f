"""学习体会汇编: the participants' reflections compiled in the official layout — a
contents page, then each text on its own pages, headed with its title and the author's
unit and name; group by group, in roster order (people in no group last).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.documents import Documents
from planner.documents.attendees import unassigned_people
from planner.documents.notice import Block, body_blocks

UNTITLED = "学习体会"


@dataclass(frozen=True)
class BookletEntry:
    number: int
    participant_id: int
    name: str
    unit: str
    position: str  # 职务
    group: str
    title: str
    blocks: tuple[Block, ...]  # the text: paragraphs and its own headings (一、…)

    @property
    def byline(self) -> str:
        return "　".join(x for x in (self.unit, self.position, self.name) if x)

    @property
    def marker(self) -> str:
        """Text found on the entry's first page and nowhere else: where the contents'
        page numbers are looked up in the printed PDF."""
        return f"{self.title}{self.byline}".replace("　", "").replace(" ", "")


@dataclass(frozen=True)
class Booklet:
    title: str  # the programme's
    organiser: str
    entries: tuple[BookletEntry, ...]
    pages: tuple[int | None, ...] = ()  # each entry's first page, once printed

    def with_pages(self, pages) -> "Booklet":
        return replace(self, pages=tuple(pages))

    def page_of(self, index: int) -> str:
        return str(self.pages[index]) if index < len(self.pages) and self.pages[index] is not None else ""


def booklet(docs: Documents, group_id: int | None = None) -> Booklet:
    plan = docs.plan
    texts = {r.participant_id: r for r in plan.reflections}
    order = []
    for group in plan.ordered_groups():
        if group_id is None or group.id == group_id:
            order += [(group.name, row.participant_id) for row in docs.roster(group.id).rows]
    if group_id is None:
        order += [("", p.id) for p in unassigned_people(docs)]
    entries = []
    for group_name, participant_id in order:
        reflection = texts.get(participant_id)
        if reflection is None:
            continue
        person = plan.get("participants", participant_id)
        entries.append(BookletEntry(len(entries) + 1, person.id, person.name, person.unit, person.title,
                                    group_name, reflection.title or UNTITLED,
                                    tuple(body_blocks(reflection.text.splitlines()))))
    return Booklet(plan.programme.title, plan.programme.organiser, tuple(entries))
