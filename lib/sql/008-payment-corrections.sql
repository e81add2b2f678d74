-- Schema version 8: corrections to payments.  Nothing is deleted: a
-- payment matched to the wrong Party is matched again, returned to
-- suspense or voided, each by a reversing ledger entry, and each
-- correction is kept with its reason.  A payment matched by hand says
-- so as 'hand'.  A voided payment keeps its row (status void) but no
-- longer holds its bank transaction: the real one may still come.
CREATE TABLE payment_v8 (
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
	dedup_key TEXT CHECK ((bank_id IS NULL) = (dedup_key IS NOT NULL)),
	matched_by TEXT CHECK (matched_by = 'account' OR matched_by = 'alias'
	    OR matched_by = 'reference' OR matched_by = 'hand'),
	import_id INTEGER REFERENCES imports(id),
	voided TEXT
) STRICT;
INSERT INTO payment_v8 (id, date, value_date, party, amount, currency,
    orig_amount, rate, account, payer, reference, bank_id, dedup_key,
    matched_by, import_id)
SELECT id, date, value_date, party, amount, currency, orig_amount, rate,
    account, payer, reference, bank_id, dedup_key,
    CASE matched_by WHEN 'manual' THEN 'hand' ELSE matched_by END, import_id
FROM payment;
DROP TABLE payment;
ALTER TABLE payment_v8 RENAME TO payment;
CREATE UNIQUE INDEX payment_bank_id ON payment(bank_id)
    WHERE bank_id IS NOT NULL AND voided IS NULL;
CREATE UNIQUE INDEX payment_dedup ON payment(dedup_key)
    WHERE dedup_key IS NOT NULL AND voided IS NULL;
-- No index on import_id: a bulk import should not pay for one on each
-- of its rows; voiding an import, which is rare, reads the table.

-- Each correction: what the payment was matched to before and after
-- (NULL: suspense), why, and the ledger entry that made it.
CREATE TABLE payment_change (
	id INTEGER PRIMARY KEY,
	payment INTEGER NOT NULL REFERENCES payment(id),
	time TEXT NOT NULL,
	login TEXT NOT NULL,
	action TEXT NOT NULL CHECK (action IN ('match', 'rematch', 'unmatch',
	    'void')),
	party_before TEXT,
	party_after TEXT,
	reason TEXT,
	txn_id INTEGER REFERENCES ledger_txn(id)
) STRICT;
CREATE INDEX payment_change_payment ON payment_change(payment);

-- An import voided whole: when, by whom, why.
ALTER TABLE imports ADD COLUMN voided TEXT;
ALTER TABLE imports ADD COLUMN void_reason TEXT;
