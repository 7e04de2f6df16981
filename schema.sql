-- jobdesk's tables: the single source of truth, embedded in the binary.
--
-- The file is a list of migrations. Each starts with a line `-- version: N` and brings a database
-- from version N-1 to N (PRAGMA user_version). A new database runs them all in order; an older
-- one runs those it lacks, all inside one IMMEDIATE transaction. Never edit a released section:
-- add a new one.
--
-- Times are local wall-clock time (Europe/Copenhagen) as sortable text 'YYYY-MM-DDTHH:MM:SS';
-- dates as 'YYYY-MM-DD'.

-- version: 1
CREATE TABLE citizens (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key      TEXT    NOT NULL,            -- folded name for search (lower case, no accents)
    sort_key      TEXT    NOT NULL,            -- Danish alphabetical order (æ, ø, å last)
    cpr           TEXT    UNIQUE,              -- ddmmyy-xxxx, optional
    phone         TEXT    NOT NULL DEFAULT '',
    email         TEXT    NOT NULL DEFAULT '',
    target_group  TEXT    NOT NULL,
    benefit_start TEXT,                        -- start on the current benefit
    mentor        INTEGER NOT NULL DEFAULT 0,
    summary       TEXT    NOT NULL DEFAULT '', -- the short living summary
    exempt        INTEGER NOT NULL DEFAULT 0,  -- exempt from conversations
    archived      INTEGER NOT NULL DEFAULT 0,
    last_contact  TEXT,                        -- kept by the store: time of the latest contact
    next_due      TEXT,                        -- kept by the store from the cadence rules
    created_at    TEXT    NOT NULL
);
CREATE INDEX citizens_active_name ON citizens (archived, sort_key);
CREATE INDEX citizens_due ON citizens (archived, next_due);

CREATE TABLE appointments (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    citizen_id  INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('conversation', 'mentor_visit')),
    start       TEXT    NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes > 0),
    channel     TEXT    NOT NULL,
    place       TEXT    NOT NULL DEFAULT '',
    status      TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN
                ('planned', 'held', 'no_show', 'cancelled_by_citizen', 'cancelled', 'moved')),
    reason      TEXT    NOT NULL DEFAULT '',
    moved_to    INTEGER REFERENCES appointments (id) ON DELETE SET NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,    -- soft delete, for undo
    created_at  TEXT    NOT NULL
);
CREATE INDEX appointments_start ON appointments (start);
CREATE INDEX appointments_kind_start ON appointments (kind, start);
CREATE INDEX appointments_citizen ON appointments (citizen_id, start);

CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT    NOT NULL UNIQUE,    -- a retry after a crash cannot duplicate an entry
    citizen_id     INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    appointment_id INTEGER REFERENCES appointments (id) ON DELETE SET NULL,
    at             TEXT    NOT NULL,
    channel        TEXT    NOT NULL,
    outcome        TEXT    NOT NULL,
    minutes        INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    note           TEXT    NOT NULL DEFAULT '',
    counts         INTEGER NOT NULL DEFAULT 0, -- counts toward the legal minimum
    transferred_at TEXT,                       -- when it was put in the case system
    deleted        INTEGER NOT NULL DEFAULT 0, -- soft delete, for undo
    created_at     TEXT    NOT NULL
);
CREATE INDEX contacts_at ON contacts (at);
CREATE INDEX contacts_citizen ON contacts (citizen_id, at);
CREATE INDEX contacts_appointment ON contacts (appointment_id);
