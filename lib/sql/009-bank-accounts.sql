-- Schema version 9: bank accounts, and every receipt and payment through
-- them, so that each account's balance can be reconciled with the bank's
-- statement.  MAIN, on ledger account 1000 in the base currency, is what
-- every earlier payment and expense went through.
CREATE TABLE bank_account (
	code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 16),
	currency TEXT NOT NULL CHECK (length(currency) = 3),
	ledger_account TEXT NOT NULL UNIQUE REFERENCES accounts(code),
	iban TEXT,
	added TEXT NOT NULL
) STRICT;
-- A new database gets MAIN from init, once its chart is loaded.
INSERT INTO bank_account (code, currency, ledger_account, added)
SELECT 'MAIN', coalesce((SELECT value FROM settings WHERE key = 'currency'),
    'EUR'), '1000', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE EXISTS (SELECT 1 FROM accounts WHERE code = '1000');

-- Each movement of money through an account: amount in the account's
-- own currency (money in > 0), base_amount what the ledger's account got.
-- A day's imported receipts are one movement.  A revaluation changes
-- base_amount only.  'seci-admin check' compares the base amounts with
-- the ledger.
CREATE TABLE bank_movement (
	id INTEGER PRIMARY KEY,
	bank TEXT NOT NULL REFERENCES bank_account(code),
	date TEXT NOT NULL,
	amount INTEGER NOT NULL,
	base_amount INTEGER NOT NULL,
	kind TEXT NOT NULL,
	source_id INTEGER,
	memo TEXT NOT NULL,
	txn_id INTEGER REFERENCES ledger_txn(id)
) STRICT;
CREATE INDEX bank_movement_bank ON bank_movement(bank, date);
-- What MAIN held before: its ledger account's movements by day.
INSERT INTO bank_movement (bank, date, amount, base_amount, kind, memo)
SELECT 'MAIN', date, sum(amount), sum(amount), 'history',
    'movements before schema 9' FROM ledger_day WHERE account = '1000'
GROUP BY date HAVING sum(amount) <> 0;

-- The account a payment came into, an expense was paid from.
ALTER TABLE payment ADD COLUMN bank TEXT NOT NULL DEFAULT 'MAIN';
ALTER TABLE expense ADD COLUMN bank TEXT;

-- Money received that is not a contribution, against the budget's other
-- income (host-country grant, interest, sale of assets): by hand, or a
-- payment moved out of suspense.
CREATE TABLE receipt (
	id INTEGER PRIMARY KEY,
	date TEXT NOT NULL,
	year INTEGER NOT NULL,
	income TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount > 0),
	bank TEXT NOT NULL REFERENCES bank_account(code),
	bank_amount INTEGER NOT NULL CHECK (bank_amount > 0),
	reference TEXT,
	payment INTEGER REFERENCES payment(id),
	created TEXT NOT NULL,
	FOREIGN KEY (year, income) REFERENCES budget_income(year, code)
) STRICT;

-- A Party's credit paid back to it.
CREATE TABLE refund (
	id INTEGER PRIMARY KEY,
	party TEXT NOT NULL REFERENCES party(code),
	date TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount > 0),
	bank TEXT NOT NULL REFERENCES bank_account(code),
	bank_amount INTEGER NOT NULL CHECK (bank_amount > 0),
	reason TEXT NOT NULL CHECK (reason <> ''),
	created TEXT NOT NULL
) STRICT;
CREATE INDEX refund_party ON refund(party, date);

-- Exchange differences of foreign-currency accounts.
INSERT INTO accounts (code, type, name)
SELECT '4950', 'revenue', 'Foreign exchange gains'
WHERE EXISTS (SELECT 1 FROM accounts WHERE code = '1000');
INSERT INTO accounts (code, type, name)
SELECT '5950', 'expense', 'Foreign exchange losses'
WHERE EXISTS (SELECT 1 FROM accounts WHERE code = '1000');
