-- Yearly announcements of days off (Tết range, swapped Saturdays…) added by administrators at
-- run time. The body is the JSON of coso_calendar::Announcement.
CREATE TABLE holiday_announcement (
    year       INTEGER PRIMARY KEY,
    body       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL
);
