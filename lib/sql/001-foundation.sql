-- Schema version 1: settings, users, imports, audit trail, general ledger.
CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
	login TEXT PRIMARY KEY CHECK (length(login) BETWEEN 1 AND 64),
	roles TEXT NOT NULL CHECK (roles <> ''),
	created TEXT NOT NULL,
	created_by TEXT NOT NULL
) STRICT;

-- One row per bulk import; imported rows carry its id.
CREATE TABLE imports (
	id INTEGER PRIMARY KEY,
	time TEXT NOT NULL,
	login TEXT NOT NULL,
	kind TEXT NOT NULL,
	file TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	rows_read INTEGER NOT NULL,
	rows_new INTEGER NOT NULL,
	rows_duplicate INTEGER NOT NULL
) STRICT;

-- The audit trail: a hash chain, each hash covering the previous one.
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	time TEXT NOT NULL,
	login TEXT NOT NULL,
	tool TEXT NOT NULL,
	command TEXT NOT NULL,
	tbl TEXT NOT NULL,
	key TEXT,
	before TEXT,
	after TEXT,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_time ON audit(time);

-- The general ledger.  Debits are positive, credits negative.
CREATE TABLE accounts (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	type TEXT NOT NULL CHECK (type IN
	    ('asset', 'liability', 'net_assets', 'revenue', 'expense'))
) STRICT;

CREATE TABLE ledger_txn (
	id INTEGER PRIMARY KEY,
	date TEXT NOT NULL CHECK (date GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	memo TEXT NOT NULL,
	source TEXT NOT NULL,
	source_id INTEGER,
	import_id INTEGER REFERENCES imports(id),
	closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
) STRICT;
CREATE INDEX ledger_txn_date ON ledger_txn(date);

CREATE TABLE ledger_posting (
	id INTEGER PRIMARY KEY,
	txn_id INTEGER NOT NULL REFERENCES ledger_txn(id),
	account TEXT NOT NULL REFERENCES accounts(code),
	amount INTEGER NOT NULL CHECK (amount <> 0)
) STRICT;
CREATE INDEX ledger_posting_txn ON ledger_posting(txn_id);
CREATE INDEX ledger_posting_account ON ledger_posting(account);

-- A transaction is written open, its postings added, then closed; the
-- database itself refuses to close one whose postings do not balance, and
-- refuses any change to a closed one.
CREATE TRIGGER ledger_txn_insert BEFORE INSERT ON ledger_txn
WHEN NEW.closed <> 0
BEGIN
	SELECT RAISE(ABORT, 'ledger transaction must be inserted open');
END;

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

CREATE TRIGGER ledger_txn_frozen BEFORE UPDATE ON ledger_txn
WHEN OLD.closed = 1
BEGIN
	SELECT RAISE(ABORT, 'closed ledger transaction cannot change');
END;

CREATE TRIGGER ledger_txn_nodelete BEFORE DELETE ON ledger_txn
WHEN OLD.closed = 1
BEGIN
	SELECT RAISE(ABORT, 'closed ledger transaction cannot change');
END;

CREATE TRIGGER ledger_posting_insert BEFORE INSERT ON ledger_posting
WHEN (SELECT closed FROM ledger_txn WHERE id = NEW.txn_id) = 1
BEGIN
	SELECT RAISE(ABORT, 'closed ledger transaction cannot change');
END;

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
