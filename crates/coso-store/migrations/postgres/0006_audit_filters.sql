-- The audit log page narrows by unit, by person and by kind of action, newest first.
CREATE INDEX audit_unit ON audit_log(unit_id, id);
CREATE INDEX audit_actor_user ON audit_log(actor_user_id, id);
CREATE INDEX audit_action ON audit_log(action, id);
