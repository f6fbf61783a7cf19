-- A convention adopted through a community decision of matter 3 (HU-5): the decision whose
-- recorded result filled the convention's vote. Cleared with the vote by a new round of drafting.
ALTER TABLE convention ADD COLUMN vote_decision_id BIGINT REFERENCES decision(id);
CREATE INDEX convention_vote_decision ON convention(vote_decision_id);
