-- The disclosure that publishes a dialogue's results (item 14 of the commune's register, with
-- the results notice attached), once published.
ALTER TABLE dialogue ADD COLUMN disclosure_id INTEGER REFERENCES disclosure(id);
