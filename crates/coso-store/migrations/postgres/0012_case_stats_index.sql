-- The statistics of citizen cases (a province's year: 100,000 cases) read, per unit of a
-- subtree, the cases received in a period and only these columns: one index holds them all,
-- so the count never visits the table's rows.
CREATE INDEX citizen_case_stats ON citizen_case(
    unit_id, received_on, kind, status, category, accepted_on, answered_on, closed_on,
    due_on, resolution_due_on, crowded, over_level, rating
);
