-- Telemetry: the reading table's keys compare as bytes (collation "C") whatever locale the database was created
-- with. A reading id, line or variable is an identifier, not language text: byte order is all its indexes need, and
-- it spares a locale-aware string comparison (strcoll) on every index step of every stored reading. Equality is
-- unchanged (a value equals the same values under any deterministic collation); only ORDER BY reading_id, used as
-- a tie-breaker, now follows byte order. Rewrites the table and its two indexes once.
alter table telemetry.reading
    alter column reading_id type text collate "C",
    alter column line type text collate "C",
    alter column variable type text collate "C";
