-- Elections of board members (Law 10/2022 Art. 36, 41; Decree 59/2023 Art. 3, 17): an election
-- fills a village head's seat (kind village_head), the members of the commune's People's
-- Inspection Board (inspection_board) or the residents' seats of a project's investment
-- supervision board (investment_board); seats is how many it elects.
ALTER TABLE village_election ADD COLUMN kind TEXT NOT NULL DEFAULT 'village_head';
ALTER TABLE village_election ADD COLUMN seats BIGINT NOT NULL DEFAULT 1;
-- The board the election fills: chosen when an investment board's election is created, set
-- when an inspection board's result is recognised.
ALTER TABLE village_election ADD COLUMN board_id BIGINT REFERENCES board(id);
CREATE INDEX village_election_board ON village_election(board_id);
-- The village or residential group a board's candidate would represent (BTT-1).
ALTER TABLE village_election_person ADD COLUMN village_id BIGINT REFERENCES unit(id);
-- The election whose recognised result formed the board or last renewed its members.
ALTER TABLE board ADD COLUMN election_id BIGINT REFERENCES village_election(id);
