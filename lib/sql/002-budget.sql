-- Schema version 2: the annual budget, transfers, supplements,
-- commitments, expenditure and fixed assets.
CREATE TABLE budget (
	year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 9999),
	currency TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('draft', 'adopted', 'closed')),
	decision TEXT,
	adopted_on TEXT,
	closed_on TEXT,
	loaded TEXT NOT NULL
) STRICT;

CREATE TABLE budget_chapter (
	year INTEGER NOT NULL REFERENCES budget(year),
	code TEXT NOT NULL CHECK (code <> ''),
	name TEXT NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (year, code)
) STRICT;

CREATE TABLE budget_line (
	id INTEGER PRIMARY KEY,
	year INTEGER NOT NULL,
	chapter TEXT NOT NULL,
	code TEXT NOT NULL CHECK (code <> ''),
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('staff', 'operational', 'capital')),
	initial INTEGER NOT NULL CHECK (initial >= 0),
	seq INTEGER NOT NULL,
	UNIQUE (year, code),
	FOREIGN KEY (year, chapter) REFERENCES budget_chapter(year, code)
) STRICT;

-- Income other than assessed contributions.
CREATE TABLE budget_income (
	year INTEGER NOT NULL REFERENCES budget(year),
	code TEXT NOT NULL CHECK (code <> ''),
	name TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount >= 0),
	PRIMARY KEY (year, code)
) STRICT;

CREATE TABLE budget_transfer (
	id INTEGER PRIMARY KEY,
	from_line INTEGER NOT NULL REFERENCES budget_line(id),
	to_line INTEGER NOT NULL REFERENCES budget_line(id),
	amount INTEGER NOT NULL CHECK (amount > 0),
	reason TEXT NOT NULL,
	decision TEXT,
	date TEXT NOT NULL,
	CHECK (from_line <> to_line)
) STRICT;
CREATE INDEX budget_transfer_from ON budget_transfer(from_line);
CREATE INDEX budget_transfer_to ON budget_transfer(to_line);

CREATE TABLE budget_supplement (
	id INTEGER PRIMARY KEY,
	line_id INTEGER NOT NULL REFERENCES budget_line(id),
	amount INTEGER NOT NULL CHECK (amount <> 0),
	decision TEXT NOT NULL,
	date TEXT NOT NULL
) STRICT;
CREATE INDEX budget_supplement_line ON budget_supplement(line_id);

CREATE TABLE commitment (
	id INTEGER PRIMARY KEY,
	line_id INTEGER NOT NULL REFERENCES budget_line(id),
	year INTEGER NOT NULL,
	ref TEXT NOT NULL CHECK (ref <> ''),
	payee TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount > 0),
	date TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'carried')),
	closed_on TEXT,
	carried_from INTEGER REFERENCES commitment(id),
	UNIQUE (year, ref)
) STRICT;
CREATE INDEX commitment_line ON commitment(line_id, status);

CREATE TABLE expense (
	id INTEGER PRIMARY KEY,
	line_id INTEGER NOT NULL REFERENCES budget_line(id),
	date TEXT NOT NULL,
	payee TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount > 0),
	-- ORs, not IN: SQLite builds a temporary index for an IN list on
	-- every insert, which a million-row import pays a million times.
	status TEXT NOT NULL CHECK (status = 'proposed' OR status = 'approved'
	    OR status = 'rejected' OR status = 'paid'),
	reference TEXT,
	-- An imported row without a reference: a hash of its fields, so
	-- that a file imported twice adds its rows once.
	row_key TEXT,
	commitment_id INTEGER REFERENCES commitment(id),
	description TEXT NOT NULL DEFAULT '',
	approved_by TEXT,
	approved_on TEXT,
	override_reason TEXT,
	reject_reason TEXT,
	paid_on TEXT,
	import_id INTEGER REFERENCES imports(id)
) STRICT;
-- Covering index: budget execution sums amounts by line and status.
CREATE INDEX expense_line_status ON expense(line_id, status, date, amount);
CREATE INDEX expense_commitment ON expense(commitment_id)
    WHERE commitment_id IS NOT NULL;
-- Partial: most rows have one or the other, and a bulk import should
-- not pay for indexing NULLs.
CREATE UNIQUE INDEX expense_reference ON expense(reference)
    WHERE reference IS NOT NULL;
CREATE UNIQUE INDEX expense_row_key ON expense(row_key)
    WHERE row_key IS NOT NULL;

CREATE TABLE asset (
	id INTEGER PRIMARY KEY,
	tag TEXT NOT NULL UNIQUE CHECK (tag <> ''),
	description TEXT NOT NULL,
	acquired TEXT NOT NULL,
	cost INTEGER NOT NULL CHECK (cost > 0),
	life_years INTEGER NOT NULL CHECK (life_years BETWEEN 1 AND 100),
	line_id INTEGER REFERENCES budget_line(id),
	disposed_on TEXT,
	proceeds INTEGER CHECK (proceeds >= 0)
) STRICT;

-- Depreciation posted to the ledger, one row per asset and month.
CREATE TABLE depreciation (
	asset_id INTEGER NOT NULL REFERENCES asset(id),
	month TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount > 0),
	txn_id INTEGER NOT NULL REFERENCES ledger_txn(id),
	PRIMARY KEY (asset_id, month)
) STRICT;
