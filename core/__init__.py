"""The ground floor: configuration, Redis, database setup and logging. Imports no other project package."""
