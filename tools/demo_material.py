"""Add illustrative material to a copy of the sample plan, through the same commands an
organiser uses: figures per place and for a home county (``indicators import``), a few
reflections (``reflections import``), measures (``measures import``), and questions to
ask at some sites. Every figure and text is made up and says so (示意); the real report
publishes none of them. Used by tools/screenshot_prints.py.

    .venv/bin/python tools/demo_material.py PLAN.stplan
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from planner.edits import Batch, Update  # noqa: E402
from planner.store import PlanFile  # noqa: E402

SOURCE = "示意数据，非真实统计"
HOME = "某某县（示意）"
HEADER = ["地区", "地区生产总值（亿元）", "常住人口（万人）", "一般公共预算收入（亿元）", "规上工业企业（家）", "主导产业", "年份", "来源"]
QUESTIONS = {
    "义乌国际商贸城": "市场采购贸易方式试点是怎样起步的？\n商户“走出去”和外贸综合服务怎样配套？\n对内陆县发展商贸物流有哪些建议？",
    "李祖村": "村集体经济怎样从“空心村”起步？\n引进青年创客的政策和运营模式是什么？",
    "阿里巴巴（西溪园区）": "数字经济企业怎样带动县域中小企业上云用数？\n县域电商人才如何培养？",
}
REFLECTIONS = (
    ("学习浙江经验 推动县域经济高质量发展（示意）",
     ["一、主要收获", "这次考察时间紧、内容实，所到之处都给我留下了深刻印象（示意文字）。" * 6,
      "二、差距与启示", "对照先进地区，我们在产业链条、营商环境和干部作风上还有不小差距（示意文字）。" * 5,
      "三、下一步举措", "回去以后，要把学到的经验转化为推动本县发展的具体举措（示意文字）。" * 4]),
    ("对标先进找差距 真抓实干促发展（示意）",
     ["今年2月，我随第二组赴浙江、江苏考察学习（示意文字）。" * 8,
      "一、开放的理念", "先进地区把招商引资作为“一号工程”，专班推进、全员招商（示意文字）。" * 6]),
)


def _xlsx(path: Path, rows) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _run(*args) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr)


def add_demo_material(plan_path: Path) -> None:
    with PlanFile.open(plan_path, readonly=True) as plan_file:
        plan = plan_file.load()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        rows = [HEADER]
        visited = {p.id for g in plan.groups for p in plan.route_places(g.id)}
        for n, place in enumerate(p for p in plan.places if p.id in visited):
            rows.append([place.name, 1200 + 173 * n, 60 + 7 * n, 90 + 11 * n, 800 + 90 * n, "（示意）", 2023, SOURCE])
        rows.append([HOME, 326.4, 58.2, 18.7, 146, "农产品加工（示意）", 2023, SOURCE])
        _run("indicators", "import", plan_path, _xlsx(work / "指标.xlsx", rows))
        folder = work / "体会"
        folder.mkdir()
        people = [p for p in plan.participants if p.role == "member"]
        for person, (title, paragraphs) in zip((people[0], people[30]), REFLECTIONS):
            (folder / f"{person.name}.txt").write_text("\n".join([title, *paragraphs]), encoding="utf-8")
        _run("reflections", "import", plan_path, folder)
        measures = [["举措", "责任单位", "完成时限", "进展情况", "来源"],
                    ["学习市场采购贸易方式，谋划本县商贸物流园区（示意）", "县商务局", "2025年6月底前", "推进中", "义乌国际商贸城"],
                    ["借鉴“千万工程”经验，开展和美乡村示范村创建（示意）", "县农业农村局", "2025年底前", "未启动", "李祖村"],
                    ["建立招商引资“链长制”，每季度通报（示意）", "县投资促进中心", "长期", "长期坚持", ""]]
        _run("measures", "import", plan_path, _xlsx(work / "举措.xlsx", measures))
    with PlanFile.open(plan_path) as plan_file:
        plan = plan_file.load()
        edits = [Update("sites", s.id, {"questions": QUESTIONS[s.name]}) for s in plan.sites if s.name in QUESTIONS]
        plan_file.apply(Batch(tuple(edits), "考察提问（示意）"))


if __name__ == "__main__":
    add_demo_material(Path(sys.argv[1]))
