"""Plan files: SQLite databases, read and written through sqlite-utils.

The file is the document: each edit is committed in its own transaction with a
rollback journal and ``synchronous=FULL``, so a crash at any moment leaves the file as
it was after the last committed edit. Opening checks the file before touching it: a
file that is not a plan, is from a newer version, is read-only or is in use by another
process raises ``PlanFileError`` naming the file and the reason, and is left as it was.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import stat
import struct
import sys
import tempfile
import time
from dataclasses import fields
from operator import attrgetter
from pathlib import Path

from planner import schema
from planner.bulk import collector_paused
from planner.edits import Batch, Change, Delete, Edit, Insert, PlanEditError, Update, UpdateProgramme
from planner.filelock import FileInUse, FileLock
from planner.limits import input_file_problem
from planner.model import ITEM_TYPES, Plan, Programme
from planner.records import REFERENCES, FieldError, from_record, item_fields, programme_to_row, to_row
from planner.rows import RowError, columns_fit, items_from_rows, rows_of


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
BUSY_SECONDS = 2.0  # how long to wait for another process's write to finish


class PlanFileError(Exception):
    """A plan file that cannot be opened or written, with the reason in both languages."""

    def __init__(self, path, reason_zh: str, reason_en: str, *, writing: bool = False):
        self.path = Path(path)
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        self.writing = writing
        super().__init__(self.message_en)

    @property
    def message_zh(self) -> str:
        return f"{'无法写入' if self.writing else '无法打开'}方案文件「{self.path}」：{self.reason_zh}"

    @property
    def message_en(self) -> str:
        return f"Cannot {'write' if self.writing else 'open'} plan file '{self.path}': {self.reason_en}"

    def __str__(self) -> str:
        return f"{self.message_zh}\n{self.message_en}"


def _in_use_error(path: Path, *, writing: bool = False) -> PlanFileError:
    return PlanFileError(
        path,
        "文件正被另一个程序（或另一个窗口）使用，请先在那里关闭它",
        "it is in use by another program or window; close it there first",
        writing=writing,
    )


def _database_error(path: Path, error: sqlite3.Error, *, writing: bool = False) -> PlanFileError:
    """The message for SQLite refusing a file: busy (another process is writing to it
    right now) or read-only is no damage, and must not be reported as such."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return PlanFileError(
            path,
            "文件正被另一个程序写入，请稍后再试",
            "it is busy: another program is writing to it; try again in a moment",
            writing=writing,
        )
    if code == sqlite3.SQLITE_READONLY:
        return PlanFileError(
            path,
            "文件上次保存时中断，需要恢复，但文件或其所在文件夹是只读的；请在有写入权限时打开一次",
            "a write to it was interrupted and must be rolled back, but the file or its folder "
            "is read-only; open it once where it can be written",
            writing=writing,
        )
    if isinstance(error, sqlite3.IntegrityError):  # a plan being written that breaks a constraint
        return PlanFileError(path, f"方案内容有误（{error}）", f"the plan's content is invalid ({error})", writing=writing)
    return PlanFileError(path, f"文件已损坏（{error}）", f"the file is damaged ({error})", writing=writing)


def _folder_error(path: Path, *, writing: bool = False) -> PlanFileError:
    return PlanFileError(path, "这是一个文件夹，不是文件", "it is a folder, not a file", writing=writing)


def _read_header(path: Path) -> tuple[int, int]:
    """(user_version, application_id) read from the raw SQLite header, or raise."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise _folder_error(path) from None
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
    if not _sound_header(header):
        raise _damaged_error(path, "文件头无效", "its header is invalid")
    user_version, application_id = struct.unpack(">I4xI", header[60:72])
    return user_version, application_id


def _sound_header(header: bytes) -> bool:
    """Whether the fixed fields of an SQLite header hold the only values SQLite writes
    (https://www.sqlite.org/fileformat.html §1.3): a page size that is a power of two
    from 512 to 65536, file format versions 1 or 2, payload fractions 64, 32, 32. The
    magic string followed by anything else is a damaged file, not some other database."""
    page_size, write_version, read_version = struct.unpack(">HBB", header[16:20])
    page_size = 65536 if page_size == 1 else page_size
    return (512 <= page_size <= 65536 and page_size & (page_size - 1) == 0
            and write_version in (1, 2) and read_version in (1, 2) and header[21:24] == b"\x40\x20\x20")


def _damaged_error(path: Path, reason_zh: str, reason_en: str) -> PlanFileError:
    return PlanFileError(path, f"文件已损坏（{reason_zh}）", f"the file is damaged ({reason_en})")


def _readable_database(path: Path) -> bool:
    """Whether SQLite can read ``path``'s schema (read-only, nothing changed)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        # in use, or a journal to roll back first: not damage
        return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_READONLY)
    finally:
        conn.close()


def _check_header(path: Path) -> int:
    """The schema version of a plan file; raise for anything that is not one we can open."""
    problem = input_file_problem(path, any_size=True)  # a named pipe would block the read
    if problem:
        raise PlanFileError(path, *problem)
    user_version, application_id = _read_header(path)
    if application_id != schema.APPLICATION_ID:
        if not _readable_database(path):
            raise _damaged_error(path, "不是可读的 SQLite 数据库", "SQLite cannot read it")
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
    """A connection whose first read is already done, so a damaged or busy file fails
    here (as sqlite3.DatabaseError) rather than at some later query."""
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
    else:
        conn = sqlite3.connect(path, timeout=BUSY_SECONDS)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _roll_back_interrupted_write(path: Path) -> None:
    """A writer that died mid-edit leaves its rollback journal beside the file, and only a
    read-write connection may roll it back: a read-only open does that first, when no
    other process holds the file (a live writer's journal is not left over)."""
    journal = path.with_name(path.name + "-journal")
    if not journal.is_file() or journal.stat().st_size == 0:
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return  # the read-only open reports it
    try:
        lock = FileLock(path)
    except FileInUse:
        return
    try:
        _connect(path, readonly=False).close()  # its first read rolls the journal back
    except sqlite3.DatabaseError as error:
        raise _database_error(path, error) from None
    finally:
        lock.release()


def _open_readonly(path: Path, version: int) -> sqlite3.Connection:
    _roll_back_interrupted_write(path)
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.DatabaseError as error:
        raise _database_error(path, error) from None
    if version == schema.SCHEMA_VERSION:
        return conn
    # An older file read without writing to it: upgrade a copy in memory.
    try:
        copy = sqlite3.connect(":memory:")
        conn.backup(copy)
        _migrate(sqlite_utils.Database(copy), version)
    except sqlite3.DatabaseError as error:
        raise _database_error(path, error) from None
    finally:
        conn.close()
    return copy


# What ``PlanFile.create`` names its file while writing it (``tempfile.mkstemp`` with the
# prefix ".~": eight of its characters), before the plan's own suffix.
_TEMPORARY = r"\.~[a-z0-9_]{8}"
STALE_SECONDS = 60  # a file being written is locked, and younger; older and unlocked, a crash left it


def remove_stale_temporaries(plan_path: Path) -> list[Path]:
    """Remove what a crash during ``create`` (import, sample, Save As) left beside the
    plan ``plan_path``: its hidden temporary file and that file's rollback journal.

    Only names ``create`` makes (".~" and eight characters from mkstemp, then the plan's
    suffix, perhaps "-journal"), only regular files untouched for a minute, and only when
    no live process holds the temporary file's lock (a write in progress holds it). A
    file that cannot be removed is left; the files removed are returned."""
    folder = plan_path.parent
    pattern = re.compile(_TEMPORARY + re.escape(plan_path.suffix) + "(-journal)?")
    try:
        names = [entry.name for entry in os.scandir(folder) if pattern.fullmatch(entry.name)]
    except OSError:
        return []
    removed = []
    for main in sorted({name.removesuffix("-journal") for name in names}):
        files = [folder / name for name in (main, main + "-journal") if name in names]
        if not all(_stale(file) for file in files):
            continue
        if main in names and _held(folder / main):
            continue  # being written right now
        for file in files:
            try:
                file.unlink()
                removed.append(file)
            except OSError:
                pass
    return removed


def _held(file: Path) -> bool:
    """Whether a live process holds ``file``'s lock (tested, then let go at once:
    Windows cannot remove a file held open)."""
    try:
        FileLock(file).release()
    except FileInUse:
        return True
    except OSError:
        pass
    return False


def _stale(file: Path) -> bool:
    try:
        info = file.lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and time.time() - info.st_mtime > STALE_SECONDS


def _lock_to_replace(path: Path) -> FileLock | None:
    """The lock of a file about to be replaced, so that a plan open elsewhere is never
    overwritten under its user; None when there is no file to lock."""
    try:
        return FileLock(path)
    except FileInUse:
        raise _in_use_error(path, writing=True) from None
    except (FileNotFoundError, PermissionError):
        return None  # nothing to replace; or a file this user may not read, so no plan of theirs holds it


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


def _fields_to_row(kind: str, values: dict) -> dict:
    """The fields of an edit, converted (and checked) the way a whole item is for its row:
    one item built and checked per edit, not one per field (an import of 10,000 people
    checked 13 fields 9 times over)."""
    item_type = ITEM_TYPES.get(kind, Programme)
    unknown = next((name for name in values if name not in _FIELD_NAMES[item_type]), None)
    if unknown is not None:
        raise PlanEditError(f"未知字段：{kind}.{unknown}", f"unknown field: {kind}.{unknown}")
    try:
        row = to_row(_with(_PROBES[item_type], values))
    except FieldError as error:
        raise PlanEditError(
            f"字段 {kind}.{error.name} 的值无效：{error.value!r}", f"invalid value for {kind}.{error.name}: {error.value!r}"
        ) from error
    except (TypeError, ValueError, AttributeError) as error:
        raise PlanEditError(f"{kind} 的取值无效：{values!r}", f"invalid values for {kind}: {values!r}") from error
    return {name: row[name] for name in values}


def _with(item, changes: dict):
    values = {f.name: getattr(item, f.name) for f in item_fields(type(item))}
    values.update(changes)
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
_FIELD_NAMES = {item_type: frozenset(f.name for f in fields(item_type)) for item_type in _PROBES}


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
            return cls(path, _open_readonly(path, version), readonly=True, lock=None)
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
            raise _in_use_error(path) from None
        try:
            conn = _connect(path, readonly=False)
            db = sqlite_utils.Database(conn)
            if version < schema.SCHEMA_VERSION:
                _migrate(db, version)
        except sqlite3.DatabaseError as error:
            lock.release()
            raise _database_error(path, error) from None
        remove_stale_temporaries(path)
        return cls(path, conn, readonly=False, lock=lock)

    @classmethod
    def create(cls, path, plan: Plan, *, overwrite: bool = False) -> "PlanFile":
        """Write ``plan`` to a new file at ``path`` and open it.

        The file is built under a temporary name and moved into place, so ``path``
        never holds a half-written plan; a plan that cannot be written raises
        ``PlanFileError`` and leaves nothing behind. An existing file is replaced only
        when ``overwrite`` is set and no other process has it open.
        """
        path = Path(path)
        if path.is_dir():  # checked first: replacing a folder fails only after the whole write
            raise _folder_error(path, writing=True)
        if path.exists() and not overwrite:
            raise PlanFileError(path, "文件已存在", "the file already exists", writing=True)
        if path.exists() and not path.is_file():  # locking a named pipe to replace it would block
            raise PlanFileError(path, "这不是普通文件，不会被替换", "it is not a regular file and will not be replaced",
                                writing=True)
        if not path.parent.is_dir():
            raise PlanFileError(path, "所在文件夹不存在", "its folder does not exist", writing=True)
        try:
            fd, temp_name = tempfile.mkstemp(prefix=".~", suffix=path.suffix, dir=path.parent)
        except OSError as error:
            raise PlanFileError(path, f"无法写入该文件夹（{error.strerror}）", f"cannot write there ({error.strerror})",
                                 writing=True) from None
        os.close(fd)
        temp = Path(temp_name)
        lock = temp_lock = None
        try:
            temp_lock = FileLock(temp)  # while it is written, no one takes it for a crash's leftover
            lock = _lock_to_replace(path)
            _write_new_file(temp, plan, shown_as=path)
            temp_lock.release()  # before the rename: Windows cannot rename a file held open
            os.replace(temp, path)
        except sqlite3.DatabaseError as error:
            temp.unlink(missing_ok=True)
            raise _database_error(path, error, writing=True) from None
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        finally:
            for held in (temp_lock, lock):
                if held is not None:
                    held.release()
        return cls.open(path)

    def save_as(self, path, *, overwrite: bool = False) -> "PlanFile":
        """Copy this plan to ``path`` (atomically) and open the copy."""
        return PlanFile.create(path, self.load(), overwrite=overwrite)

    @property
    def closed(self) -> bool:
        return self._conn is None

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
        """The whole plan, every value and reference checked: a file edited by other
        tools (say, with foreign keys off) raises ``PlanFileError`` naming the table,
        row and column, instead of breaking whatever uses the plan later."""
        try:
            plan = self._load()
        except sqlite3.OperationalError as error:
            raise _database_error(self.path, error) from None
        except (ValueError, TypeError, sqlite3.DatabaseError) as error:
            raise PlanFileError(self.path, f"文件内容有误（{error}）", f"its content is damaged ({error})") from None
        _check_references(self.path, plan)
        return plan

    def _load(self) -> Plan:
        rows = self._records("programme")
        if not rows:
            raise PlanFileError(self.path, "文件中没有培训班信息", "the file holds no programme")
        programme = self._item("programme", Programme, rows[0])
        with collector_paused():  # some 7,000 items for 2,000 sessions, all kept
            items = {kind: self._items(kind, item_type) for kind, item_type in ITEM_TYPES.items()}
        return Plan(programme=programme, **items)

    def _items(self, kind: str, item_type: type) -> tuple:
        """A table's items, read and checked a whole column at a time (``planner.rows``)."""
        cursor = self._conn.execute(f'SELECT * FROM "{kind}" ORDER BY id')
        try:
            return items_from_rows(item_type, [d[0] for d in cursor.description], cursor)
        except RowError as row:
            error = row.error
            raise _content_error(self.path, kind, row.item_id, error.name, error.reason_zh, error.reason_en) from None

    def _records(self, kind: str) -> list[dict]:
        cursor = self._conn.execute(f'SELECT * FROM "{kind}" ORDER BY id')
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    def _item(self, kind: str, item_type: type, record: dict):
        try:
            return from_record(item_type, record)
        except FieldError as error:
            raise _content_error(self.path, kind, record.get("id"), error.name, error.reason_zh, error.reason_en) from None

    # --- editing ---------------------------------------------------------------------

    def apply(self, edit: Edit) -> Change:
        """Apply one edit in one transaction and report what it changed."""
        if self.readonly:
            raise PlanEditError("方案以只读方式打开，不能修改", "the plan is open read-only")
        touched: dict[str, set[int]] = {}
        new_ids: list[int] = []
        try:
            with collector_paused(), self._db.atomic():  # a batch may insert 10,000 people
                _defer_foreign_keys(self._conn)
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
            row = _fields_to_row("programme", edit.changes)
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
            row = _fields_to_row(edit.kind, values)
            if item_id is not None:
                row["id"] = item_id
            new_id = self._insert(edit.kind, row)
            self._check_leg(edit.kind, new_id)
            new_ids.append(new_id)
            touched.setdefault(edit.kind, set()).add(new_id)
            return Delete(edit.kind, new_id)
        old = self._get_row(edit.kind, edit.id)
        touched.setdefault(edit.kind, set()).add(edit.id)
        if isinstance(edit, Update):
            row = _fields_to_row(edit.kind, edit.changes)
            table.update(edit.id, row)
            self._check_leg(edit.kind, edit.id)
            return Update(edit.kind, edit.id, self._domain_values(item_type, old, row.keys()))
        if isinstance(edit, Delete):
            table.delete(edit.id)
            return Insert(edit.kind, self._domain_values(item_type, old, old.keys()))
        raise PlanEditError(f"未知的修改：{edit!r}", f"unknown edit: {edit!r}")

    def _insert(self, kind: str, row: dict) -> int:
        """Insert one row; its id. Plain SQL: sqlite-utils' insert costs more than the
        rest of a 10,000-person roster import together. ``kind`` and the column names
        are known ones (checked by ``_fields_to_row``)."""
        if not row:
            return self._conn.execute(f'INSERT INTO "{kind}" DEFAULT VALUES').lastrowid
        names = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" * len(row))
        return self._conn.execute(f'INSERT INTO "{kind}" ({names}) VALUES ({marks})', tuple(row.values())).lastrowid

    def _check_leg(self, kind: str, item_id: int) -> None:
        """A leg goes from one site to another: one from a site to itself is refused
        (the transaction is rolled back)."""
        if kind != "legs":
            return
        same = self._conn.execute("SELECT from_site_id = to_site_id FROM legs WHERE id = ?", (item_id,)).fetchone()
        if same and same[0]:
            raise PlanEditError(f"行程 #{item_id} 的起点和终点是同一个现场教学点", SELF_LEG_EN.format(item_id))

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


def _content_error(path: Path, kind: str, item_id, column: str, reason_zh: str, reason_en: str,
                   *, writing: bool = False) -> PlanFileError:
    what_zh, what_en = ("方案内容有误", "the plan's content is invalid") if writing else ("文件内容有误", "its content is damaged")
    return PlanFileError(
        path,
        f"{what_zh}（表 {kind}，编号 {item_id}，列 {column}：{reason_zh}）",
        f"{what_en} (table {kind}, row id {item_id}, column {column}: {reason_en})",
        writing=writing,
    )


def _dangling_reference(plan: Plan) -> tuple | None:
    """(kind, id, column, target kind, missing id) of the first reference to an item
    that does not exist, or None."""
    for kind in ("programme", *ITEM_TYPES):
        items = (plan.programme,) if kind == "programme" else plan.items(kind)
        if _references_resolve(plan, items):
            continue  # a whole column at once; the one in error is then found item by item
        for item in items:
            for name, target in REFERENCES.items():
                value = getattr(item, name, None)
                if value is not None and plan.get(target, value) is None:
                    return kind, getattr(item, "id", 1), name, target, value
    return None


def _check_references(path: Path, plan: Plan, writing: bool = False) -> None:
    """``PlanFileError`` naming the first reference to an item the plan does not have."""
    dangling = _dangling_reference(plan)
    if dangling:
        kind, item_id, name, target, value = dangling
        raise _content_error(path, kind, item_id, name, f"引用了不存在的 {target} #{value}",
                             f"refers to {target} #{value}, which does not exist", writing=writing)


def _references_resolve(plan: Plan, items) -> bool:
    """Whether every reference of ``items`` names an item of the plan."""
    for name, target in REFERENCES.items():
        if items and hasattr(items[0], name):
            values = set(map(attrgetter(name), items))
            values.discard(None)
            if not values <= plan.derived((target,), "ids", lambda: {item.id for item in plan.items(target)}):
                return False
    return True


def _defer_foreign_keys(conn: sqlite3.Connection) -> None:
    """Check references when the transaction commits, not row by row: items refer to
    each other both ways (a group's home is a site, a site's place is listed after
    groups), and a batch may add a site and point at it in any order."""
    conn.execute("PRAGMA defer_foreign_keys = ON")


def _write_new_file(path: Path, plan: Plan, *, shown_as: Path) -> None:
    """Write ``plan`` to the new file ``path``; errors name the file it will become."""
    path.write_bytes(_empty_file())
    conn = _connect(path, readonly=False)
    try:
        # No journal file to write, sync and delete: a file not yet in place that fails
        # to be written is removed whole. The commit still syncs it before the move.
        conn.execute("PRAGMA journal_mode = MEMORY")
        # The references are checked here, all at once, as loading checks them: SQLite's
        # row-by-row check would cost a tenth of the write and name no item.
        _check_references(shown_as, plan, writing=True)
        conn.execute("PRAGMA foreign_keys = OFF")
        db = sqlite_utils.Database(conn)
        with db.atomic():
            _write_plan(db, shown_as, plan)
    finally:
        conn.close()


@functools.cache
def _empty_file() -> bytes:
    """An empty plan file of the current schema, built once: running every migration
    again for each new file took a third of the time of saving 2,000 sessions."""
    conn = sqlite3.connect(":memory:")
    try:
        _migrate(sqlite_utils.Database(conn), 0)
        return conn.serialize()
    finally:
        conn.close()


def _write_plan(db: sqlite_utils.Database, path: Path, plan: Plan) -> None:
    db["programme"].insert(_row(path, "programme", plan.programme))
    for kind, item_type in ITEM_TYPES.items():
        items = plan.items(kind)
        if not items:
            continue
        if not columns_fit(item_type, items) or (kind == "legs" and any(l.from_site_id == l.to_site_id for l in items)):
            for item in items:
                _row(path, kind, item)  # names the first item that could not be read back
        names, rows = rows_of(item_type, items)
        columns, marks = ", ".join(f'"{name}"' for name in names), ", ".join("?" * len(names))
        db.conn.executemany(f'INSERT INTO "{kind}" ({columns}) VALUES ({marks})', rows)


SELF_LEG_EN = "leg #{} goes from a site to the same site"


def _row(path: Path, kind: str, item) -> dict:
    """The row of one item to write; one that could not be read back is refused."""
    if kind == "legs" and item.from_site_id == item.to_site_id:
        raise _content_error(path, kind, item.id, "to_site_id", "起点和终点是同一个现场教学点",
                             "it goes from a site to the same site", writing=True)
    try:
        return programme_to_row(item) if kind == "programme" else to_row(item)
    except FieldError as error:
        item_id = 1 if kind == "programme" else item.id
        raise _content_error(path, kind, item_id, error.name, error.reason_zh, error.reason_en, writing=True) from None
