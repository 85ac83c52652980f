"""``python main.py export PLAN --format … --out FILE``: any document in any format.

Every format but pdf is made here. A PDF is printed by Chromium (QtWebEngine), which
lives in ``ui.printing``: the caller hands ``produce`` a ``make_pdf`` function, and
``main.py`` registers the command with one that loads Qt only when a PDF is asked for.
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable

from planner.labels import FORCE_HELP, PLAN_HELP
from planner.documents import Documents
from planner.documents.html import DOCUMENTS
from planner.documents.material import OFFICIAL_DOCX, TABLES as MATERIAL_TABLES
from planner.documents.output import ExportError, write_atomic
from planner.output_path import OutputPathError, check_output
from planner.store import PlanFile

FORMATS = ("pdf", "xlsx", "docx", "ics", "kml", "gpx")
TABLE_DOCUMENTS = ("overview", "group", "roster", "contacts", "booklet", "rooming", "bus", "budget",
                   *MATERIAL_TABLES)

# (docs, document, group id, participant id, mask phones or None) -> the PDF's bytes
MakePdf = Callable[[Documents, str, "int | None", "int | None", "bool | None"], bytes]


def add_export_command(subparsers, make_pdf: MakePdf | None = None) -> None:
    export = subparsers.add_parser(
        "export",
        help="打印与导出文件：pdf、xlsx、docx、ics、kml、gpx / print or export documents: pdf, xlsx, docx, ics, "
             "kml, gpx",
        description="打印与导出 / documents and exports of a plan. "
        "pdf: any document; xlsx/docx: overview, group, roster, contacts, booklet, rooming, bus, budget, "
        "signin, signin-day, measures; docx also notice, reflections; "
        "ics: per group (--group), per participant (--participant) or all groups; "
        "kml/gpx: each group's route, or one with --group.",
    )
    export.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    export.add_argument("--format", required=True, choices=FORMATS, help="文件格式 / the file format")
    export.add_argument("--out", required=True, metavar="FILE", help="要写入的文件 / the file to write")
    export.add_argument("--document", choices=DOCUMENTS, default=None,
                        help="哪份文件（pdf、xlsx、docx），默认 booklet 手册 / which document (pdf, xlsx, docx); "
                             "default: booklet")
    export.add_argument("--group", type=int, metavar="N", help="只要编号为 N 的组 / only the group with id N")
    export.add_argument("--participant", type=int, metavar="ID", help="编号为 ID 的学员 / the participant with id ID")
    export.add_argument("--mask-phones", action=argparse.BooleanOptionalAction, default=None,
                        help="隐藏电话号码中间四位（--no-mask-phones：显示完整号码）；默认发给全体学员的文档隐藏"
                        "（group、roster、booklet、rooming），participant、contacts、bus 显示完整号码 / "
                        "mask phone numbers (138****5678) or print them in full; default: masked in documents "
                        "for the whole delegation, in full in participant (the group's leaders and liaisons), "
                        "contacts and bus")
    export.add_argument("--force", action="store_true", help=FORCE_HELP.format(out="FILE"))
    export.set_defaults(run=lambda args: run_export(args, make_pdf))


def _check_ids(docs: Documents, args) -> None:
    plan = docs.plan
    if args.group is not None and plan.group(args.group) is None:
        known = "、".join(f"{g.id} {g.name}" for g in plan.ordered_groups()) or "无 / none"
        raise ExportError(f"没有编号为 {args.group} 的组 / no group {args.group} (groups: {known})")
    if args.participant is not None:
        participant = plan.get("participants", args.participant)
        if participant is None:
            raise ExportError(f"没有编号为 {args.participant} 的学员 / no participant {args.participant}")
        if participant.group_id is None or plan.group(participant.group_id) is None:
            raise ExportError(f"学员 {args.participant} 未分组 / participant {args.participant} is in no group")


def produce(docs: Documents, fmt: str, document: str | None, group: int | None,
            participant: int | None, mask: bool | None = None, make_pdf: MakePdf | None = None) -> bytes:
    """The bytes of one export (raises ExportError for requests that do not apply).
    ``mask``: phones masked or in full (None: the document's default); ``make_pdf``
    prints a PDF (``ui.printing.headless.make_pdf``)."""
    if fmt == "pdf":
        document = document or ("participant" if participant is not None else "booklet")
        if participant is not None and document != "participant":
            raise ExportError("--participant 只用于个人行程 / --participant needs --document participant")
        if make_pdf is None:
            raise ExportError("此处不能生成 PDF / PDF cannot be made here")
        return make_pdf(docs, document, group, participant, mask)
    if fmt in ("xlsx", "docx"):
        document = document or "booklet"
        if fmt == "docx" and document in OFFICIAL_DOCX:  # the notice and the booklet of reflections
            from planner.documents.official_docx import official_docx

            return official_docx(docs, document, group)
        if document not in TABLE_DOCUMENTS:
            raise ExportError(f"{fmt} 不提供 {document} 文档（可用：{', '.join(TABLE_DOCUMENTS)}）/ "
                              f"no {document} document as {fmt}; use pdf or ics")
        from planner.documents.tables import tables_for

        tables = tables_for(docs, document, group, mask)
        if fmt == "xlsx":
            from planner.documents.xlsx import xlsx_bytes

            return xlsx_bytes(tables)
        from planner.documents.docx import docx_bytes

        return docx_bytes(tables, docs.title)
    if document not in (None, "group", "participant"):
        raise ExportError(f"{fmt} 按组或按学员导出，不含 {document} / {fmt} exports groups or participants, not {document}")
    if fmt == "ics":
        from planner.documents.calendar import ics_bytes

        return ics_bytes(docs, group_id=group, participant_id=participant)
    if participant is not None:
        raise ExportError(f"{fmt} 按组导出，请用 --group / {fmt} exports routes by group: use --group")
    from planner.documents.routes import gpx_bytes, kml_bytes

    return (kml_bytes if fmt == "kml" else gpx_bytes)(docs, group)


def _check_options(args) -> None:
    """Options that do not apply to the format are refused, not silently ignored."""
    if args.participant is None:
        return
    if args.format in ("xlsx", "docx", "kml", "gpx"):
        raise ExportError(f"--participant 不用于 {args.format}（个人行程请用 pdf 或 ics）/ "
                          f"--participant does not apply to {args.format} (use pdf or ics for a personal itinerary)")
    if args.group is not None:
        raise ExportError("--participant 与 --group 只能给其一 / give --participant or --group, not both")


def run_export(args, make_pdf: MakePdf | None = None) -> int:
    try:
        _check_options(args)
        check_output(args.out, reading=(args.plan,), suffixes=(f".{args.format}",), force=args.force)
        with PlanFile.open(args.plan, readonly=True) as plan_file:
            plan = plan_file.load()
        docs = Documents(plan)
        _check_ids(docs, args)
        data = produce(docs, args.format, args.document, args.group, args.participant, args.mask_phones, make_pdf)
        path = write_atomic(args.out, data)
    except (ExportError, OutputPathError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"已导出 / exported: {path} ({len(data):,} bytes)")
    return 0
