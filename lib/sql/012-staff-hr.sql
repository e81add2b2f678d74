-- Schema version 12: recruitment, training, discipline and ethics.
-- Candidates' names, disciplinary cases and ethics declarations are
-- personal: shown to hr and directors only.

CREATE TABLE vacancy (
	id INTEGER PRIMARY KEY,
	post TEXT NOT NULL CHECK (post <> ''),
	title TEXT NOT NULL CHECK (title <> ''),
	grade TEXT NOT NULL,
	opened TEXT NOT NULL,
	closes TEXT NOT NULL CHECK (closes >= opened)
) STRICT;

-- A candidate moves applied -> shortlisted -> interviewed -> offered ->
-- hired, one step at a time, or is rejected from any of them.
CREATE TABLE candidate (
	id INTEGER PRIMARY KEY,
	vacancy INTEGER NOT NULL REFERENCES vacancy(id),
	name TEXT NOT NULL CHECK (name <> ''),
	nationality TEXT NOT NULL CHECK (nationality <> ''),
	stage TEXT NOT NULL CHECK (stage IN ('applied', 'shortlisted',
	    'interviewed', 'offered', 'hired', 'rejected')),
	staff INTEGER REFERENCES staff(id),
	created TEXT NOT NULL,
	purged TEXT
) STRICT;
CREATE INDEX candidate_vacancy ON candidate(vacancy, stage);

CREATE TABLE candidate_step (
	id INTEGER PRIMARY KEY,
	candidate INTEGER NOT NULL REFERENCES candidate(id),
	date TEXT NOT NULL,
	stage TEXT NOT NULL,
	login TEXT NOT NULL,
	time TEXT NOT NULL
) STRICT;
CREATE INDEX candidate_step_candidate ON candidate_step(candidate);

-- Training sessions, hours in tenths.
CREATE TABLE training (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL CHECK (title <> ''),
	date TEXT NOT NULL,
	tenths INTEGER NOT NULL CHECK (tenths > 0)
) STRICT;
CREATE TABLE training_participant (
	training INTEGER NOT NULL REFERENCES training(id),
	staff INTEGER NOT NULL REFERENCES staff(id),
	PRIMARY KEY (training, staff)
) STRICT;

-- Disciplinary cases: stages only forward, each step dated with its
-- note; a decision after a hearing, with a configured measure.
CREATE TABLE discipline_case (
	id INTEGER PRIMARY KEY,
	staff INTEGER NOT NULL REFERENCES staff(id),
	allegation TEXT NOT NULL CHECK (allegation <> ''),
	stage TEXT NOT NULL CHECK (stage IN ('opened', 'investigation',
	    'hearing', 'decision', 'appeal', 'closed')),
	measure TEXT,
	opened TEXT NOT NULL
) STRICT;
CREATE TABLE discipline_step (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES discipline_case(id),
	date TEXT NOT NULL,
	stage TEXT NOT NULL,
	note TEXT NOT NULL,
	measure TEXT,
	login TEXT NOT NULL,
	time TEXT NOT NULL
) STRICT;
CREATE INDEX discipline_step_case ON discipline_step(case_id);

-- Ethics: the annual declaration of interests and acknowledgement of
-- the code of conduct; the gift register (value in minor units).
CREATE TABLE ethics_declaration (
	id INTEGER PRIMARY KEY,
	staff INTEGER NOT NULL REFERENCES staff(id),
	year INTEGER NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('interests', 'code')),
	text TEXT NOT NULL,
	date TEXT NOT NULL
) STRICT;
CREATE INDEX ethics_declaration_staff ON ethics_declaration(staff, year);
CREATE TABLE gift (
	id INTEGER PRIMARY KEY,
	staff INTEGER NOT NULL REFERENCES staff(id),
	source TEXT NOT NULL CHECK (source <> ''),
	value INTEGER NOT NULL CHECK (value >= 0),
	date TEXT NOT NULL,
	description TEXT NOT NULL
) STRICT;

-- A purge erases a person's personal data and keeps the non-personal
-- facts; the date it did so.
ALTER TABLE staff ADD COLUMN purged TEXT;
