"""Participants' roles: the shipped list, extended or renamed by the plan's own.

A participant's ``role`` holds a role's ``code``. Each role says whether its people count
as trainees (the training-fee budget counts trainee-days), take a seat on the group's
vehicle and a bed in its hotel. A plan stores only the roles its organiser added or
changed; ``roles_of`` merges them over the shipped ones, so old plans and plans built in
code (with no roles of their own) work alike.
"""

from __future__ import annotations

from functools import lru_cache

from planner.model import Plan, Role

GROUP_LEADER, LIAISON, MEMBER = "group_leader", "liaison", "member"

# code, 中文, English, trainee, seat, bed. 观察员: an observation team (deputies,
# entrepreneurs, department staff) travels along but is not trained.
SHIPPED_ROLES: tuple[Role, ...] = tuple(
    Role(0, code, name, name_en, trainee, seat, bed, position)
    for position, (code, name, name_en, trainee, seat, bed) in enumerate((
        (GROUP_LEADER, "带队领导", "Group leader", False, True, True),
        (LIAISON, "联络员", "Liaison", False, True, True),
        (MEMBER, "学员", "Member", True, True, True),
        ("observer", "观察员", "Observer", False, True, True),
        ("journalist", "随行记者", "Journalist", False, True, True),
        ("staff", "工作人员", "Staff", False, True, True),
    ))
)

# Roles whose people the group's contact lists name (the ones a participant calls).
CONTACT_ROLES = (GROUP_LEADER, LIAISON)


def roles_of(plan: Plan) -> dict[str, Role]:
    """Every role the plan knows, by code, in display order: the shipped ones (as the
    plan may have renamed them), then the plan's own."""
    return dict(_merged(plan.roles))


@lru_cache(maxsize=16)  # role() is asked for every participant by every check and list
def _merged(plan_roles: tuple[Role, ...]) -> dict[str, Role]:
    merged = {role.code: role for role in SHIPPED_ROLES}
    for role in sorted(plan_roles, key=lambda r: (r.position, r.id)):
        merged[role.code] = role  # a shipped code keeps its place in the order
    return merged


def role(plan: Plan, code: str) -> Role:
    """The role ``code`` stands for; an unknown code reads as a trainee with its code as name."""
    found = _merged(plan.roles).get(code)
    return found if found is not None else Role(0, code, code, code)


def role_name(plan: Plan, code: str, english: bool = False) -> str:
    found = role(plan, code)
    return (found.name_en or found.name) if english else found.name


def role_order(plan: Plan) -> dict[str, int]:
    """Sort key of each role code: leaders first, as lists print them."""
    return {code: n for n, code in enumerate(roles_of(plan))}


def role_by_name(plan: Plan, text: str) -> str | None:
    """The code of the role named ``text`` (Chinese or English name, or the code), or None."""
    key = text.strip().lower().replace(" ", "")
    for code, found in roles_of(plan).items():
        if key in (code, found.name.replace(" ", "").lower(), found.name_en.replace(" ", "").lower()):
            return code
    return None
