"""The trainee's progress, kept in SQLite in the data folder."""
