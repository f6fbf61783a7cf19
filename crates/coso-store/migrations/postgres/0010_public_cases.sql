-- The public side of citizen cases (issue 12): where a petition is about, as the resident or
-- an Open311 client gave it, and the indexes of the public list and the ratings per unit.

-- The place a petition is about (an address typed by the sender, or coordinates given by an
-- Open311 client), and the photo link an Open311 client sent. Shown publicly only when the
-- sender agreed to publish the petition.
ALTER TABLE citizen_case ADD COLUMN place TEXT;
ALTER TABLE citizen_case ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE citizen_case ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE citizen_case ADD COLUMN media_url TEXT;

-- The public list of a unit (/don-vi/{code}/phan-anh): published petitions, newest first; the
-- subtree and the filters are checked while the index is walked in order.
CREATE INDEX citizen_case_published ON citizen_case(received_on, id) WHERE publish AND kind = 'petition';
-- The ratings shown per unit.
CREATE INDEX citizen_case_rated ON citizen_case(unit_id, rating) WHERE rating IS NOT NULL;
-- Open311 lists by time.
CREATE INDEX citizen_case_kind_created ON citizen_case(kind, created_at);
