-- The cases a reception visit led to: registered from the visit, or an existing case linked by
-- its tracking code.
CREATE TABLE reception_visit_case (
    visit_id   INTEGER NOT NULL REFERENCES reception_visit(id),
    case_id    INTEGER NOT NULL REFERENCES citizen_case(id),
    created_at TEXT    NOT NULL,
    PRIMARY KEY (visit_id, case_id)
);
CREATE INDEX reception_visit_case_case ON reception_visit_case(case_id);
