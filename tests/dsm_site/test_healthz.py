import json

from tests.helpers import run_manage


def test_healthz_reports_a_reachable_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_cannot_be_reached():
    # A PostgreSQL URL on a port where nothing listens: a real unreachable server.
    code = (
        "import json; from django.test import Client;"
        "r = Client().get('/healthz', HTTP_HOST='localhost'); print(json.dumps([r.status_code, r.json()]))"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        env={"DSM_DATABASE_URL": "postgres://nobody@127.0.0.1:9/nowhere", "DSM_DEBUG": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [503, {"database": "unavailable"}]
