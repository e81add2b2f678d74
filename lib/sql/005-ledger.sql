-- Schema version 5: the ledger holds every figure of the statements.
--
-- A posting can name the row of its transaction's source it is for (a
-- payment among a day's receipts), and, on receivables (1100) and
-- contributions received in advance (2100), the Party: a subsidiary
-- ledger, so that each Party's receivable and advance are ledger
-- balances and the balance sheet needs nothing else.  Postings are kept
-- in their transaction's order (one B-tree, no second index to write for
-- each of a million receipts).
DROP TRIGGER ledger_txn_close;
DROP TRIGGER ledger_posting_insert;
DROP TRIGGER ledger_posting_update;
DROP TRIGGER ledger_posting_delete;

-- Postings are kept in their transaction's order (one B-tree, no second
-- index to write for each of a million receipts).  party is '' for none.
-- txn_id and party are not foreign keys: every transaction is written by
-- seci_ledger_open() before its postings, and a posting's Party is its
-- payment's or assessment's, checked there; a lookup for each of a
-- million receipts would buy nothing.  'seci-admin check' finds postings
-- of no transaction or no Party.
CREATE TABLE ledger_posting_v5 (
	txn_id INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	account TEXT NOT NULL REFERENCES accounts(code),
	party TEXT NOT NULL DEFAULT '',
	amount INTEGER NOT NULL CHECK (amount <> 0),
	source_id INTEGER,
	PRIMARY KEY (txn_id, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO ledger_posting_v5 (txn_id, seq, account, amount)
SELECT txn_id, id, account, amount FROM ledger_posting;
DROP TABLE ledger_posting;
ALTER TABLE ledger_posting_v5 RENAME TO ledger_posting;

CREATE TRIGGER ledger_txn_close BEFORE UPDATE ON ledger_txn
WHEN OLD.closed = 0
BEGIN
	SELECT RAISE(ABORT, 'unbalanced ledger transaction')
	WHERE NEW.closed = 1 AND (SELECT coalesce(sum(amount), 0) FROM
	    ledger_posting WHERE txn_id = NEW.id) <> 0;
	SELECT RAISE(ABORT, 'ledger transaction needs two postings')
	WHERE NEW.closed = 1 AND (SELECT count(*) FROM ledger_posting
	    WHERE txn_id = NEW.id) < 2;
END;

-- A posting of a closed transaction cannot change or go.  (One added to
-- a closed transaction behind seci's back is not stopped here, which
-- would cost every receipt a lookup, but found by 'seci-admin check':
-- the balances by day no longer add up to the postings.)
CREATE TRIGGER ledger_posting_update BEFORE UPDATE ON ledger_posting
WHEN (SELECT closed FROM ledger_txn WHERE id = OLD.txn_id) = 1
    OR (SELECT closed FROM ledger_txn WHERE id = NEW.txn_id) = 1
BEGIN
	SELECT RAISE(ABORT, 'closed ledger transaction cannot change');
END;

CREATE TRIGGER ledger_posting_delete BEFORE DELETE ON ledger_posting
WHEN (SELECT closed FROM ledger_txn WHERE id = OLD.txn_id) = 1
BEGIN
	SELECT RAISE(ABORT, 'closed ledger transaction cannot change');
END;

-- Balances by account, Party ('' for none) and day: what every statement
-- sums.  The transaction that closes adds its own (seci_ledger_close(),
-- which has them at hand); 'seci-admin check' compares them with the
-- postings.
CREATE TABLE ledger_day (
	account TEXT NOT NULL,
	party TEXT NOT NULL,
	date TEXT NOT NULL,
	amount INTEGER NOT NULL,
	PRIMARY KEY (account, party, date)
) STRICT, WITHOUT ROWID;

INSERT INTO ledger_day (account, party, date, amount)
SELECT p.account, p.party, t.date, sum(p.amount) FROM ledger_posting p
JOIN ledger_txn t ON t.id = p.txn_id WHERE t.closed = 1
GROUP BY p.account, p.party, t.date;

-- What Parties paid is read in one pass; a bulk import should not pay
-- for an index nothing needs.
DROP INDEX payment_party;

-- Receivables of earlier versions, posted without their Party: each
-- Party's share, on the day it was posted, moved to the Party.
CREATE TEMP TABLE mig_share AS
SELECT party, date, sum(amount) AS amount FROM (
	SELECT party, printf('%04d-01-01', year) AS date, amount
	FROM assessment
	UNION ALL
	SELECT party, date, -amount FROM payment WHERE party IS NOT NULL)
GROUP BY party, date HAVING sum(amount) <> 0;

INSERT INTO ledger_txn (date, memo, source)
SELECT DISTINCT date, 'receivables by Party (schema 5)', 'migration'
FROM mig_share;
INSERT INTO ledger_posting (txn_id, seq, account, amount, party)
SELECT t.id, row_number() OVER (PARTITION BY t.id ORDER BY s.party),
    '1100', s.amount, s.party FROM mig_share s
JOIN ledger_txn t ON t.date = s.date AND t.source = 'migration'
AND t.closed = 0;
INSERT INTO ledger_posting (txn_id, seq, account, party, amount)
SELECT t.id, 0, '1100', '', -sum(s.amount) FROM mig_share s
JOIN ledger_txn t ON t.date = s.date AND t.source = 'migration'
AND t.closed = 0 GROUP BY t.id HAVING sum(s.amount) <> 0;
UPDATE ledger_txn SET closed = 1 WHERE source = 'migration' AND closed = 0;
INSERT INTO ledger_day (account, party, date, amount)
SELECT p.account, p.party, t.date, sum(p.amount) FROM ledger_posting p
JOIN ledger_txn t ON t.id = p.txn_id WHERE t.source = 'migration'
GROUP BY p.account, p.party, t.date
ON CONFLICT (account, party, date) DO UPDATE
SET amount = amount + excluded.amount;

-- What a Party had paid beyond its assessments due: received in advance,
-- day by day, as the balance sheet of earlier versions showed it.
CREATE TEMP TABLE mig_advance AS
WITH d AS (
	SELECT party, date, sum(amount) AS n FROM ledger_day
	WHERE account = '1100' AND party <> '' GROUP BY party, date),
c AS (
	SELECT party, date, min(sum(n) OVER w, 0) AS want FROM d
	WINDOW w AS (PARTITION BY party ORDER BY date))
SELECT party, date, want - coalesce(lag(want) OVER (PARTITION BY party
    ORDER BY date), 0) AS delta FROM c;
DELETE FROM mig_advance WHERE delta = 0;

INSERT INTO ledger_txn (date, memo, source)
SELECT DISTINCT date, 'contributions received in advance', 'advance'
FROM mig_advance;
INSERT INTO ledger_posting (txn_id, seq, account, amount, party)
SELECT t.id, row_number() OVER (PARTITION BY t.id ORDER BY m.party,
    a.account), a.account, CASE a.account WHEN '2100' THEN m.delta
    ELSE -m.delta END, m.party
FROM mig_advance m
JOIN ledger_txn t ON t.date = m.date AND t.source = 'advance'
AND t.closed = 0
JOIN (SELECT '1100' AS account UNION ALL SELECT '2100') a;
UPDATE ledger_txn SET closed = 1 WHERE source = 'advance' AND closed = 0;
INSERT INTO ledger_day (account, party, date, amount)
SELECT p.account, p.party, t.date, sum(p.amount) FROM ledger_posting p
JOIN ledger_txn t ON t.id = p.txn_id WHERE t.source = 'advance'
GROUP BY p.account, p.party, t.date
ON CONFLICT (account, party, date) DO UPDATE
SET amount = amount + excluded.amount;

DROP TABLE mig_share;
DROP TABLE mig_advance;
