-- Steering committees and commendation (issue 15, part 5): the body that issues a plan inside
-- its unit (people's committee, steering committee or Party committee).

-- people_committee | steering_committee | party_committee
ALTER TABLE plan ADD COLUMN issuing_body TEXT NOT NULL DEFAULT 'people_committee';
