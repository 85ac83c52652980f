"""The plan file's SQLite schema and its migrations.

A plan file is marked by ``PRAGMA application_id`` (so an unrelated SQLite file is told
apart without reading its tables) and carries its schema version in
``PRAGMA user_version``. ``MIGRATIONS[n]`` turns a version-n file into version n+1; a
new file is made by running them all from 0, so old files and new ones end up alike.
"""

from __future__ import annotations

APPLICATION_ID = 0x53545031  # "STP1": study-tour plan

# Version 1: the first released layout.
_V1 = """
CREATE TABLE programme (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    title TEXT NOT NULL,
    organiser TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL,
    days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 366),
    day_start TEXT NOT NULL DEFAULT '08:30',
    day_end TEXT NOT NULL DEFAULT '18:00',
    time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    themes TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    colour TEXT NOT NULL DEFAULT '#1f77b4',
    leader TEXT NOT NULL DEFAULT '',
    vehicle TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    full_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'division',
    division_code TEXT,
    lon REAL,
    lat REAL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    place_id INTEGER REFERENCES places(id),
    kind TEXT NOT NULL DEFAULT 'enterprise',
    themes TEXT NOT NULL DEFAULT '[]',
    address TEXT NOT NULL DEFAULT '',
    contact_person TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    capacity INTEGER,
    opens TEXT,
    closes TEXT,
    visit_minutes INTEGER,
    lon REAL,
    lat REAL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    site_id INTEGER NOT NULL REFERENCES sites(id),
    day INTEGER NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    start TEXT,
    "end" TEXT,
    title TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'visit',
    theme TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT '',
    pinned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_group_day ON sessions (group_id, day, position);
CREATE TABLE plenaries (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    day INTEGER NOT NULL,
    site_id INTEGER REFERENCES sites(id),
    kind TEXT NOT NULL DEFAULT 'other',
    start TEXT,
    "end" TEXT,
    host TEXT NOT NULL DEFAULT '',
    pinned INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE legs (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    from_site_id INTEGER NOT NULL REFERENCES sites(id),
    to_site_id INTEGER NOT NULL REFERENCES sites(id),
    mode TEXT NOT NULL DEFAULT 'bus',
    distance_km REAL,
    minutes INTEGER,
    manual_mode TEXT,
    manual_minutes INTEGER,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (group_id, from_site_id, to_site_id)
);
CREATE TABLE lodgings (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    night INTEGER NOT NULL,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (group_id, night)
);
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    group_id INTEGER REFERENCES groups(id),
    role TEXT NOT NULL DEFAULT 'member'
);
"""

# Version 2: seats per group vehicle, and participants' interests (for group assignment).
_V2 = """
ALTER TABLE groups ADD COLUMN capacity INTEGER;
ALTER TABLE participants ADD COLUMN interests TEXT NOT NULL DEFAULT '[]';
"""

# Version 3: the scheduler's settings per programme and per day, and a session's own length.
_V3 = """
ALTER TABLE programme ADD COLUMN lunch_start TEXT NOT NULL DEFAULT '12:00';
ALTER TABLE programme ADD COLUMN lunch_end TEXT NOT NULL DEFAULT '13:30';
ALTER TABLE programme ADD COLUMN dinner_start TEXT NOT NULL DEFAULT '18:00';
ALTER TABLE programme ADD COLUMN dinner_end TEXT NOT NULL DEFAULT '19:00';
ALTER TABLE programme ADD COLUMN session_minutes INTEGER NOT NULL DEFAULT 60;
ALTER TABLE programme ADD COLUMN stop_minutes INTEGER NOT NULL DEFAULT 10;
ALTER TABLE sessions ADD COLUMN minutes INTEGER;
CREATE TABLE day_settings (
    id INTEGER PRIMARY KEY,
    day INTEGER NOT NULL UNIQUE,
    day_start TEXT,
    day_end TEXT,
    lunch_start TEXT,
    lunch_end TEXT,
    note TEXT NOT NULL DEFAULT ''
);
"""

# Version 4: what a roster brings (ethnicity, ID number, note), a participant placed by
# hand (locked) and why the assignment put them where they are, and a room preference.
_V4 = """
ALTER TABLE participants ADD COLUMN ethnicity TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN id_number TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN group_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN room_type TEXT NOT NULL DEFAULT '';
"""

# Version 5: door to door — where the groups leave from and come back to, on which days
# and when (programme, and per group where it differs); each group's own themes; a
# plenary's theme; the roles the organiser adds to the shipped ones (planner.roles).
_V5 = """
ALTER TABLE programme ADD COLUMN origin_site_id INTEGER REFERENCES sites(id);
ALTER TABLE programme ADD COLUMN return_site_id INTEGER REFERENCES sites(id);
ALTER TABLE programme ADD COLUMN departure_day INTEGER;
ALTER TABLE programme ADD COLUMN return_day INTEGER;
ALTER TABLE programme ADD COLUMN departure_time TEXT;
ALTER TABLE programme ADD COLUMN latest_return TEXT;
ALTER TABLE groups ADD COLUMN themes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE groups ADD COLUMN origin_site_id INTEGER REFERENCES sites(id);
ALTER TABLE groups ADD COLUMN return_site_id INTEGER REFERENCES sites(id);
ALTER TABLE groups ADD COLUMN departure_day INTEGER;
ALTER TABLE groups ADD COLUMN return_day INTEGER;
ALTER TABLE groups ADD COLUMN departure_time TEXT;
ALTER TABLE plenaries ADD COLUMN theme TEXT NOT NULL DEFAULT '';
CREATE TABLE roles (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    trainee INTEGER NOT NULL DEFAULT 1,
    seat INTEGER NOT NULL DEFAULT 1,
    bed INTEGER NOT NULL DEFAULT 1,
    position INTEGER NOT NULL DEFAULT 0
);
"""

# Version 6: costs, for the budget against the training-fee standard (planner.budget): the
# programme's class of training, standard and meal price; a price per room-night, per
# vehicle-day, per teaching visit; lecturers with title level, 学时 and fee; 报到 / 撤离
# days and their meal price; lines entered by hand; the organiser's own cap figures.
_V6 = """
ALTER TABLE programme ADD COLUMN training_class INTEGER;
ALTER TABLE programme ADD COLUMN fee_standard TEXT NOT NULL DEFAULT 'central-2016';
ALTER TABLE programme ADD COLUMN meal_price REAL;
ALTER TABLE groups ADD COLUMN vehicle_price REAL;
ALTER TABLE sites ADD COLUMN teaching_fee REAL;
ALTER TABLE sites ADD COLUMN teaching_fee_per TEXT NOT NULL DEFAULT 'visit';
ALTER TABLE sessions ADD COLUMN lecturer TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN lecturer_level TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN lecture_hours REAL;
ALTER TABLE sessions ADD COLUMN lecture_fee REAL;
ALTER TABLE plenaries ADD COLUMN lecturer TEXT NOT NULL DEFAULT '';
ALTER TABLE plenaries ADD COLUMN lecturer_level TEXT NOT NULL DEFAULT '';
ALTER TABLE plenaries ADD COLUMN lecture_hours REAL;
ALTER TABLE plenaries ADD COLUMN lecture_fee REAL;
ALTER TABLE lodgings ADD COLUMN room_price REAL;
ALTER TABLE day_settings ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE day_settings ADD COLUMN meal_price REAL;
CREATE TABLE budget_lines (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    item TEXT NOT NULL DEFAULT 'other',
    unit_price REAL NOT NULL DEFAULT 0,
    quantity REAL NOT NULL DEFAULT 1,
    unit TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE fee_caps (
    id INTEGER PRIMARY KEY,
    item TEXT NOT NULL,
    amount REAL NOT NULL,
    training_class INTEGER,
    note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX fee_caps_key ON fee_caps (ifnull(training_class, 0), item);
"""

# Version 7: the documents before and after the tour (planner.material): the training
# notice's text, questions to ask per site, figures per place for the benchmarking
# handbook, the participants' reflections and the follow-up measures.
_V7 = """
ALTER TABLE programme ADD COLUMN notice TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN questions TEXT NOT NULL DEFAULT '';
CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    place_id INTEGER REFERENCES places(id),
    region TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT '',
    year INTEGER,
    source TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE reflections (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL UNIQUE REFERENCES participants(id),
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT ''
);
CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned',
    site_id INTEGER REFERENCES sites(id),
    session_id INTEGER REFERENCES sessions(id),
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7)

# The UNIQUE constraints above, by table: an import checks them before writing, so a
# duplicate is reported with its place in the input instead of failing the write.
UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "legs": ("group_id", "from_site_id", "to_site_id"),
    "lodgings": ("group_id", "night"),
    "day_settings": ("day",),
    "roles": ("code",),
    "fee_caps": ("training_class", "item"),
    "reflections": ("participant_id",),
}
SCHEMA_VERSION = len(MIGRATIONS)
