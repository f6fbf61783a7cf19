-- The day the disclosed content was adopted, issued or received (PUB-6): a disclosure is due a
-- set number of days after it, and the year's compliance names the late ones.
ALTER TABLE disclosure ADD COLUMN adopted_on DATE;

-- The day a reception visit's personal data (the visitors' names and address) was removed
-- under the retention setting (`closed_case_personal_data_days`), as a finished case's are.
-- NULL while they are kept.
ALTER TABLE reception_visit ADD COLUMN personal_data_removed_on DATE;
