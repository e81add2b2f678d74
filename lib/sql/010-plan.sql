-- Schema version 10: the annual Action Plan and its JCC approval.
--
-- The plan of a year is a working copy (objectives, activities, their
-- partners and indicators) in one of the states draft, submitted or
-- approved.  Each submission freezes the working copy as a numbered
-- version (its JSON); the JCC approves or returns that version.  After
-- an approval the working copy may become a draft again (a revision);
-- the approved version stays the reference until a later one is
-- approved.
CREATE TABLE plan (
	year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 9999),
	status TEXT NOT NULL CHECK (status IN ('draft', 'submitted',
	    'approved')),
	version INTEGER NOT NULL DEFAULT 0,	-- the last submitted
	approved_version INTEGER,
	loaded TEXT NOT NULL
) STRICT;

CREATE TABLE plan_objective (
	year INTEGER NOT NULL REFERENCES plan(year),
	code TEXT NOT NULL CHECK (code <> ''),
	title TEXT NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (year, code)
) STRICT;

CREATE TABLE plan_activity (
	id INTEGER PRIMARY KEY,
	year INTEGER NOT NULL,
	objective TEXT NOT NULL,
	code TEXT NOT NULL CHECK (code <> ''),
	title TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	owner TEXT NOT NULL,
	start TEXT NOT NULL,
	end TEXT NOT NULL CHECK (end >= start),
	budget_line TEXT NOT NULL,
	cost INTEGER NOT NULL CHECK (cost >= 0),
	seq INTEGER NOT NULL,
	UNIQUE (year, code),
	FOREIGN KEY (year, objective) REFERENCES plan_objective(year, code)
) STRICT;

CREATE TABLE plan_partner (
	activity INTEGER NOT NULL REFERENCES plan_activity(id),
	name TEXT NOT NULL CHECK (name <> ''),
	seq INTEGER NOT NULL,
	PRIMARY KEY (activity, name)
) STRICT;

CREATE TABLE plan_indicator (
	activity INTEGER NOT NULL REFERENCES plan_activity(id),
	name TEXT NOT NULL CHECK (name <> ''),
	baseline TEXT,
	target TEXT NOT NULL,
	unit TEXT,
	seq INTEGER NOT NULL,
	PRIMARY KEY (activity, name)
) STRICT;

-- Each submission: the plan as submitted, and what the JCC decided.
CREATE TABLE plan_version (
	year INTEGER NOT NULL REFERENCES plan(year),
	version INTEGER NOT NULL,
	submitted_on TEXT NOT NULL,
	document TEXT NOT NULL,		-- JSON
	outcome TEXT CHECK (outcome IN ('approved', 'returned')),
	decision TEXT,
	decided_on TEXT,
	note TEXT,
	PRIMARY KEY (year, version)
) STRICT;

-- The approved version's activities and indicators: what is executed
-- and reported on, while a revision is being drafted.
CREATE TABLE plan_ref_activity (
	year INTEGER NOT NULL REFERENCES plan(year),
	code TEXT NOT NULL,
	objective TEXT NOT NULL,
	title TEXT NOT NULL,
	owner TEXT NOT NULL,
	start TEXT NOT NULL,
	end TEXT NOT NULL,
	budget_line TEXT NOT NULL,
	cost INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (year, code)
) STRICT;

CREATE TABLE plan_ref_indicator (
	year INTEGER NOT NULL,
	activity TEXT NOT NULL,
	name TEXT NOT NULL,
	baseline TEXT,
	target TEXT NOT NULL,
	unit TEXT,
	seq INTEGER NOT NULL,
	PRIMARY KEY (year, activity, name)
) STRICT;

-- Progress of an activity (by its year and code: it outlives the working
-- copy's rows), and the actual values of its indicators, as dated
-- histories.
CREATE TABLE plan_progress (
	id INTEGER PRIMARY KEY,
	year INTEGER NOT NULL REFERENCES plan(year),
	activity TEXT NOT NULL,
	date TEXT NOT NULL,
	percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
	status TEXT NOT NULL CHECK (status IN ('on-track', 'delayed', 'done',
	    'cancelled')),
	note TEXT,
	login TEXT NOT NULL,
	time TEXT NOT NULL
) STRICT;
CREATE INDEX plan_progress_activity ON plan_progress(year, activity, date);

CREATE TABLE plan_actual (
	id INTEGER PRIMARY KEY,
	year INTEGER NOT NULL REFERENCES plan(year),
	activity TEXT NOT NULL,
	indicator TEXT NOT NULL,
	date TEXT NOT NULL,
	actual TEXT NOT NULL,
	login TEXT NOT NULL,
	time TEXT NOT NULL
) STRICT;
CREATE INDEX plan_actual_indicator ON plan_actual(year, activity, indicator,
    date);

-- Strategic analyses of trans-border crime, which the Director approves:
-- draft -> submitted -> approved, or returned to draft with a note; a
-- dated history of each step; the plan activities each informs.
CREATE TABLE analysis (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL CHECK (title <> ''),
	phenomenon TEXT NOT NULL CHECK (phenomenon <> ''),
	author TEXT NOT NULL CHECK (author <> ''),
	classification TEXT NOT NULL CHECK (classification IN ('public',
	    'restricted', 'confidential')),
	status TEXT NOT NULL CHECK (status IN ('draft', 'submitted',
	    'approved')),
	created TEXT NOT NULL
) STRICT;

CREATE TABLE analysis_event (
	id INTEGER PRIMARY KEY,
	analysis INTEGER NOT NULL REFERENCES analysis(id),
	date TEXT NOT NULL,
	action TEXT NOT NULL CHECK (action IN ('added', 'submitted',
	    'approved', 'returned')),
	note TEXT,
	login TEXT NOT NULL,
	time TEXT NOT NULL
) STRICT;
CREATE INDEX analysis_event_analysis ON analysis_event(analysis);

CREATE TABLE analysis_activity (
	analysis INTEGER NOT NULL REFERENCES analysis(id),
	year INTEGER NOT NULL,
	activity TEXT NOT NULL,
	PRIMARY KEY (analysis, year, activity)
) STRICT;
