"""Build resources/samples/hunan-2025.json, the bundled sample plan.

The model case (shared/reference/hunan-2025.md): Hunan county leaders' study tour of
Zhejiang and Jiangsu, 2025-02-23 to 02-28, a joint opening in Hangzhou, then three
groups on the published routes through 18 places, 49 on-site teaching sessions.
The report gives the routes and some named sites; everything else here (times,
hotels, hosts, most sites, the roster) is illustrative, and the plan says so.

Run: .venv/bin/python tools/build_sample.py
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.gazetteer import Gazetteer  # noqa: E402
from planner.jsonio import plan_to_json  # noqa: E402
from planner.legs import settle  # noqa: E402
from planner.model import (  # noqa: E402
    BudgetLine, Group, Lodging, Participant, Place, Plan, Plenary, Programme, Session, Site, parse_clock,
)
from planner.resources import resource_path  # noqa: E402

THEMES = ("产业发展", "招商引资", "园区建设", "乡村振兴", "文旅融合", "现代服务业")
OUT = resource_path("samples", "hunan-2025.json")

NOTES = (
    "示例方案，依据公开报道（新浪财经，2025-03-03）：开班地点、三条线路及 18 个县（市、区）的顺序、"
    "报道点名的教学点（阿里巴巴、吉利汽车、义乌国际商贸城、海宁中国皮革城、李祖村、缪家村）与六个教学主题为真实信息。"
    "报道未公布的内容——各场次时间、其余教学点、主持/讲解、宾馆、用餐安排及 49 场现场教学的具体安排、学员名单——"
    "均为示意，学员姓名为占位名。教学点坐标为示意位置。长沙集合出发、返回及开班时间为示意。\n"
    "Sample plan after a published report (Sina Finance, 2025-03-03). Real: the opening city, the three routes and "
    "the order of their 18 places, the named sites (Alibaba, Geely, Yiwu International Trade City, Haining China "
    "Leather City, Lizu and Miaojia villages) and the six themes. Illustrative: session times, the other sites, "
    "hosts, hotels, meals, the detail of the 49 sessions, and the roster (placeholder names). Site positions are "
    "approximate. Leaving from and returning to Changsha, and the time of the opening, are illustrative."
    "\n经费（培训类别、房价、伙食、车辆、现场教学费、讲课费、资料和保险）均为示意数额，不是实际价格。"
    "\nCosts (class of training, room, meal, vehicle, teaching and lecture fees, materials, insurance) are "
    "illustrative figures, not real prices."
)

# Per group: days, each a list of (place, [(site, kind, theme, minutes, session kind, title), ...]).
# Day 1 is the journey from Changsha and the joint opening in Hangzhou (第一组 visits
# Alibaba after it, nearby); the groups go home on day 6 after the morning's visits.
ROUTES = {
    "第一组": [
        (1, "杭州市余杭区", [
            ("阿里巴巴（西溪园区）", "enterprise", "产业发展", 60, "visit", "数字经济与平台企业发展"),
        ]),
        (2, "杭州市余杭区", [
            ("梦想小镇", "park", "招商引资", 60, "visit", "创新创业平台与招才引智"),
            ("良渚古城遗址公园", "venue", "文旅融合", 75, "visit", "文化遗产保护与文旅融合"),
        ]),
        (2, "金华市义乌市", [("义乌国际商贸城", "market", "现代服务业", 90, "visit", "小商品市场与现代商贸服务")]),
        (3, "金华市义乌市", [
            ("李祖村", "village", "乡村振兴", 75, "visit", "共富乡村与乡村运营"),
            ("义乌国际陆港", "park", "园区建设", 60, "visit", "陆港物流与开放平台建设"),
        ]),
        (3, "绍兴市柯桥区", [("中国轻纺城", "market", "现代服务业", 90, "visit", "专业市场转型升级")]),
        (4, "绍兴市柯桥区", [("柯桥经济技术开发区", "park", "园区建设", 60, "visit", "传统产业集群升级")]),
        (4, "无锡市新吴区", [
            ("无锡高新区规划展示馆", "park", "园区建设", 45, "visit", "国家高新区建设经验"),
            ("新吴区集成电路企业", "enterprise", "产业发展", 60, "visit", "先进制造业集群培育"),
            ("新吴区招商服务中心", "venue", "招商引资", 60, "talk", "招商引资工作座谈"),
        ]),
        (5, "无锡市滨湖区", [("拈花湾小镇", "venue", "文旅融合", 75, "visit", "文旅小镇运营")]),
        (5, "无锡市梁溪区", [
            ("运河外滩", "venue", "现代服务业", 60, "visit", "城市更新与现代服务业"),
            ("梁溪区县域经济座谈会场", "venue", "招商引资", 60, "talk", "县域经济高质量发展座谈"),
        ]),
        (5, "无锡市江阴市", [("江阴市会议中心", "venue", "招商引资", 60, "talk", "第一组学习交流座谈")]),
        (6, "无锡市江阴市", [
            ("华西村", "village", "乡村振兴", 90, "visit", "集体经济与乡村振兴"),
            ("江阴高新区", "park", "园区建设", 60, "visit", "园区二次创业"),
            ("海澜集团", "enterprise", "产业发展", 60, "visit", "民营企业做大做强"),
        ]),
    ],
    "第二组": [
        (2, "嘉兴市海宁市", [
            ("海宁中国皮革城", "market", "现代服务业", 90, "visit", "专业市场与品牌建设"),
            ("海宁经济开发区", "park", "园区建设", 60, "visit", "开发区整合提升"),
        ]),
        (2, "嘉兴市桐乡市", [("乌镇互联网之光博览中心", "venue", "产业发展", 90, "visit", "数字经济与世界互联网大会")]),
        (3, "嘉兴市桐乡市", [
            ("濮院时尚古镇", "venue", "文旅融合", 60, "visit", "产业古镇与文旅融合"),
            ("巨石集团", "enterprise", "产业发展", 60, "visit", "龙头企业带动产业链"),
        ]),
        (3, "嘉兴市嘉善县", [("缪家村", "village", "乡村振兴", 90, "visit", "强村富民与乡村振兴")]),
        (4, "嘉兴市嘉善县", [
            ("祥符荡科创绿谷", "park", "招商引资", 60, "visit", "长三角一体化示范区招商"),
            ("嘉善县行政中心", "venue", "招商引资", 60, "talk", "县域经济高质量发展座谈"),
        ]),
        (4, "苏州市昆山市", [
            ("昆山开发区展示馆", "park", "园区建设", 60, "visit", "开发区建设与对外开放"),
            ("花桥国际商务城", "park", "现代服务业", 60, "visit", "现代服务业集聚区"),
        ]),
        (5, "苏州市昆山市", [("祝家甸村", "village", "乡村振兴", 60, "visit", "古村保护与乡村振兴")]),
        (5, "苏州市常熟市", [
            ("常熟服装城", "market", "现代服务业", 60, "visit", "服装产业与市场转型"),
            ("蒋巷村", "village", "文旅融合", 90, "visit", "农文旅融合发展"),
        ]),
        (6, "苏州市常熟市", [
            ("常熟高新区", "park", "招商引资", 60, "visit", "产业招商与项目落地"),
            ("常熟市会议中心", "venue", "园区建设", 60, "talk", "第二组学习交流座谈"),
        ]),
    ],
    "第三组": [
        (2, "宁波市余姚市", [
            ("中国塑料城", "market", "现代服务业", 60, "visit", "大宗商品交易市场"),
            ("舜宇集团", "enterprise", "产业发展", 60, "visit", "光学产业与创新驱动"),
            ("横坎头村", "village", "乡村振兴", 60, "visit", "红色资源与乡村振兴"),
        ]),
        (3, "宁波市前湾新区", [
            ("吉利汽车（杭州湾基地）", "enterprise", "产业发展", 90, "visit", "汽车产业与智能制造"),
            ("前湾新区规划展示馆", "park", "园区建设", 60, "visit", "功能区开发建设"),
        ]),
        (3, "宁波市慈溪市", [("慈溪家电企业", "enterprise", "招商引资", 60, "visit", "家电产业集群与招商")]),
        (4, "宁波市慈溪市", [
            ("环杭州湾创新中心", "park", "园区建设", 60, "visit", "创新平台建设"),
            ("鸣鹤古镇", "venue", "文旅融合", 60, "visit", "古镇保护与文旅融合"),
        ]),
        (4, "嘉兴市平湖市", [
            ("平湖经济技术开发区", "park", "招商引资", 60, "visit", "外资招引与开放合作"),
            ("平湖中德产业合作园", "park", "现代服务业", 60, "visit", "国际合作园区服务"),
        ]),
        (5, "泰州市泰兴市", [
            ("泰兴经济开发区", "park", "园区建设", 60, "visit", "化工园区安全与绿色发展"),
            ("黄桥古镇", "venue", "文旅融合", 60, "visit", "红色文旅与古镇保护"),
            ("泰兴市会议中心", "venue", "招商引资", 60, "talk", "县域经济高质量发展座谈"),
        ]),
        (6, "南通市如皋市", [
            ("如皋花木大世界", "market", "乡村振兴", 60, "visit", "特色农业与花木产业"),
            ("如皋高新区", "park", "产业发展", 60, "visit", "先进制造与产业升级"),
            ("如皋市会议中心", "venue", "现代服务业", 60, "talk", "第三组学习交流座谈"),
        ]),
    ],
}

# Where each group sleeps after each day (illustrative): all three at the training hotel in
# Hangzhou after the opening, then along their routes.
LODGING = {
    "第一组": ["浙江省杭州市", "金华市义乌市", "绍兴市柯桥区", "无锡市新吴区", "无锡市江阴市"],
    "第二组": ["浙江省杭州市", "嘉兴市桐乡市", "嘉兴市嘉善县", "苏州市昆山市", "苏州市常熟市"],
    "第三组": ["浙江省杭州市", "宁波市余姚市", "宁波市慈溪市", "嘉兴市平湖市", "泰州市泰兴市"],
}
HOME = "湖南省长沙市"  # the delegation gathers in Changsha and comes back there (illustrative)
COLOURS = {"第一组": "#d62728", "第二组": "#1f77b4", "第三组": "#2ca02c"}
# Illustrative prices (示意), inside the central 三类 standard (550 元 per trainee-day).
PRICE_NOTE = "示意"
MEAL_PRICE = 120  # 元 per person-day
VEHICLE_PRICE = 1100  # 元 per coach-day
ROOM_PRICES = (380, 420, 360, 450, 400)  # 元 per room-night, by night
VILLAGE_FEE = 20  # 元 per person: a village's guided visit
PAID_VENUES = {"拈花湾小镇": 50}  # 元 per person
LINES = (  # (name, item, unit price, quantity, unit)
    ("培训资料（示意）", "venue", 30, 90, "份"),
    ("人身意外保险（示意）", "other", 20, 90, "人"),
)

# Small offsets (degrees) so sites of one place do not sit on one dot; positions are approximate.
OFFSETS = [(0.012, 0.008), (-0.015, 0.010), (0.010, -0.013), (-0.011, -0.009), (0.020, 0.002)]



class Builder:
    def __init__(self):
        self.gazetteer = Gazetteer.default()
        self.places: dict[str, Place] = {}
        self.sites: dict[str, Site] = {}
        self.sessions: list[Session] = []

    def place(self, query: str) -> Place:
        if query not in self.places:
            result = self.gazetteer.lookup(query)
            if result.status == "found":
                d = result.division
                place = Place(len(self.places) + 1, d.name, d.full_name, "division", d.code, d.lon, d.lat)
            elif result.zone is not None:  # 宁波前湾新区: no division, placed by hand
                z = result.zone
                full = f"{z.host.full_name}·{z.name}" if z.host else z.name
                place = Place(len(self.places) + 1, z.name, full, "zone", None, z.lon, z.lat,
                              "功能区，非行政区划，手动定位 / functional zone, not a division; placed by hand")
            else:
                raise SystemExit(f"{query}: {result.message_en}")
            self.places[query] = place
        return self.places[query]

    def site(self, name: str, kind: str, place: Place, themes=(), **extra) -> Site:
        if name not in self.sites:
            siblings = sum(1 for s in self.sites.values() if s.place_id == place.id)
            dx, dy = OFFSETS[siblings % len(OFFSETS)]
            self.sites[name] = Site(
                len(self.sites) + 1, name, place.id, kind, tuple(themes),
                lon=round(place.lon + dx, 5), lat=round(place.lat + dy, 5), **extra,
            )
        return self.sites[name]


def build() -> Plan:
    b = Builder()
    hangzhou = b.place("浙江省杭州市")
    venue = b.site("杭州开班式会场", "venue", hangzhou, capacity=200, note="示意 / illustrative")
    home = b.place(HOME)
    gathering = b.site("长沙集合地点（示意）", "gathering", home,
                       note="示意：集合出发与返回解散地点 / illustrative: where the delegation gathers and disperses")
    plenaries = (
        Plenary(1, "开班式", 1, venue.id, "opening", parse_clock("13:30"), parse_clock("14:00")),
        Plenary(2, "专题辅导：县域经济高质量发展", 1, venue.id, "other", parse_clock("14:15"), parse_clock("15:45"),
                "特邀专家（示意）", theme="产业发展", lecturer="特邀专家（示意）", lecturer_level="full",
                lecture_hours=2, lecture_fee=1000),
    )
    groups, sessions = [], []
    for index, (name, days) in enumerate(ROUTES.items()):
        group = Group(index + 1, name, COLOURS[name], f"带队领导（示意）{index + 1}", f"大巴 {index + 1} 号车", 49, index,
                      vehicle_price=VEHICLE_PRICE)
        groups.append(group)
        positions: dict[int, int] = {}
        for day, place_name, visits in days:
            place = b.place(place_name)
            for site_name, kind, theme, minutes, session_kind, title in visits:
                # Enterprises, parks and markets receive visitors in office hours; villages
                # and venues are open (illustrative).
                opens, closes = (
                    (parse_clock("08:30"), parse_clock("18:00")) if kind in ("enterprise", "park", "market")
                    else (None, None)
                )
                site = b.site(site_name, kind, place, (theme,), visit_minutes=minutes, opens=opens, closes=closes,
                              capacity=60 if kind == "village" else None,
                              teaching_fee=VILLAGE_FEE if kind == "village" else PAID_VENUES.get(site_name),
                              teaching_fee_per="person",
                              contact_person="接待联系人（示意）", contact_phone=f"0571-0000{len(b.sites):04d}")
                position = positions.get(day, 0)
                positions[day] = position + 1
                sessions.append(Session(len(sessions) + 1, group.id, site.id, day, position, title=title,
                                        kind=session_kind, theme=theme, host="接待单位负责同志（示意）"))
    hotels, lodgings = {}, []
    for group in groups:
        for night, place_name in enumerate(LODGING[group.name], start=1):
            place = b.place(place_name)
            hotel = b.site(f"{place.name}宾馆（示意）", "hotel", place, note="示意 / illustrative")
            hotels[hotel.name] = hotel
            lodgings.append(Lodging(len(lodgings) + 1, group.id, night, hotel.id, PRICE_NOTE,
                                    room_price=ROOM_PRICES[night - 1]))
    participants = roster(groups)
    programme = Programme(
        title="湖南县（市、区）党政正职推动县域经济高质量发展专题培训班",
        start_date=date(2025, 2, 23),
        days=6,
        organiser="主办单位（示意）",
        day_start=parse_clock("08:30"),
        day_end=parse_clock("18:00"),
        themes=THEMES,
        notes=NOTES,
        origin_site_id=gathering.id,
        departure_time=parse_clock("07:30"),
        latest_return=parse_clock("21:30"),
        training_class=3,  # county heads: 处级
        meal_price=MEAL_PRICE,
    )
    plan = Plan(programme, tuple(groups), tuple(b.places.values()), tuple(b.sites.values()),
                tuple(sessions), plenaries, (), tuple(lodgings), participants,
                budget_lines=tuple(BudgetLine(n, name, item, price, quantity, unit, "示意")
                                   for n, (name, item, price, quantity, unit) in enumerate(LINES, 1)))
    return settle(plan)


def roster(groups) -> tuple[Participant, ...]:
    """90 placeholder participants, 30 a group, with a leader and a liaison each."""
    people = []
    for group in groups:
        staff = [("带队领导", "group_leader", "带队领导"), ("联络员", "liaison", "联络员")]
        for label, role, title in staff:
            people.append(Participant(len(people) + 1, f"{label}（示意）{group.id}", "主办单位（示意）", title,
                                      "male" if role == "group_leader" else "female",
                                      f"1380000{len(people) + 1:04d}", group.id, role))
        for n in range(28):
            number = len(people) + 1
            people.append(Participant(number, f"学员{number:03d}", f"县（市、区）{number:03d}（示意）",
                                      "党委书记" if n % 2 == 0 else "政府正职",
                                      "female" if n % 5 == 0 else "male",
                                      f"1380000{number:04d}", group.id, "member",
                                      (THEMES[n % len(THEMES)],)))
    return tuple(people)


def main() -> None:
    plan = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(plan_to_json(plan), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(plan.groups)} groups, {len(plan.places)} places, {len(plan.sites)} sites, "
          f"{len(plan.sessions)} sessions, {len(plan.participants)} participants")


if __name__ == "__main__":
    main()
