-- Schema version 3: Parties and Permanent Observers, assessed
-- contributions, payments and exchange rates.
CREATE TABLE party (
	code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 16),
	name TEXT NOT NULL CHECK (name <> ''),
	kind TEXT NOT NULL CHECK (kind = 'party' OR kind = 'observer'),
	added TEXT NOT NULL,
	import_id INTEGER REFERENCES imports(id)
) STRICT;

-- Bank accounts (upper case, no spaces) and payer names a Party pays
-- from, for matching bank payments.
CREATE TABLE party_account (
	account TEXT PRIMARY KEY,
	party TEXT NOT NULL REFERENCES party(code)
) STRICT;
CREATE TABLE party_alias (
	alias TEXT PRIMARY KEY COLLATE NOCASE,
	party TEXT NOT NULL REFERENCES party(code)
) STRICT;

CREATE TABLE assessment (
	id INTEGER PRIMARY KEY,
	party TEXT NOT NULL REFERENCES party(code),
	year INTEGER NOT NULL,
	amount INTEGER NOT NULL CHECK (amount >= 0),
	due TEXT NOT NULL,
	method TEXT NOT NULL,
	created TEXT NOT NULL,
	UNIQUE (party, year)
) STRICT;

-- Exchange rates: one unit of currency is worth rate units of the base
-- currency from date on.  The rate is exact decimal text.
CREATE TABLE rate (
	currency TEXT NOT NULL,
	date TEXT NOT NULL,
	rate TEXT NOT NULL,
	PRIMARY KEY (currency, date)
) STRICT;

-- Payments received.  amount is in the base currency; orig_amount,
-- currency and rate keep what the bank reported.  A payment that matched
-- no Party waits in suspense (party NULL).
CREATE TABLE payment (
	id INTEGER PRIMARY KEY,
	date TEXT NOT NULL,
	value_date TEXT,
	party TEXT REFERENCES party(code),
	amount INTEGER NOT NULL CHECK (amount > 0),
	currency TEXT NOT NULL,
	orig_amount INTEGER NOT NULL CHECK (orig_amount > 0),
	rate TEXT,
	account TEXT,
	payer TEXT,
	reference TEXT,
	bank_id TEXT,
	-- Without a bank transaction id, a hash of date, amount, currency,
	-- account and reference: the same transaction is never imported
	-- twice, by either.
	dedup_key TEXT CHECK ((bank_id IS NULL) = (dedup_key IS NOT NULL)),
	matched_by TEXT CHECK (matched_by = 'account' OR matched_by = 'alias'
	    OR matched_by = 'reference' OR matched_by = 'manual'),
	import_id INTEGER REFERENCES imports(id)
) STRICT;
CREATE UNIQUE INDEX payment_bank_id ON payment(bank_id)
    WHERE bank_id IS NOT NULL;
CREATE UNIQUE INDEX payment_dedup ON payment(dedup_key)
    WHERE dedup_key IS NOT NULL;
-- Covering index: what each Party paid up to a date.
CREATE INDEX payment_party ON payment(party, date, amount);
