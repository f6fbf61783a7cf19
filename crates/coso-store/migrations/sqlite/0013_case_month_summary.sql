-- The statistics of citizen cases read a summary instead of the cases: per unit, month received
-- ('YYYY-MM'), kind and category, the counts that depend only on the case's own row (received,
-- accepted, resolved on time or late, still open, crowded, over-level, ratings). Triggers on
-- citizen_case keep it in the transaction of every change: a row's contribution is taken off
-- the summary under its old key and added under its new one. "Open and overdue" depends on
-- today, so it is counted from the open cases themselves (the partial index below); the days of
-- a period that do not fill a month are counted from the cases too.

CREATE TABLE case_month (
    unit_id          INTEGER NOT NULL REFERENCES unit(id),
    month            TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    category         TEXT    NOT NULL,
    received         INTEGER NOT NULL,
    accepted         INTEGER NOT NULL,
    resolved_on_time INTEGER NOT NULL,
    resolved_late    INTEGER NOT NULL,
    open             INTEGER NOT NULL,
    crowded          INTEGER NOT NULL,
    over_level       INTEGER NOT NULL,
    rated            INTEGER NOT NULL,
    rating_sum       INTEGER NOT NULL,
    rating_1         INTEGER NOT NULL,
    rating_2         INTEGER NOT NULL,
    rating_3         INTEGER NOT NULL,
    rating_4         INTEGER NOT NULL,
    rating_5         INTEGER NOT NULL,
    PRIMARY KEY (unit_id, month, kind, category)
);

-- The open cases of a unit by day received, with what "open and overdue" needs.
CREATE INDEX citizen_case_open_due ON citizen_case(unit_id, received_on, kind, category, due_on)
    WHERE status IN ('received', 'forwarded', 'accepted');

-- One case's contribution, written out in each trigger (SQLite triggers have no functions).
-- A case is resolved when answered, or closed without an answer (information).
CREATE TRIGGER citizen_case_month_insert AFTER INSERT ON citizen_case BEGIN
    INSERT INTO case_month VALUES (
        NEW.unit_id, substr(NEW.received_on, 1, 7), NEW.kind, NEW.category, 1,
        NEW.accepted_on IS NOT NULL,
        COALESCE(NEW.answered_on, CASE WHEN NEW.status = 'closed' THEN NEW.closed_on END) IS NOT NULL
            AND (NEW.resolution_due_on IS NULL
                 OR COALESCE(NEW.answered_on, CASE WHEN NEW.status = 'closed' THEN NEW.closed_on END) <= NEW.resolution_due_on),
        COALESCE(COALESCE(NEW.answered_on, CASE WHEN NEW.status = 'closed' THEN NEW.closed_on END) > NEW.resolution_due_on, 0),
        NEW.status IN ('received', 'forwarded', 'accepted'),
        NEW.crowded <> 0, NEW.over_level <> 0,
        NEW.rating IS NOT NULL, COALESCE(NEW.rating, 0),
        COALESCE(NEW.rating = 1, 0), COALESCE(NEW.rating = 2, 0), COALESCE(NEW.rating = 3, 0),
        COALESCE(NEW.rating = 4, 0), COALESCE(NEW.rating = 5, 0))
    ON CONFLICT (unit_id, month, kind, category) DO UPDATE SET
        received = received + excluded.received,
        accepted = accepted + excluded.accepted,
        resolved_on_time = resolved_on_time + excluded.resolved_on_time,
        resolved_late = resolved_late + excluded.resolved_late,
        open = open + excluded.open,
        crowded = crowded + excluded.crowded,
        over_level = over_level + excluded.over_level,
        rated = rated + excluded.rated,
        rating_sum = rating_sum + excluded.rating_sum,
        rating_1 = rating_1 + excluded.rating_1,
        rating_2 = rating_2 + excluded.rating_2,
        rating_3 = rating_3 + excluded.rating_3,
        rating_4 = rating_4 + excluded.rating_4,
        rating_5 = rating_5 + excluded.rating_5;
END;

CREATE TRIGGER citizen_case_month_delete AFTER DELETE ON citizen_case BEGIN
    UPDATE case_month SET
        received = received - 1,
        accepted = accepted - (OLD.accepted_on IS NOT NULL),
        resolved_on_time = resolved_on_time - (
            COALESCE(OLD.answered_on, CASE WHEN OLD.status = 'closed' THEN OLD.closed_on END) IS NOT NULL
            AND (OLD.resolution_due_on IS NULL
                 OR COALESCE(OLD.answered_on, CASE WHEN OLD.status = 'closed' THEN OLD.closed_on END) <= OLD.resolution_due_on)),
        resolved_late = resolved_late
            - COALESCE(COALESCE(OLD.answered_on, CASE WHEN OLD.status = 'closed' THEN OLD.closed_on END) > OLD.resolution_due_on, 0),
        open = open - (OLD.status IN ('received', 'forwarded', 'accepted')),
        crowded = crowded - (OLD.crowded <> 0),
        over_level = over_level - (OLD.over_level <> 0),
        rated = rated - (OLD.rating IS NOT NULL),
        rating_sum = rating_sum - COALESCE(OLD.rating, 0),
        rating_1 = rating_1 - COALESCE(OLD.rating = 1, 0),
        rating_2 = rating_2 - COALESCE(OLD.rating = 2, 0),
        rating_3 = rating_3 - COALESCE(OLD.rating = 3, 0),
        rating_4 = rating_4 - COALESCE(OLD.rating = 4, 0),
        rating_5 = rating_5 - COALESCE(OLD.rating = 5, 0)
    WHERE unit_id = OLD.unit_id AND month = substr(OLD.received_on, 1, 7) AND kind = OLD.kind
      AND category = OLD.category;
    -- A group nobody is in any more is not kept (the statistics list only groups with cases).
    DELETE FROM case_month
    WHERE unit_id = OLD.unit_id AND month = substr(OLD.received_on, 1, 7) AND kind = OLD.kind
      AND category = OLD.category AND received = 0;
END;

-- An update is the old row taken off and the new one added; only the columns read above fire it.
CREATE TRIGGER citizen_case_month_update AFTER UPDATE OF
    unit_id, received_on, kind, category, status, accepted_on, answered_on, closed_on,
    resolution_due_on, crowded, over_level, rating
ON citizen_case BEGIN
    UPDATE case_month SET
        received = received - 1,
        accepted = accepted - (OLD.accepted_on IS NOT NULL),
        resolved_on_time = resolved_on_time - (
            COALESCE(OLD.answered_on, CASE WHEN OLD.status = 'closed' THEN OLD.closed_on END) IS NOT NULL
            AND (OLD.resolution_due_on IS NULL
                 OR COALESCE(OLD.answered_on, CASE WHEN OLD.status = 'closed' THEN OLD.closed_on END) <= OLD.resolution_due_on)),
        resolved_late = resolved_late
            - COALESCE(COALESCE(OLD.answered_on, CASE WHEN OLD.status = 'closed' THEN OLD.closed_on END) > OLD.resolution_due_on, 0),
        open = open - (OLD.status IN ('received', 'forwarded', 'accepted')),
        crowded = crowded - (OLD.crowded <> 0),
        over_level = over_level - (OLD.over_level <> 0),
        rated = rated - (OLD.rating IS NOT NULL),
        rating_sum = rating_sum - COALESCE(OLD.rating, 0),
        rating_1 = rating_1 - COALESCE(OLD.rating = 1, 0),
        rating_2 = rating_2 - COALESCE(OLD.rating = 2, 0),
        rating_3 = rating_3 - COALESCE(OLD.rating = 3, 0),
        rating_4 = rating_4 - COALESCE(OLD.rating = 4, 0),
        rating_5 = rating_5 - COALESCE(OLD.rating = 5, 0)
    WHERE unit_id = OLD.unit_id AND month = substr(OLD.received_on, 1, 7) AND kind = OLD.kind
      AND category = OLD.category;
    DELETE FROM case_month
    WHERE unit_id = OLD.unit_id AND month = substr(OLD.received_on, 1, 7) AND kind = OLD.kind
      AND category = OLD.category AND received = 0;
    INSERT INTO case_month VALUES (
        NEW.unit_id, substr(NEW.received_on, 1, 7), NEW.kind, NEW.category, 1,
        NEW.accepted_on IS NOT NULL,
        COALESCE(NEW.answered_on, CASE WHEN NEW.status = 'closed' THEN NEW.closed_on END) IS NOT NULL
            AND (NEW.resolution_due_on IS NULL
                 OR COALESCE(NEW.answered_on, CASE WHEN NEW.status = 'closed' THEN NEW.closed_on END) <= NEW.resolution_due_on),
        COALESCE(COALESCE(NEW.answered_on, CASE WHEN NEW.status = 'closed' THEN NEW.closed_on END) > NEW.resolution_due_on, 0),
        NEW.status IN ('received', 'forwarded', 'accepted'),
        NEW.crowded <> 0, NEW.over_level <> 0,
        NEW.rating IS NOT NULL, COALESCE(NEW.rating, 0),
        COALESCE(NEW.rating = 1, 0), COALESCE(NEW.rating = 2, 0), COALESCE(NEW.rating = 3, 0),
        COALESCE(NEW.rating = 4, 0), COALESCE(NEW.rating = 5, 0))
    ON CONFLICT (unit_id, month, kind, category) DO UPDATE SET
        received = received + excluded.received,
        accepted = accepted + excluded.accepted,
        resolved_on_time = resolved_on_time + excluded.resolved_on_time,
        resolved_late = resolved_late + excluded.resolved_late,
        open = open + excluded.open,
        crowded = crowded + excluded.crowded,
        over_level = over_level + excluded.over_level,
        rated = rated + excluded.rated,
        rating_sum = rating_sum + excluded.rating_sum,
        rating_1 = rating_1 + excluded.rating_1,
        rating_2 = rating_2 + excluded.rating_2,
        rating_3 = rating_3 + excluded.rating_3,
        rating_4 = rating_4 + excluded.rating_4,
        rating_5 = rating_5 + excluded.rating_5;
END;

-- The cases already there.
INSERT INTO case_month
SELECT unit_id, substr(received_on, 1, 7), kind, category, COUNT(*),
    SUM(accepted_on IS NOT NULL),
    SUM(COALESCE(answered_on, CASE WHEN status = 'closed' THEN closed_on END) IS NOT NULL
        AND (resolution_due_on IS NULL
             OR COALESCE(answered_on, CASE WHEN status = 'closed' THEN closed_on END) <= resolution_due_on)),
    SUM(COALESCE(COALESCE(answered_on, CASE WHEN status = 'closed' THEN closed_on END) > resolution_due_on, 0)),
    SUM(status IN ('received', 'forwarded', 'accepted')),
    SUM(crowded <> 0), SUM(over_level <> 0),
    COUNT(rating), COALESCE(SUM(rating), 0),
    SUM(COALESCE(rating = 1, 0)), SUM(COALESCE(rating = 2, 0)), SUM(COALESCE(rating = 3, 0)),
    SUM(COALESCE(rating = 4, 0)), SUM(COALESCE(rating = 5, 0))
FROM citizen_case
GROUP BY unit_id, substr(received_on, 1, 7), kind, category;
