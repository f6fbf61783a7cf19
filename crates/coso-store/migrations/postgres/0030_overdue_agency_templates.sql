-- The commitments of dialogues still open, by due date: a province's overview of what is
-- overdue walks them by their deadline, as it walks the findings waiting for an answer.
CREATE INDEX dialogue_commitment_open ON dialogue_commitment(due_on) WHERE status <> 'done';

-- The template a plan's agency targets report on (NULL: the default agency template), so that
-- an agency is never scored on a commune's indicators.
ALTER TABLE plan ADD COLUMN agency_template_id BIGINT REFERENCES report_template(id);
