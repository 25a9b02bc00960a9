"""A throwaway PostgreSQL server for the test session, from the Debian `postgresql` binaries.

Runs on a Unix socket in a private folder (no TCP port, nothing shared with other servers); as
root it runs as the `postgres` system user, since initdb refuses root.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

INSTALL_HINT = "install the server binaries: apt-get install -y postgresql"


class Unavailable(RuntimeError):
    """No server can be started here; the message says why and what to do."""


def _bin_dir() -> Path:
    for d in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (d / "initdb").is_file() and (d / "pg_ctl").is_file():
            return d
    raise Unavailable(f"PostgreSQL initdb/pg_ctl not found under /usr/lib/postgresql; {INSTALL_HINT}")


def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise Unavailable(f"running as root and no 'postgres' user exists; {INSTALL_HINT}") from exc
    return ["runuser", "-u", "postgres", "--"]


class Server:
    """Start with `start()`, get databases with `new_database()`, end with `stop()`."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.prefix = _as_user()
        self.base = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
        self.port = 54000 + os.getpid() % 1000
        self.count = 0

    def _run(self, *cmd: str) -> None:
        proc = subprocess.run([*self.prefix, *cmd], capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            log = (self.base / "log").read_text() if (self.base / "log").exists() else ""
            raise Unavailable(f"{' '.join(cmd[:2])} failed: {proc.stderr.strip()} {log[-800:]}")

    def start(self) -> None:
        if self.prefix:
            shutil.chown(self.base, "postgres", "postgres")
        data = self.base / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        opts = (f"-k {self.base} -p {self.port} -c listen_addresses='' -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.base / "log"), "-w",
                  "-o", opts, "start")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.base}&port={self.port}"

    def new_database(self) -> str:
        """A fresh, empty database; returns its URL."""
        import psycopg

        self.count += 1
        name = f"ledger_{self.count}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.base / "data"),
                        "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.base, ignore_errors=True)
