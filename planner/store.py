"""Plan files: SQLite databases, read and written through sqlite-utils.

The file is the document: each edit is committed in its own transaction with a
rollback journal and ``synchronous=FULL``, so a crash at any moment leaves the file as
it was after the last committed edit. Opening checks the file before touching it: a
file that is not a plan, is from a newer version, is read-only or is in use by another
process raises ``PlanFileError`` naming the file and the reason, and is left as it was.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import sys
import tempfile
from dataclasses import fields
from pathlib import Path

from planner import schema
from planner.edits import Batch, Change, Delete, Edit, Insert, PlanEditError, Update, UpdateProgramme
from planner.filelock import FileInUse, FileLock
from planner.model import ITEM_TYPES, Plan, Programme
from planner.records import from_record, programme_to_row, to_row


def _import_sqlite_utils():
    """sqlite-utils imports pandas and numpy, when installed (OR-Tools brings them), just to
    map their column types, which plans never use: that is 0.4 s of the app's start-up.
    Import it with the ones not yet loaded hidden."""
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes "import name" fail at once
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

PLAN_SUFFIX = ".stplan"  # the app's own extension; any name is accepted


class PlanFileError(Exception):
    """A plan file that cannot be opened or written, with the reason in both languages."""

    def __init__(self, path, reason_zh: str, reason_en: str):
        self.path = Path(path)
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        super().__init__(self.message_en)

    @property
    def message_zh(self) -> str:
        return f"无法打开方案文件「{self.path}」：{self.reason_zh}"

    @property
    def message_en(self) -> str:
        return f"Cannot open plan file '{self.path}': {self.reason_en}"

    def __str__(self) -> str:
        return f"{self.message_zh}\n{self.message_en}"


def _read_header(path: Path) -> tuple[int, int]:
    """(user_version, application_id) read from the raw SQLite header, or raise."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise PlanFileError(path, "这是一个文件夹，不是文件", "it is a folder, not a file") from None
    except PermissionError:
        raise PlanFileError(path, "没有读取权限", "permission denied") from None
    if not header:
        raise PlanFileError(path, "文件是空的", "the file is empty")
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        raise PlanFileError(
            path,
            "不是考察方案文件（文件内容不是方案数据库）",
            "not a plan file (its content is not a plan database)",
        )
    user_version, application_id = struct.unpack(">I4xI", header[60:72])
    return user_version, application_id


def _check_header(path: Path) -> int:
    """The schema version of a plan file; raise for anything that is not one we can open."""
    if not path.exists():
        raise PlanFileError(path, "文件不存在", "the file does not exist")
    user_version, application_id = _read_header(path)
    if application_id != schema.APPLICATION_ID:
        raise PlanFileError(
            path,
            "这是一个 SQLite 数据库，但不是考察方案文件",
            "it is an SQLite database, but not a plan file",
        )
    if user_version > schema.SCHEMA_VERSION:
        raise PlanFileError(
            path,
            f"该文件由更新版本的程序保存（格式版本 {user_version}，本程序最高支持 "
            f"{schema.SCHEMA_VERSION}），请升级程序后再打开",
            f"it was saved by a newer version of the app (format {user_version}; this "
            f"version reads up to {schema.SCHEMA_VERSION}): please upgrade",
        )
    return user_version


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 2000")
    return conn


def _migrate(db: sqlite_utils.Database, from_version: int) -> None:
    """Bring a file up to the current schema, all steps in one transaction."""
    with db.atomic():
        for version in range(from_version, schema.SCHEMA_VERSION):
            for statement in schema.MIGRATIONS[version].split(";"):
                if statement.strip():
                    db.conn.execute(statement)
        # PRAGMA user_version is transactional, so it moves with the schema.
        db.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
        db.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")


def _field_to_row(kind: str, name: str, value):
    """One field of an edit, converted like a whole item would be for its row."""
    item_type = ITEM_TYPES.get(kind, Programme)
    if name not in {f.name for f in fields(item_type)}:
        raise PlanEditError(f"未知字段：{kind}.{name}", f"unknown field: {kind}.{name}")
    probe = _PROBES[item_type]
    try:
        return to_row(_with(probe, name, value))[name]
    except (TypeError, ValueError, AttributeError) as error:
        raise PlanEditError(
            f"字段 {kind}.{name} 的值无效：{value!r}", f"invalid value for {kind}.{name}: {value!r}"
        ) from error


def _with(item, name, value):
    values = {f.name: getattr(item, f.name) for f in fields(item)}
    values[name] = value
    return type(item)(**values)


def _probe(item_type: type):
    required = {
        f.name: (1 if f.type in ("int", int) else "x")
        for f in fields(item_type)
        if f.default is f.default_factory  # both MISSING: a required field
    }
    if item_type is Programme:
        from datetime import date

        required.update(title="x", start_date=date(2000, 1, 1), days=1)
    return item_type(**required)


_PROBES = {item_type: _probe(item_type) for item_type in (*ITEM_TYPES.values(), Programme)}


class PlanFile:
    """An open plan file. Use ``PlanFile.open`` or ``PlanFile.create``; close when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool, lock: FileLock | None):
        self.path = path
        self.readonly = readonly
        self._conn = conn
        self._db = sqlite_utils.Database(conn)
        self._lock = lock

    # --- opening and creating -------------------------------------------------------

    @classmethod
    def open(cls, path, *, readonly: bool = False) -> "PlanFile":
        path = Path(path)
        version = _check_header(path)
        if readonly:
            conn = _connect(path, readonly=True)
            if version < schema.SCHEMA_VERSION:
                # An older file read without writing to it: upgrade a copy in memory.
                try:
                    copy = sqlite3.connect(":memory:")
                    conn.backup(copy)
                    _migrate(sqlite_utils.Database(copy), version)
                except sqlite3.DatabaseError as error:
                    raise PlanFileError(path, f"文件已损坏（{error}）", f"the file is damaged ({error})") from None
                finally:
                    conn.close()
                conn = copy
            return cls(path, conn, readonly=True, lock=None)
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise PlanFileError(
                path,
                "文件或其所在文件夹是只读的，无法保存修改；可另存为副本或以只读方式打开",
                "the file or its folder is read-only, so edits could not be saved; "
                "save a copy or open it read-only",
            )
        try:
            lock = FileLock(path)
        except FileInUse:
            raise PlanFileError(
                path,
                "文件正被另一个程序（或另一个窗口）使用，请先在那里关闭它",
                "it is in use by another program or window; close it there first",
            ) from None
        try:
            conn = _connect(path, readonly=False)
            db = sqlite_utils.Database(conn)
            if version < schema.SCHEMA_VERSION:
                _migrate(db, version)
        except sqlite3.DatabaseError as error:
            lock.release()
            raise PlanFileError(path, f"文件已损坏（{error}）", f"the file is damaged ({error})") from None
        return cls(path, conn, readonly=False, lock=lock)

    @classmethod
    def create(cls, path, plan: Plan, *, overwrite: bool = False) -> "PlanFile":
        """Write ``plan`` to a new file at ``path`` and open it.

        The file is built under a temporary name and moved into place, so ``path``
        never holds a half-written plan.
        """
        path = Path(path)
        if path.exists() and not overwrite:
            raise PlanFileError(path, "文件已存在", "the file already exists")
        if not path.parent.is_dir():
            raise PlanFileError(path, "所在文件夹不存在", "its folder does not exist")
        try:
            fd, temp_name = tempfile.mkstemp(prefix=".~", suffix=path.suffix, dir=path.parent)
        except OSError as error:
            raise PlanFileError(path, f"无法写入该文件夹（{error.strerror}）", f"cannot write there ({error.strerror})") from None
        os.close(fd)
        temp = Path(temp_name)
        try:
            conn = _connect(temp, readonly=False)
            db = sqlite_utils.Database(conn)
            _migrate(db, 0)
            with db.atomic():
                _write_plan(db, plan)
            conn.close()
            os.replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return cls.open(path)

    def save_as(self, path, *, overwrite: bool = False) -> "PlanFile":
        """Copy this plan to ``path`` (atomically) and open the copy."""
        return PlanFile.create(path, self.load(), overwrite=overwrite)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "PlanFile":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------

    def load(self) -> Plan:
        try:
            return self._load()
        except (ValueError, TypeError, sqlite3.DatabaseError) as error:
            raise PlanFileError(self.path, f"文件内容有误（{error}）", f"its content is damaged ({error})") from None

    def _load(self) -> Plan:
        rows = self._conn.execute("SELECT * FROM programme WHERE id = 1")
        names = [d[0] for d in rows.description]
        row = rows.fetchone()
        if row is None:
            raise PlanFileError(self.path, "文件中没有培训班信息", "the file holds no programme")
        programme = from_record(Programme, dict(zip(names, row)))
        items = {kind: self._load_items(kind, item_type) for kind, item_type in ITEM_TYPES.items()}
        return Plan(programme=programme, **items)

    def _load_items(self, kind: str, item_type: type) -> tuple:
        cursor = self._conn.execute(f'SELECT * FROM "{kind}" ORDER BY id')
        names = [d[0] for d in cursor.description]
        return tuple(from_record(item_type, dict(zip(names, row))) for row in cursor)

    # --- editing ---------------------------------------------------------------------

    def apply(self, edit: Edit) -> Change:
        """Apply one edit in one transaction and report what it changed."""
        if self.readonly:
            raise PlanEditError("方案以只读方式打开，不能修改", "the plan is open read-only")
        touched: dict[str, set[int]] = {}
        new_ids: list[int] = []
        try:
            with self._db.atomic():
                inverse = self._apply(edit, touched, new_ids)
        except sqlite3.IntegrityError as error:
            if "FOREIGN KEY" in str(error):
                raise PlanEditError(
                    "该条目仍被其他条目引用（或引用了不存在的条目），不能这样修改",
                    "the item is still used by other items, or refers to one that does not exist",
                ) from None
            raise PlanEditError(
                f"修改与方案中的其他内容冲突（{error}）", f"the edit conflicts with other items ({error})"
            ) from None
        except sqlite3.OperationalError as error:
            raise PlanEditError(f"无法保存修改（{error}）", f"the edit could not be saved ({error})") from None
        label = edit.label if isinstance(edit, Batch) else ""
        return Change(
            touched={k: frozenset(v) for k, v in touched.items()},
            inverse=inverse,
            label=label,
            new_ids=tuple(new_ids),
        )

    def _apply(self, edit: Edit, touched: dict, new_ids: list) -> Edit:
        """Carry out ``edit`` inside the open transaction; return its inverse."""
        if isinstance(edit, Batch):
            inverses = [self._apply(e, touched, new_ids) for e in edit.edits]
            return Batch(tuple(reversed(inverses)), edit.label)
        if isinstance(edit, UpdateProgramme):
            old = self._db["programme"].get(1)
            row = {name: _field_to_row("programme", name, v) for name, v in edit.changes.items()}
            self._db["programme"].update(1, row)
            touched.setdefault("programme", set()).add(1)
            return UpdateProgramme(self._domain_values(Programme, old, row.keys()))
        item_type = ITEM_TYPES.get(edit.kind)
        if item_type is None:
            raise PlanEditError(f"未知的条目类型：{edit.kind}", f"unknown kind of item: {edit.kind}")
        table = self._db[edit.kind]
        if isinstance(edit, Insert):
            values = dict(edit.values)
            item_id = values.pop("id", None)
            row = {name: _field_to_row(edit.kind, name, v) for name, v in values.items()}
            if item_id is not None:
                row["id"] = item_id
            table.insert(row)
            new_id = item_id if item_id is not None else table.last_pk
            new_ids.append(new_id)
            touched.setdefault(edit.kind, set()).add(new_id)
            return Delete(edit.kind, new_id)
        old = self._get_row(edit.kind, edit.id)
        touched.setdefault(edit.kind, set()).add(edit.id)
        if isinstance(edit, Update):
            row = {name: _field_to_row(edit.kind, name, v) for name, v in edit.changes.items()}
            table.update(edit.id, row)
            return Update(edit.kind, edit.id, self._domain_values(item_type, old, row.keys()))
        if isinstance(edit, Delete):
            table.delete(edit.id)
            return Insert(edit.kind, self._domain_values(item_type, old, old.keys()))
        raise PlanEditError(f"未知的修改：{edit!r}", f"unknown edit: {edit!r}")

    def _get_row(self, kind: str, item_id: int) -> dict:
        try:
            return self._db[kind].get(item_id)
        except sqlite_utils.db.NotFoundError:
            raise PlanEditError(f"找不到条目 {kind} #{item_id}", f"no such item: {kind} #{item_id}") from None

    @staticmethod
    def _domain_values(item_type: type, row: dict, names) -> dict:
        """The named fields of a stored row, in domain form (for an inverse edit)."""
        item = from_record(item_type, row)
        return {name: getattr(item, name) for name in names}


def _write_plan(db: sqlite_utils.Database, plan: Plan) -> None:
    db["programme"].insert(programme_to_row(plan.programme))
    for kind in ITEM_TYPES:
        rows = [to_row(item) for item in plan.items(kind)]
        if rows:
            db[kind].insert_all(rows, batch_size=500)
