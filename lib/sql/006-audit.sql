-- Schema version 6: an audit trail that can forget.
--
-- From here on a record's hash covers, besides its time, login, tool,
-- table and key, the digest of its payload (the row before and after and
-- the command line) rather than the payload itself; the digest commits
-- to a random salt kept with the payload.  A purge can then erase the
-- payload and its salt while the chain still verifies, and what was
-- erased cannot be confirmed by hashing guesses.  Records written before
-- (scheme 1) keep their whole-record hash.  date is the date of record
-- (a command's --date or --as-of) beside the wall-clock time.
ALTER TABLE audit ADD COLUMN date TEXT;
ALTER TABLE audit ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1
    CHECK (scheme IN (1, 2));
ALTER TABLE audit ADD COLUMN salt TEXT;
ALTER TABLE audit ADD COLUMN digest TEXT;
