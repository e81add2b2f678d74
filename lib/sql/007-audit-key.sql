-- Schema version 7: the audit records of one row found by its table and
-- key, without reading the whole trail: a purge looks for the records
-- that hold a person's data, and 'audit verify' and 'audit log' for the
-- purge record (table 'audit', key the purged record's number) that
-- names a redacted one.
CREATE INDEX audit_key ON audit(tbl, key);
