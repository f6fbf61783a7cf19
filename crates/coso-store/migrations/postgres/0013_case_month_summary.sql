-- The statistics of citizen cases read a summary instead of the cases: per unit, month received
-- ('YYYY-MM'), kind and category, the counts that depend only on the case's own row (received,
-- accepted, resolved on time or late, still open, crowded, over-level, ratings). A trigger on
-- citizen_case keeps it in the transaction of every change: a row's contribution is taken off
-- the summary under its old key and added under its new one. "Open and overdue" depends on
-- today, so it is counted from the open cases themselves (the partial index below); the days of
-- a period that do not fill a month are counted from the cases too.

CREATE TABLE case_month (
    unit_id          BIGINT NOT NULL REFERENCES unit(id),
    month            TEXT   NOT NULL,
    kind             TEXT   NOT NULL,
    category         TEXT   NOT NULL,
    received         BIGINT NOT NULL,
    accepted         BIGINT NOT NULL,
    resolved_on_time BIGINT NOT NULL,
    resolved_late    BIGINT NOT NULL,
    open             BIGINT NOT NULL,
    crowded          BIGINT NOT NULL,
    over_level       BIGINT NOT NULL,
    rated            BIGINT NOT NULL,
    rating_sum       BIGINT NOT NULL,
    rating_1         BIGINT NOT NULL,
    rating_2         BIGINT NOT NULL,
    rating_3         BIGINT NOT NULL,
    rating_4         BIGINT NOT NULL,
    rating_5         BIGINT NOT NULL,
    PRIMARY KEY (unit_id, month, kind, category)
);

-- The open cases of a unit by day received, with what "open and overdue" needs.
CREATE INDEX citizen_case_open_due ON citizen_case(unit_id, received_on, kind, category, due_on)
    WHERE status IN ('received', 'forwarded', 'accepted');

-- Adds one case's contribution (sign 1) or takes it off (sign -1). A case is resolved when
-- answered, or closed without an answer (information).
CREATE FUNCTION case_month_add(c citizen_case, sign BIGINT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    resolved DATE := COALESCE(c.answered_on, CASE WHEN c.status = 'closed' THEN c.closed_on END);
BEGIN
    INSERT INTO case_month AS m VALUES (
        c.unit_id, to_char(c.received_on, 'YYYY-MM'), c.kind, c.category, sign,
        sign * (c.accepted_on IS NOT NULL)::INT,
        sign * (resolved IS NOT NULL AND (c.resolution_due_on IS NULL OR resolved <= c.resolution_due_on))::INT,
        sign * COALESCE(resolved > c.resolution_due_on, FALSE)::INT,
        sign * (c.status IN ('received', 'forwarded', 'accepted'))::INT,
        sign * c.crowded::INT, sign * c.over_level::INT,
        sign * (c.rating IS NOT NULL)::INT, sign * COALESCE(c.rating, 0),
        sign * COALESCE(c.rating = 1, FALSE)::INT, sign * COALESCE(c.rating = 2, FALSE)::INT,
        sign * COALESCE(c.rating = 3, FALSE)::INT, sign * COALESCE(c.rating = 4, FALSE)::INT,
        sign * COALESCE(c.rating = 5, FALSE)::INT)
    ON CONFLICT (unit_id, month, kind, category) DO UPDATE SET
        received = m.received + excluded.received,
        accepted = m.accepted + excluded.accepted,
        resolved_on_time = m.resolved_on_time + excluded.resolved_on_time,
        resolved_late = m.resolved_late + excluded.resolved_late,
        open = m.open + excluded.open,
        crowded = m.crowded + excluded.crowded,
        over_level = m.over_level + excluded.over_level,
        rated = m.rated + excluded.rated,
        rating_sum = m.rating_sum + excluded.rating_sum,
        rating_1 = m.rating_1 + excluded.rating_1,
        rating_2 = m.rating_2 + excluded.rating_2,
        rating_3 = m.rating_3 + excluded.rating_3,
        rating_4 = m.rating_4 + excluded.rating_4,
        rating_5 = m.rating_5 + excluded.rating_5;
    IF sign < 0 THEN
        -- A group nobody is in any more is not kept (the statistics list only groups with cases).
        DELETE FROM case_month
        WHERE unit_id = c.unit_id AND month = to_char(c.received_on, 'YYYY-MM') AND kind = c.kind
          AND category = c.category AND received = 0;
    END IF;
END
$$;

CREATE FUNCTION citizen_case_month() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM case_month_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM case_month_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

-- Only the columns read above fire it on an update.
CREATE TRIGGER citizen_case_month AFTER INSERT OR DELETE OR UPDATE OF
    unit_id, received_on, kind, category, status, accepted_on, answered_on, closed_on,
    resolution_due_on, crowded, over_level, rating
ON citizen_case FOR EACH ROW EXECUTE FUNCTION citizen_case_month();

-- The cases already there.
INSERT INTO case_month
SELECT unit_id, to_char(received_on, 'YYYY-MM'), kind, category, COUNT(*),
    COUNT(*) FILTER (WHERE accepted_on IS NOT NULL),
    COUNT(*) FILTER (WHERE COALESCE(answered_on, CASE WHEN status = 'closed' THEN closed_on END) IS NOT NULL
        AND (resolution_due_on IS NULL
             OR COALESCE(answered_on, CASE WHEN status = 'closed' THEN closed_on END) <= resolution_due_on)),
    COUNT(*) FILTER (WHERE COALESCE(answered_on, CASE WHEN status = 'closed' THEN closed_on END) > resolution_due_on),
    COUNT(*) FILTER (WHERE status IN ('received', 'forwarded', 'accepted')),
    COUNT(*) FILTER (WHERE crowded), COUNT(*) FILTER (WHERE over_level),
    COUNT(rating), COALESCE(SUM(rating), 0),
    COUNT(*) FILTER (WHERE rating = 1), COUNT(*) FILTER (WHERE rating = 2), COUNT(*) FILTER (WHERE rating = 3),
    COUNT(*) FILTER (WHERE rating = 4), COUNT(*) FILTER (WHERE rating = 5)
FROM citizen_case
GROUP BY unit_id, to_char(received_on, 'YYYY-MM'), kind, category;
