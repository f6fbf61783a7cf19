-- The day the disclosed content was adopted, issued or received (PUB-6): a disclosure is due a
-- set number of days after it, and the year's compliance names the late ones.
ALTER TABLE disclosure ADD COLUMN adopted_on TEXT;
