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

-- version: 2
-- Every export is a disclosure of personal data: one row per file (or stdout) that left the
-- database, so the consultant can show what left the machine and when. Not part of `export json`.
CREATE TABLE exports (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,               -- when, local time
    kind       TEXT    NOT NULL CHECK (kind IN ('csv', 'csv_excel', 'ics', 'json')),
    range_from TEXT,                           -- first day included ('YYYY-MM-DD'), NULL: from the start
    range_to   TEXT,                           -- last day included, NULL: to the end
    rows       INTEGER NOT NULL CHECK (rows >= 0),
    cpr        INTEGER NOT NULL DEFAULT 0,     -- CPR numbers were included
    path       TEXT    NOT NULL                -- the file written, '-' for standard output
);
CREATE INDEX exports_at ON exports (at);

-- version: 3
-- Closures (nedlukninger): a date range in which in-person meetings are suspended, conversation
-- deadlines are paused, and the whole caseload is phoned from a call list.
CREATE TABLE closures (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    from_date   TEXT    NOT NULL,              -- first day of the range
    to_date     TEXT    NOT NULL,              -- last day, inclusive (cut short by an early end)
    counts_held INTEGER NOT NULL DEFAULT 0,    -- conversations held in the range count toward the minimum
    created_at  TEXT    NOT NULL,
    ended_at    TEXT,                          -- NULL while the call-round is open
    CHECK (from_date <= to_date)
);
-- One closure open at a time.
CREATE UNIQUE INDEX closures_one_open ON closures ((ended_at IS NULL)) WHERE ended_at IS NULL;

-- The call list: every active citizen once, in the order it was built. The state columns are
-- kept by the store from the citizen's attempts (like citizens.next_due from the log).
CREATE TABLE closure_calls (
    closure_id   INTEGER NOT NULL REFERENCES closures (id) ON DELETE CASCADE,
    citizen_id   INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,             -- 1-based place in the list as built
    target_group TEXT    NOT NULL,             -- the group when the closure started: the report counts by it
    mentor       INTEGER NOT NULL DEFAULT 0,   -- the same, for the mentor flag
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_result  TEXT CHECK (last_result IN ('reached', 'no_answer', 'message_left', 'wrong_number')),
    last_at      TEXT,
    reached      INTEGER NOT NULL DEFAULT 0,
    accepted     INTEGER,                      -- answer at the latest reaching call; NULL: not asked
    next_try     TEXT,                         -- the day to try again; NULL when reached or wrong number
    PRIMARY KEY (closure_id, citizen_id)
) WITHOUT ROWID;
CREATE INDEX closure_calls_position ON closure_calls (closure_id, position);
CREATE INDEX closure_calls_citizen ON closure_calls (citizen_id);

-- Every attempt is a contact in the log; this row adds what the log cannot say.
CREATE TABLE closure_attempts (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    closure_id INTEGER NOT NULL,
    citizen_id INTEGER NOT NULL,
    result     TEXT    NOT NULL CHECK (result IN ('reached', 'no_answer', 'message_left', 'wrong_number')),
    accepted   INTEGER,                        -- only when reached: accepted the offer of a conversation
    FOREIGN KEY (closure_id, citizen_id) REFERENCES closure_calls (closure_id, citizen_id) ON DELETE CASCADE
);
CREATE INDEX closure_attempts_call ON closure_attempts (closure_id, citizen_id);

-- In-person appointments a closure turned into phone, video or a walk, so the change can be
-- listed and undone.
CREATE TABLE closure_conversions (
    id             INTEGER PRIMARY KEY,
    closure_id     INTEGER NOT NULL REFERENCES closures (id) ON DELETE CASCADE,
    appointment_id INTEGER NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    from_channel   TEXT    NOT NULL,
    to_channel     TEXT    NOT NULL,
    at             TEXT    NOT NULL
);
CREATE INDEX closure_conversions_closure ON closure_conversions (closure_id);

-- version: 4
-- Settings the store keeps for itself, such as a fingerprint of the cadence rules its due dates
-- were computed with (so editing the rules recomputes them once).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Drafts: a note or summary being typed, saved every few seconds and on SIGTERM/SIGHUP, and
-- offered back on the next start, so nothing typed is lost when the terminal closes.
CREATE TABLE drafts (
    kind       TEXT    NOT NULL CHECK (kind IN ('note', 'summary')),
    target_id  INTEGER NOT NULL,               -- the contact (note) or the citizen (summary)
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    text       TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (kind, target_id)
);
CREATE INDEX drafts_citizen ON drafts (citizen_id);

-- The mentor agreement (goals, hours a week, until when) rests on the citizen.
ALTER TABLE citizens ADD COLUMN mentor_goals TEXT NOT NULL DEFAULT '';
ALTER TABLE citizens ADD COLUMN mentor_hours REAL;
ALTER TABLE citizens ADD COLUMN mentor_until TEXT;

-- Exemptions from job-club attendance for outside activities (a network meeting, a course).
CREATE TABLE jobclub_exemptions (
    id         INTEGER PRIMARY KEY,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    from_date  TEXT    NOT NULL,
    to_date    TEXT    NOT NULL,
    reason     TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    CHECK (from_date <= to_date)
);
CREATE INDEX jobclub_exemptions_citizen ON jobclub_exemptions (citizen_id, from_date);

-- How the citizen experienced the conversation (1–5) and their own wish, optional per contact.
ALTER TABLE contacts ADD COLUMN feedback_score INTEGER CHECK (feedback_score BETWEEN 1 AND 5);
ALTER TABLE contacts ADD COLUMN feedback_wish TEXT NOT NULL DEFAULT '';

-- version: 5
-- The audit log: every use of personal data that leaves the desk or removes data (an export, a
-- backup, an import, a revealed CPR number, an erasure, a purge): when, which user of the
-- machine, what, about which citizen or which days, how many rows. It holds no names, CPR
-- numbers or notes, so it may outlive what it speaks of (no reference to citizens). Entries
-- older than 6 months are removed whenever one is written.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,               -- when, local time
    os_user    TEXT    NOT NULL DEFAULT '',    -- USER / USERNAME of the process
    action     TEXT    NOT NULL CHECK (action IN
               ('export', 'backup', 'import', 'reveal_cpr', 'erase', 'purge')),
    citizen_id INTEGER,                        -- the citizen it was about, if one
    range_from TEXT,                           -- first day included ('YYYY-MM-DD'), if a range
    range_to   TEXT,                           -- last day included
    rows       INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),
    detail     TEXT    NOT NULL DEFAULT ''     -- what kind and where (csv → file); never personal data
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_citizen ON audit (citizen_id, at);
-- Exports recorded before the audit log are in it too.
INSERT INTO audit (at, action, range_from, range_to, rows, detail)
    SELECT at, 'export', range_from, range_to, rows,
           kind || CASE WHEN cpr THEN ' with CPR' ELSE '' END || ' -> ' || path
    FROM exports;

-- version: 6
-- Speed at a team's five years of data (issue 8).
-- Typing a filter over the caseload reads this index alone: it holds the folded name, so
-- `instr(name_key, ?)` is checked without visiting the table's rows. It keeps the caseload's
-- order (sort_key, id) too, so it takes the place of citizens_active_name.
DROP INDEX IF EXISTS citizens_active_name;
CREATE INDEX citizens_active_name_key ON citizens (archived, sort_key, id, name_key);
-- Counting a day's (or week's) appointments, also filtered by kind or by the citizen's name,
-- reads this index and the citizen, never the appointment rows: the Today pane counts a
-- thousand appointments on every keystroke of its filter. Window queries (ORDER BY start, id)
-- keep using appointments_start and appointments_kind_start.
CREATE INDEX appointments_live_day ON appointments (start, kind, citizen_id) WHERE deleted = 0;
-- Soft-deleted rows (kept for undo) are purged when the desk closes; these stay empty between
-- sessions and let the purge find them without reading a million rows.
CREATE INDEX contacts_deleted ON contacts (id) WHERE deleted = 1;
CREATE INDEX appointments_deleted ON appointments (id) WHERE deleted = 1;

-- version: 7
-- The audit log also records corrections and deletions of log entries (issue 12): which entry's
-- fields changed (their names, never the note's text), and which entries were deleted or brought
-- back. SQLite cannot widen a CHECK in place: the table is copied into one that allows them.
CREATE TABLE audit_new (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    os_user    TEXT    NOT NULL DEFAULT '',
    action     TEXT    NOT NULL CHECK (action IN
               ('export', 'backup', 'import', 'reveal_cpr', 'erase', 'purge',
                'correct_contact', 'delete_contact')),
    citizen_id INTEGER,
    range_from TEXT,
    range_to   TEXT,
    rows       INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),
    detail     TEXT    NOT NULL DEFAULT ''
);
INSERT INTO audit_new (id, at, os_user, action, citizen_id, range_from, range_to, rows, detail)
    SELECT id, at, os_user, action, citizen_id, range_from, range_to, rows, detail FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_citizen ON audit (citizen_id, at);

-- version: 8
-- One folding for the filter and quick-add (issue 13): besides case and accents, `fold` now
-- brings the old spellings "oe" and "aa" together with ø and å ("soeren" and "Søren" both fold
-- to "soren", "aase" and "Åse" to "ase", "Aabenraa" and "Åbenrå" to "abenra"). The stored
-- folded names are recomputed with it: `fold` is registered on the connection before any
-- migration runs.
UPDATE citizens SET name_key = fold(name) WHERE name_key IS NOT fold(name);
-- The caseload's filter also matches the phone number and the target group, and takes the
-- terms `overskredet` (next_due) and `mentor`: the covering index holds those columns too, so
-- the filter still reads the index alone for everything but the summary's text. It keeps the
-- caseload's order (sort_key, id) and takes the place of citizens_active_name_key.
DROP INDEX IF EXISTS citizens_active_name_key;
CREATE INDEX citizens_active_search ON citizens
    (archived, sort_key, id, name_key, phone, target_group, mentor, next_due);

-- version: 9
-- The audit log also records a citizen's details edited, a citizen added or archived in the desk
-- (issue 13): which fields changed (their names, never their values). The table is copied into
-- one whose CHECK allows it, as in version 7.
CREATE TABLE audit_new (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    os_user    TEXT    NOT NULL DEFAULT '',
    action     TEXT    NOT NULL CHECK (action IN
               ('export', 'backup', 'import', 'reveal_cpr', 'erase', 'purge',
                'correct_contact', 'delete_contact', 'edit_citizen')),
    citizen_id INTEGER,
    range_from TEXT,
    range_to   TEXT,
    rows       INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),
    detail     TEXT    NOT NULL DEFAULT ''
);
INSERT INTO audit_new (id, at, os_user, action, citizen_id, range_from, range_to, rows, detail)
    SELECT id, at, os_user, action, citizen_id, range_from, range_to, rows, detail FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_citizen ON audit (citizen_id, at);

-- version: 10
-- Legal deadline and pace apart, and the target groups after 1.7.2025 (issue 14).
-- `next_due` is now the legal deadline (the next one not yet met), `pace_due` jobdesk's even
-- spacing towards it; both are derived and recomputed on the next opening (the stored rules
-- fingerprint is dropped, so the due dates are computed again with the working-day calendar).
-- `absence_start` is the first day of absence of a sygedagpenge citizen: the count runs from it.
-- Uddannelseshjælp is paid as kontanthjælp since 1.7.2025: the stored key becomes
-- `uddannelsesparat` (the old key is still read as an alias).
ALTER TABLE citizens ADD COLUMN pace_due TEXT;
ALTER TABLE citizens ADD COLUMN absence_start TEXT;
UPDATE citizens SET target_group = 'uddannelsesparat' WHERE target_group = 'uddannelseshjaelp';
UPDATE closure_calls SET target_group = 'uddannelsesparat' WHERE target_group = 'uddannelseshjaelp';
DELETE FROM settings WHERE key = 'rules';

-- version: 11
-- A citizen's lasting identity across databases (a hand-over between colleagues): given on
-- the first hand-over, kept by the receiving database.
ALTER TABLE citizens ADD COLUMN uuid TEXT;
CREATE UNIQUE INDEX citizens_uuid ON citizens (uuid);

-- version: 12
-- A citizen's address (nullable): shown on the card, and the place of a home visit planned
-- without one.
ALTER TABLE citizens ADD COLUMN address TEXT;

-- version: 13
-- Recurring appointments (issue 16): a series is the rule (how often, until when, what happens
-- on a day off); each of its dates is an ordinary appointment row (moved, cancelled or marked on
-- its own) that names its series and its nominal start, the date and time the rule gives it
-- (RFC 5545's RECURRENCE-ID: a date moved off a day off, or moved by hand, keeps it). A series
-- ends at `until` (that day included) or after `count` dates, never both. `skipped` lists the
-- days off the rule landed on and skipped ('YYYY-MM-DD' separated by ','), so a calendar export
-- can write them as EXDATE even when the days off are configured otherwise later.
CREATE TABLE series (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    citizen_id  INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('conversation', 'mentor_visit')),
    start       TEXT    NOT NULL,              -- the first nominal date and time (DTSTART)
    minutes     INTEGER NOT NULL CHECK (minutes > 0),
    channel     TEXT    NOT NULL,
    place       TEXT    NOT NULL DEFAULT '',
    frequency   TEXT    NOT NULL CHECK (frequency IN ('weekly', 'every_other_week', 'monthly_weekday')),
    until       TEXT,                          -- the last day a date may fall on
    count       INTEGER CHECK (count > 0),     -- or how many dates (skipped ones included)
    on_day_off  TEXT    NOT NULL DEFAULT 'skip' CHECK (on_day_off IN ('skip', 'move')),
    skipped     TEXT    NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0,    -- soft delete, for undo
    created_at  TEXT    NOT NULL,
    CHECK ((until IS NULL) <> (count IS NULL))
);
CREATE INDEX series_citizen ON series (citizen_id, start);
ALTER TABLE appointments ADD COLUMN series_id INTEGER REFERENCES series (id) ON DELETE SET NULL;
ALTER TABLE appointments ADD COLUMN occurrence TEXT; -- the nominal start, set with series_id
CREATE INDEX appointments_series ON appointments (series_id, occurrence) WHERE series_id IS NOT NULL;

-- version: 14
-- The closure round as it really ran (issue 18). Citizens registered during a closure join its
-- call list, flagged (`newcomer`: 2020's "nyledige"). Per reaching call two optional answers:
-- how it was received and whether the citizen was matched to a job or placement; the entry
-- keeps the latest of each (like `accepted`).
ALTER TABLE closure_calls ADD COLUMN newcomer INTEGER NOT NULL DEFAULT 0;
ALTER TABLE closure_calls ADD COLUMN received TEXT
    CHECK (received IN ('very_positive', 'positive', 'neutral', 'negative'));
ALTER TABLE closure_calls ADD COLUMN matched INTEGER;
ALTER TABLE closure_attempts ADD COLUMN received TEXT
    CHECK (received IN ('very_positive', 'positive', 'neutral', 'negative'));
ALTER TABLE closure_attempts ADD COLUMN matched INTEGER;  -- 1 matched to a job/placement, 0 said not; NULL not said

-- version: 15
-- Companies and job leads (issue 19): the other side of the job centre. A company (CVR number
-- checked by its modulus-11 rule, unique when given), its contact persons (personal data: erased
-- by `erase --company-contact`, never written to the audit log), its leads (an ordinary job, a
-- virksomhedspraktik place or a løntilskud place, with the target groups and skills it suits),
-- and proposals of a citizen to a lead with their latest outcome.
-- The history with a company is `company_log`, its own table (the contact log stays one of
-- contacts with citizens): a contact with the company (channel, outcome, contact person) or a
-- step of a proposal (`proposal_id` and `citizen_id` set; `outcome` then a proposal's word:
-- proposed, interview, started, declined). A citizen's card shows the proposal entries by
-- `citizen_id`. Rows are soft-deleted (`deleted = 1`) while an undo could bring them back.
-- A citizen's wishes and skills (free text, the card's) are matched with a lead's skills.
CREATE TABLE companies (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT    NOT NULL,              -- folded name for the filter and quick-add
    sort_key    TEXT    NOT NULL,              -- Danish alphabetical order
    cvr         TEXT    CHECK (cvr IS NULL OR (length(cvr) = 8 AND cvr NOT GLOB '*[^0-9]*')),
    address     TEXT    NOT NULL DEFAULT '',
    industry    TEXT    NOT NULL DEFAULT '',
    notes       TEXT    NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX companies_cvr ON companies (cvr) WHERE cvr IS NOT NULL;
CREATE INDEX companies_name ON companies (deleted, sort_key, id);

CREATE TABLE company_contacts (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    company_id  INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT    NOT NULL DEFAULT '',
    phone       TEXT    NOT NULL DEFAULT '',
    email       TEXT    NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
);
CREATE INDEX company_contacts_company ON company_contacts (company_id);

CREATE TABLE leads (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    company_id    INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL CHECK (kind IN ('job', 'praktik', 'loentilskud')),
    title         TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    hours         REAL    CHECK (hours IS NULL OR (hours > 0 AND hours <= 80)), -- a week
    start         TEXT,                        -- first day, if known
    deadline      TEXT,                        -- last day to apply or propose
    target_groups TEXT    NOT NULL DEFAULT '', -- target-group keys joined by ','; '' suits any
    skills        TEXT    NOT NULL DEFAULT '', -- what it asks for, free words
    status        TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
    deleted       INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL
);
CREATE INDEX leads_company ON leads (company_id, status);
CREATE INDEX leads_status ON leads (status, deadline);

CREATE TABLE proposals (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    lead_id     INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    citizen_id  INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    outcome     TEXT    NOT NULL DEFAULT 'proposed'
                CHECK (outcome IN ('proposed', 'interview', 'started', 'declined')),
    at          TEXT    NOT NULL,              -- when the latest outcome happened
    note        TEXT    NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
);
CREATE INDEX proposals_lead ON proposals (lead_id);
CREATE INDEX proposals_citizen ON proposals (citizen_id, outcome, at);

CREATE TABLE company_log (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,       -- a retry after a crash cannot duplicate an entry
    company_id  INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    person_id   INTEGER REFERENCES company_contacts (id) ON DELETE SET NULL,
    proposal_id INTEGER REFERENCES proposals (id) ON DELETE CASCADE,
    citizen_id  INTEGER REFERENCES citizens (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    channel     TEXT,                          -- NULL for a proposal's step without one
    outcome     TEXT    NOT NULL,
    minutes     INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    note        TEXT    NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
);
CREATE INDEX company_log_company ON company_log (company_id, at);
CREATE INDEX company_log_citizen ON company_log (citizen_id, at) WHERE citizen_id IS NOT NULL;
CREATE INDEX company_log_proposal ON company_log (proposal_id) WHERE proposal_id IS NOT NULL;

ALTER TABLE citizens ADD COLUMN skills TEXT NOT NULL DEFAULT '';

-- version: 16
-- The citizen's voice and the job club (issue 20).
-- "Asked for a conversation": the day the citizen asked (every citizen may ask for one). The
-- store clears it when a conversation is planned for the citizen on or after that day.
ALTER TABLE citizens ADD COLUMN requested TEXT;
-- Expected at the job club's sessions (the sessions themselves are configured, not stored).
ALTER TABLE citizens ADD COLUMN jobclub INTEGER NOT NULL DEFAULT 0;
-- An exemption may cover a time of day ('HH:MM', both or neither; none: the whole day) and
-- some weekdays only ('1,3' with Monday 1, ISO; empty: every day).
ALTER TABLE jobclub_exemptions ADD COLUMN from_time TEXT;
ALTER TABLE jobclub_exemptions ADD COLUMN to_time TEXT;
ALTER TABLE jobclub_exemptions ADD COLUMN weekdays TEXT NOT NULL DEFAULT '';
-- Attendance per session (one session a day): present, absent or exempt. An absence logged as
-- a contact (only when the user asks) names it.
CREATE TABLE jobclub_attendance (
    date       TEXT    NOT NULL,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
    mark       TEXT    NOT NULL CHECK (mark IN ('present', 'absent', 'exempt')),
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    marked_at  TEXT    NOT NULL,
    PRIMARY KEY (date, citizen_id)
);
CREATE INDEX jobclub_attendance_citizen ON jobclub_attendance (citizen_id, date);

-- version: 17
-- The audit log also records a company's contact person edited (issue 19: contact persons are
-- personal data): which fields changed (their names, never their values). The table is copied
-- into one whose CHECK allows it, as in versions 7 and 9.
CREATE TABLE audit_new (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    os_user    TEXT    NOT NULL DEFAULT '',
    action     TEXT    NOT NULL CHECK (action IN
               ('export', 'backup', 'import', 'reveal_cpr', 'erase', 'purge',
                'correct_contact', 'delete_contact', 'edit_citizen', 'edit_contact_person')),
    citizen_id INTEGER,
    range_from TEXT,
    range_to   TEXT,
    rows       INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),
    detail     TEXT    NOT NULL DEFAULT ''
);
INSERT INTO audit_new (id, at, os_user, action, citizen_id, range_from, range_to, rows, detail)
    SELECT id, at, os_user, action, citizen_id, range_from, range_to, rows, detail FROM audit;
DROP TABLE audit;
ALTER TABLE audit_new RENAME TO audit;
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_citizen ON audit (citizen_id, at);
