"""The demo's data files, ``demo/data/<name>.json``: human texts as {"en": ..., "ru": ...}, dates as ISO strings."""

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(name):
    with (DATA_DIR / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)
