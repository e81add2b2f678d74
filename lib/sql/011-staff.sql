-- Schema version 11: the staff register and Liaison Officers.  Birth
-- date and personal contact are personal data: shown to hr and directors
-- only, erased by a purge.  Every change of a record is kept, dated, in
-- staff_change.
CREATE TABLE staff (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL CHECK (name <> ''),
	kind TEXT NOT NULL CHECK (kind IN ('staff', 'seconded', 'liaison')),
	position TEXT NOT NULL CHECK (position <> ''),
	grade TEXT NOT NULL,
	nationality TEXT NOT NULL CHECK (nationality <> ''),
	contract_start TEXT NOT NULL,
	contract_end TEXT CHECK (contract_end IS NULL OR
	    contract_end >= contract_start),
	status TEXT NOT NULL CHECK (status IN ('active', 'left')),
	birth_date TEXT,
	email TEXT,
	phone TEXT,
	left_on TEXT,
	leave_reason TEXT,
	created TEXT NOT NULL,
	import_id INTEGER REFERENCES imports(id)
) STRICT;
CREATE INDEX staff_kind ON staff(kind, nationality);

CREATE TABLE staff_change (
	id INTEGER PRIMARY KEY,
	staff INTEGER NOT NULL REFERENCES staff(id),
	date TEXT NOT NULL,
	field TEXT NOT NULL,
	before TEXT,
	after TEXT,
	login TEXT NOT NULL,
	time TEXT NOT NULL
) STRICT;
CREATE INDEX staff_change_staff ON staff_change(staff);
