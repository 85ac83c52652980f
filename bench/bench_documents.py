"""Time the documents before and after the tour as PDFs, on the sample plan with a full
set of material: figures for every place and the home county, questions at every site,
a reflection of about 2,000 characters from each of the 90 participants, 30 measures.

Issue 22 names no speed target; the figures are set against the printing issue's 3 s
for the whole booklet, as a yardstick. The reflections booklet's contents take their
page numbers from the printed booklet: its time includes printing the contents again
and putting them in front (ui/printing/contents.py). One run =
build the data, render the HTML, print it (one offscreen page kept warm, as the app
does); the first run (Chromium start-up) is left out. Run:

    .venv/bin/python bench/bench_documents.py [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ui.printing.pdf import ensure_app, prepare_headless, quiet_stderr  # noqa: E402

YARDSTICK_S = 3.0
DOCUMENTS = ("notice", "signin", "signin-day", "namecards", "benchmark", "reflections", "measures")
PARAGRAPH = "今年2月，我参加了专题培训班，赴浙江、江苏考察学习，走进企业、园区和村庄，收获很大。"


def full_material(plan):
    from planner.model import Indicator, Measure, Reflection

    indicators = []
    for place in (*plan.places, None):
        for n, name in enumerate(("地区生产总值", "常住人口", "一般公共预算收入", "规上工业企业", "主导产业")):
            indicators.append(Indicator(len(indicators) + 1, name, place.id if place else None,
                                        "" if place else "某某县", "", f"{100 + n * 7}", 2023, "统计公报", n))
    text = "\n".join(["一、主要收获", *[PARAGRAPH * 10] * 4, "二、下一步举措", PARAGRAPH * 5])
    reflections = [Reflection(n + 1, p.id, f"{p.name}的学习体会", text, "") for n, p in enumerate(plan.participants)]
    measures = [Measure(n + 1, f"第{n + 1}项举措：{PARAGRAPH[:20]}", "县发改局", "2025年底前", "planned",
                        plan.sites[n % len(plan.sites)].id, None, "", n) for n in range(30)]
    sites = [replace(s, questions="问题一？\n问题二？\n问题三？") for s in plan.sites]
    return (plan.with_items("indicators", indicators).with_items("reflections", reflections)
            .with_items("measures", measures).with_items("sites", sites))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    prepare_headless()
    with quiet_stderr():
        ensure_app()
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtPdf import QPdfDocument

        from planner.sample import sample_plan
        from planner.documents import Documents
        from ui.printing.pdf import pdf_bytes
        from ui.printing.render import PdfRenderer

        plan = full_material(sample_plan())
        renderer = PdfRenderer()
        results = {}
        try:
            for document in DOCUMENTS:
                times, data = [], b""
                for _ in range(args.runs + 1):
                    start = time.perf_counter()
                    data = pdf_bytes(Documents(plan), document, renderer=renderer)
                    times.append(time.perf_counter() - start)
                buffer = QBuffer()
                buffer.setData(QByteArray(data))
                buffer.open(QIODevice.OpenModeFlag.ReadOnly)
                pdf = QPdfDocument()
                pdf.load(buffer)
                results[document] = (statistics.median(times[1:]), pdf.pageCount(), len(data))
                pdf.close()
        finally:
            renderer.close()
    print(f"sample plan, 90 participants with a reflection each; median of {args.runs} runs (first run left out)")
    for document, (median, pages, size) in results.items():
        print(f"  {document:<12} {median:6.2f} s  {pages:4d} pages  {size / 1e6:5.2f} MB"
              f"  ({median / YARDSTICK_S:.0%} of the booklet's {YARDSTICK_S:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
