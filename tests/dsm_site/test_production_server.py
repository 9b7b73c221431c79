"""The production set-up of the README, for real: collectstatic, gunicorn, DSM_DEBUG=0."""

import gzip
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import PROJECT_DIR, free_port, run_manage, subprocess_env


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers={"Host": "dsm.example.org", **(headers or {})})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def production_server(migrated_database, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    database = migrated_database.copy(tmp_path)
    env = {
        **database.env,
        "DSM_DEBUG": "0",
        "DSM_SECRET_KEY": "test-only-" + "x7#Lq" * 10,
        "DSM_ALLOWED_HOSTS": "dsm.example.org",
        "DSM_STATIC_ROOT": str(tmp_path / "static"),
    }
    home_pages = ["shell", "-c", "from demo.pages import load_home_pages; load_home_pages()"]
    for command in (["collectstatic", "--no-input", "-v0"], home_pages):
        result = run_manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--pythonpath",
            "site",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "dsm_site.wsgi",
        ],  # fmt: skip
        cwd=PROJECT_DIR,
        env=subprocess_env(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(f"{url}/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail(server.stdout.read().decode())
    yield url
    server.terminate()
    server.wait(timeout=10)
    database.remove()


def test_health_check_answers_over_plain_http_for_the_load_balancer(production_server):
    status, _headers, body = fetch(f"{production_server}/healthz")
    assert (status, body) == (200, b'{"database": "ok"}')


def test_plain_http_is_redirected_to_https(production_server):
    status, headers, _body = fetch(f"{production_server}/en/")
    assert status == 301
    assert headers["Location"] == "https://dsm.example.org/en/"


def test_pages_behind_the_tls_proxy_are_served_with_security_headers(production_server):
    status, headers, body = fetch(f"{production_server}/en/", {"X-Forwarded-Proto": "https"})
    assert status == 200
    assert b"<h1>Data Sharing Mechanism</h1>" in body
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_are_hashed_compressed_and_cached_for_long(production_server):
    _status, _headers, body = fetch(f"{production_server}/en/", {"X-Forwarded-Proto": "https"})
    css_url = re.search(rb'href="(/static/dsm_site/css/main\.[0-9a-f]{12}\.css)"', body).group(1).decode()
    status, headers, css = fetch(
        f"{production_server}{css_url}", {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert b".skip-link" in gzip.decompress(css)


def test_an_unknown_host_is_refused(production_server):
    status, _headers, _body = fetch(
        f"{production_server}/en/", {"Host": "attacker.example", "X-Forwarded-Proto": "https"}
    )
    assert status == 400
