-- The day the personal data of a finished case was removed under the retention setting
-- (`closed_case_personal_data_days`): the sender's identity, the sender's own files, the
-- receipt mail and the link to the sender's account. NULL while they are kept.
ALTER TABLE citizen_case ADD COLUMN personal_data_removed_on TEXT;
