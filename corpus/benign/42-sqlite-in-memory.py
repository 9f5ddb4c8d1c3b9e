# pyguard-corpus: verdict=allow
# what: uses an in-memory SQLite database with parameterised queries
import sqlite3

with sqlite3.connect(":memory:") as db:
    db.execute("CREATE TABLE books (title TEXT, year INTEGER)")
    db.executemany(
        "INSERT INTO books VALUES (?, ?)",
        [("Dune", 1965), ("Neuromancer", 1984), ("Hyperion", 1989)],
    )
    for title, year in db.execute("SELECT title, year FROM books WHERE year > ? ORDER BY year", (1970,)):
        print(title, year)
