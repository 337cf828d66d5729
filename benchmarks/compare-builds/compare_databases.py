#!/usr/bin/env python3
"""Compares two AleppoDashboard SQLite databases table by table (schema and every row, in rowid order).

Normalised, because they differ on every run by design:
  - articles.IngestedAt (the wall-clock time of the ingest);
  - dashboard_meta 'shared_copies_started' keeps its content version but not its start time (DateTime ticks).
Everything else, the FTS5 shadow tables included, must be equal byte for byte.
Exit code 0 when equal, 1 when anything differs (each difference is printed).
"""
import re
import sqlite3
import sys

IGNORED_COLUMNS = {("articles", "IngestedAt")}


def normalise(table, columns, row):
    out = []
    for column, value in zip(columns, row):
        if (table, column) in IGNORED_COLUMNS:
            value = "<ignored>"
        out.append(value)
    if table == "dashboard_meta" and len(out) >= 2 and out[0] == "shared_copies_started" and isinstance(out[1], str):
        out[1] = re.sub(r"\|\d{15,}$", "|<ticks>", out[1])
    return tuple(out)


def read(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    schema = sorted(con.execute("select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%'"))
    tables = {}
    for (name,) in con.execute("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name"):
        cursor = con.execute(f'select * from "{name}"')
        columns = [d[0] for d in cursor.description]
        rows = [normalise(name, columns, r) for r in cursor]
        tables[name] = (columns, rows)
    con.close()
    return schema, tables


def main(a, b):
    schema_a, tables_a = read(a)
    schema_b, tables_b = read(b)
    different = 0
    if schema_a != schema_b:
        different += 1
        print("schema differs:")
        for item in sorted(set(schema_a) ^ set(schema_b)):
            print("  ", "A" if item in schema_a else "B", item)
    for name in sorted(set(tables_a) | set(tables_b)):
        if name not in tables_a or name not in tables_b:
            print(f"table {name}: only in {'A' if name in tables_a else 'B'}")
            different += 1
            continue
        (cols_a, rows_a), (cols_b, rows_b) = tables_a[name], tables_b[name]
        if cols_a != cols_b:
            print(f"table {name}: columns differ {cols_a} vs {cols_b}")
            different += 1
        elif rows_a != rows_b:
            shown = 0
            print(f"table {name}: rows differ ({len(rows_a)} vs {len(rows_b)})")
            for i, (ra, rb) in enumerate(zip(rows_a, rows_b)):
                if ra != rb and shown < 3:
                    print(f"   row {i}: A={str(ra)[:200]}\n          B={str(rb)[:200]}")
                    shown += 1
            different += 1
        else:
            print(f"table {name}: {len(rows_a)} rows, equal")
    print("databases: EQUAL" if different == 0 else f"databases: {different} difference(s)")
    return 0 if different == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: compare_databases.py A.db B.db")
    sys.exit(main(sys.argv[1], sys.argv[2]))
