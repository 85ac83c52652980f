"""Synthetic rosters, as a delegation's organisers send them: a title merged over the
columns, a header row, one person a row. Names are made up from common characters
(no real people); ID numbers carry valid GB 11643 check digits.

Used by the roster tests and ``bench/bench_roster.py``.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from planner.roster.idcard import check_digit

TITLE = "湖南县（市、区）党政正职推动县域经济高质量发展专题培训班学员名单"
HEADER = ("序号", "姓名", "性别", "民族", "工作单位", "职务", "手机号码", "身份证号", "关注领域", "备注")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌波辉宇晨阳林峰亮健飞鹏宏海东"
PLACES = ("长沙", "浏阳", "宁乡", "株洲", "醴陵", "湘潭", "韶山", "衡阳", "耒阳", "常宁", "邵阳", "武冈", "岳阳",
          "汨罗", "临湘", "常德", "津市", "张家界", "益阳", "沅江", "郴州", "资兴", "永州", "怀化", "洪江", "娄底",
          "冷水江", "涟源", "吉首", "凤凰", "花垣", "桑植", "慈利", "石门", "安化", "新化", "隆回", "洞口", "平江",
          "湘阴", "华容", "桃源", "汉寿", "祁阳", "道县", "江华", "宜章", "汝城", "麻阳", "芷江", "通道", "溆浦")
SUFFIXES = (("县委", "县委书记"), ("县人民政府", "县长"), ("市委", "市委书记"), ("市人民政府", "市长"))
ETHNICITIES = ("汉族",) * 8 + ("土家族", "苗族", "侗族", "瑶族", "白族")
THEMES = ("产业发展", "招商引资", "园区建设", "乡村振兴", "文旅融合", "现代服务业")


def id_number(rng: random.Random, male: bool) -> str:
    area = rng.choice(("430102", "430181", "430521", "431102", "433101", "430624"))
    birth = f"{rng.randint(1966, 1982)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    order = rng.randint(0, 99) * 10 + (rng.choice((1, 3, 5, 7, 9)) if male else rng.choice((0, 2, 4, 6, 8)))
    first = f"{area}{birth}{order:03d}"
    return first + check_digit(first)


def people(rng: random.Random, count: int) -> list[list[str]]:
    """``count`` rows under HEADER: unique names, 11-digit mobiles, valid ID numbers."""
    rows, names, ids = [], set(), set()
    for number in range(1, count + 1):
        while True:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            if name not in names:
                names.add(name)
                break
        male = rng.random() < 0.8
        place = PLACES[(number - 1) // 2 % len(PLACES)] + ("" if number <= 2 * len(PLACES) else str((number - 1) // (2 * len(PLACES))))
        unit, title = SUFFIXES[(number - 1) % 2 + (2 if place in ("浏阳", "醴陵", "耒阳", "汨罗", "津市", "沅江") else 0)]
        phone = f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}"
        interests = "、".join(rng.sample(THEMES, rng.choice((0, 1, 2))))
        number_id = id_number(rng, male)
        while number_id in ids:  # two people born the same day in the same county, drawn twice
            number_id = id_number(rng, male)
        ids.add(number_id)
        rows.append([str(number), name, "男" if male else "女", rng.choice(ETHNICITIES), f"{place}{unit}", title,
                     phone, number_id, interests, ""])
    return rows


def spoil(rows: list[list[str]]) -> dict[int, str]:
    """Make five rows bad, one of each kind; returns {row index: kind}."""
    bad = {}
    rows[10][1] = ""
    bad[10] = "name"
    rows[25][6] = rows[25][6][:10]
    bad[25] = "phone"
    rows[40][2] = "未知"
    bad[40] = "gender"
    rows[60] = [rows[60][0], *rows[5][1:]]
    bad[60] = "duplicate"
    number = rows[80][7]
    rows[80][7] = number[:17] + ("0" if number[17] != "0" else "1")
    bad[80] = "id"
    return bad


def xlsx_bytes(rows: list[list[str]], title_rows: bool = True, sheet: str = "学员名单",
               phones_as_numbers: bool = True) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    table = book.active
    table.title = sheet
    book.create_sheet("说明").append(["请按模板填写，手机号码须为 11 位。"])
    if title_rows:
        table.append([TITLE])
        table.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
        table["A1"].font = Font(bold=True, size=16)
        table["A1"].alignment = Alignment(horizontal="center")
        table.append(["填报单位：中共湖南省委组织部（示意）", None, None, None, None, None, "填报日期：2025年2月10日"])
        table.merge_cells(start_row=2, start_column=1, end_row=2, end_column=6)
    table.append(list(HEADER))
    for row in rows:
        cells: list = list(row)
        cells[0] = int(row[0])
        if phones_as_numbers and row[6].isdigit():
            cells[6] = int(row[6])
        table.append(cells)
    table.append([])
    table.append(["注：以上信息仅供培训班内部使用。"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls_bytes(rows: list[list[str]], title_rows: bool = True) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    table = book.add_sheet("Sheet1")
    offset = 0
    if title_rows:
        table.write_merge(0, 0, 0, len(HEADER) - 1, TITLE)
        offset = 1
    for column, text in enumerate(HEADER):
        table.write(offset, column, text)
    for index, row in enumerate(rows, offset + 1):
        for column, text in enumerate(row):
            value: object = text
            if column in (0, 6) and text.isdigit():
                value = int(text)
            table.write(index, column, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows: list[list[str]], encoding: str = "gbk", title_rows: bool = False) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    if title_rows:
        writer.writerow([TITLE])
    writer.writerow(HEADER)
    writer.writerows(rows)
    return text.getvalue().encode(encoding)


def write(path, data: bytes) -> Path:
    path = Path(path)
    path.write_bytes(data)
    return path
