-- Schema version 4: the reporting schedule and the reports it produced.
CREATE TABLE report_schedule (
	name TEXT PRIMARY KEY CHECK (name <> ''),
	report TEXT NOT NULL,
	every TEXT NOT NULL CHECK (every = 'month' OR every = 'quarter'
	    OR every = 'year'),
	day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 28),
	format TEXT NOT NULL,
	start TEXT NOT NULL
) STRICT;

CREATE TABLE report_run (
	schedule TEXT NOT NULL REFERENCES report_schedule(name)
	    ON DELETE CASCADE,
	period TEXT NOT NULL,
	path TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	produced TEXT NOT NULL,
	PRIMARY KEY (schedule, period)
) STRICT;

-- Shown in the balance sheet under net assets: revenue less expenses,
-- computed from those accounts, never posted to.
INSERT INTO accounts (code, type, name) VALUES
    ('3100', 'net_assets', 'Surplus or deficit to date');
