"""Copies of the migrated test database, for tests that run the portal in another process.

Migrating takes about a minute of CPU and the demo about two, so the suite does each
once. Right after pytest-django has migrated its test database, it is kept as a
snapshot: a file on SQLite (the in-memory database, backed up), a template database
on PostgreSQL. A server that a test starts gets a copy of it (a file copy, or
``CREATE DATABASE ... TEMPLATE``, both a fraction of a second). The demo is loaded once
into such a copy, which is kept as a snapshot in turn, with its media folders.
"""

import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import dj_database_url
from django.db import connections

from tests.helpers import run_manage

DEMO_PASSWORD = "e2e-demo-password"  # of every account of the suite's demo database


@dataclass(frozen=True)
class Snapshot:
    """A database as it was at one moment: a SQLite file, or a PostgreSQL template database."""

    url: str
    media: Path | None = None  # the public and private media folders that go with it

    @property
    def is_sqlite(self):
        return self.url.startswith("sqlite:")

    def copy(self, directory):
        """A database of our own, equal to the snapshot, in ``directory``: a DatabaseCopy."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        if self.media is not None:
            shutil.copytree(self.media, directory / "media-folders", dirs_exist_ok=True)
        if self.is_sqlite:
            path = directory / "db.sqlite3"
            shutil.copyfile(database_name(self.url), path)
            return DatabaseCopy(f"sqlite:///{path}", directory, drop=None)
        name = f"dsm_copy_{uuid.uuid4().hex[:12]}"
        execute_on_server(self.url, f'CREATE DATABASE "{name}" TEMPLATE "{database_name(self.url)}"')
        url = with_database_name(self.url, name)
        return DatabaseCopy(url, directory, drop=lambda: drop_database(url))


@dataclass
class DatabaseCopy:
    url: str
    directory: Path
    drop: object  # a function that removes the database, or None for a file

    @property
    def env(self):
        """The variables a ``manage.py`` process needs to work on this copy and its media."""
        folders = self.directory / "media-folders"
        return {
            "DSM_DATABASE_URL": self.url,
            "DSM_MEDIA_ROOT": str(folders / "media"),
            "DSM_PRIVATE_MEDIA_ROOT": str(folders / "private"),
        }

    def remove(self):
        if self.drop is not None:
            self.drop()


def snapshot_of_test_database(directory):
    """Keep the default test database as it is now (just migrated): a Snapshot."""
    connection = connections["default"]
    settings = connection.settings_dict
    is_test_database = connection.is_in_memory_db() if connection.vendor == "sqlite" else "test" in settings["NAME"]
    assert is_test_database, f"Not a test database: {settings['NAME']}"  # never copy a real one
    if connection.vendor == "sqlite":
        path = Path(directory) / "migrated.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        target.close()
        return Snapshot(f"sqlite:///{path}")
    url = postgres_url(settings)
    connections.close_all()  # a template database must have no other session
    name = f"{settings['NAME']}_migrated"
    execute_on_server(url, f'DROP DATABASE IF EXISTS "{name}"')
    execute_on_server(url, f'CREATE DATABASE "{name}" TEMPLATE "{settings["NAME"]}"')
    return Snapshot(with_database_name(url, name))


def demo_snapshot(migrated, directory, env):
    """A copy of ``migrated`` with the demo loaded by ``manage.py dsm_demo`` (``env`` on top): a Snapshot."""
    copy = migrated.copy(directory)
    result = run_manage("dsm_demo", env={**copy.env, **env})
    assert result.returncode == 0, result.stdout + result.stderr
    if migrated.is_sqlite:  # the portal writes ahead to a log: fold it in, so that the file alone is the database
        connection = sqlite3.connect(database_name(copy.url))
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
    return Snapshot(copy.url, media=copy.directory / "media-folders")


def remove_snapshot(snapshot):
    if not snapshot.is_sqlite:
        drop_database(snapshot.url)


def database_name(url):
    """The database's name in ``url``: a SQLite database's is its file's path."""
    return dj_database_url.parse(url)["NAME"]


def with_database_name(url, name):
    return url.rsplit("/", 1)[0] + "/" + name


def postgres_url(settings):
    """The URL of a PostgreSQL database's settings; a host that is a socket's folder ("/run/postgresql") quoted."""
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgres://{settings['USER']}{password}@{quote(settings['HOST'], safe='')}{port}/{settings['NAME']}"


def execute_on_server(url, statement):
    """Run one statement on the server of ``url``, connected to its ``postgres`` database."""
    import psycopg

    config = dj_database_url.parse(url)
    server = {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as connection:
        connection.execute(statement)


def drop_database(url):
    execute_on_server(url, f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')
