-- A file with a byte-order mark and CRLF line ends, as an editor on Windows writes it.
CREATE TABLE IF NOT EXISTS fast_notes (id integer PRIMARY KEY);
