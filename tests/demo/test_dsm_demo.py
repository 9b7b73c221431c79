from tests.databases import DEMO_PASSWORD
from tests.helpers import run_manage


def test_demo_loads_countries_accounts_and_home_pages_and_a_second_run_changes_nothing(demo_database, tmp_path):
    """The demo, loaded once per session by ``dsm_demo`` (tests/conftest.py), holds what
    tests/demo/demo_checks.py checks; loading it again changes nothing."""
    database = demo_database.copy(tmp_path)
    env = {**database.env, "DSM_DEBUG": "1", "DSM_DEMO_PASSWORD": DEMO_PASSWORD}
    try:
        result = run_manage("shell", "-c", "from tests.demo.demo_checks import check_demo; check_demo()", env=env)
    finally:
        database.remove()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("demo checked")
