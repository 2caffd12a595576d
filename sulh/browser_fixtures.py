"""Fixtures for real-browser tests: a demo instance served by ``sulh serve`` in a subprocess,
exactly as a new user would start it, and Debian's Chromium driven by Playwright.

The served instance has its own data dir and database (a fresh PostgreSQL database when the
suite runs on PostgreSQL), so browser tests never touch the test database of the other tests.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SULH_CHROMIUM", "/usr/bin/chromium")


@dataclass
class ServedDemo:
    url: str
    password: str
    env: dict

    def sulh(self, *args: str) -> str:
        """Run a ``sulh`` command against the served instance's database."""
        done = subprocess.run(
            [sys.executable, "-m", "sulh.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        return done.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_database(base_url: str) -> tuple[str, str]:
    import psycopg

    name = f"sulh_e2e_{uuid.uuid4().hex[:8]}"
    admin_url = base_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return base_url.rsplit("/", 1)[0] + f"/{name}", name


def _drop_pg_database(base_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(base_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def served_demo():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    data_dir = tempfile.mkdtemp(prefix="sulh-e2e-")
    env = {**os.environ, "SULH_DATA_DIR": data_dir, "SULH_LOG_LEVEL": "ERROR"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    pg = None
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        env["DATABASE_URL"], pg = _pg_database(os.environ["DATABASE_URL"])
    port = _free_port()
    demo = ServedDemo(f"http://127.0.0.1:{port}", "", env)
    demo.sulh("demo", "--no-serve")
    demo.password = (Path(data_dir) / "demo_password").read_text().strip()
    server = subprocess.Popen(
        [sys.executable, "-m", "sulh.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{demo.url}/accounts/login/", timeout=2)  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("sulh serve did not start") from None
                time.sleep(0.3)
        yield demo
    finally:
        server.terminate()
        server.wait(timeout=10)
        if pg:
            _drop_pg_database(os.environ["DATABASE_URL"], pg)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    yield page
    context.close()


def log_in(page, demo: ServedDemo, username: str) -> None:
    page.goto(f"{demo.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", demo.password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{demo.url}/")
