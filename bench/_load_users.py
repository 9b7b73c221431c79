"""bench/load.py's readers: Locust run as a library, in this one process (gevent).

Importing this module imports Locust, which patches the standard library for gevent:
bench/load.py imports it only in the process that sends the load, never in the one
that prepares the database.
"""

import random
import time
from collections import defaultdict

import gevent
from locust import FastHttpUser, between, task
from locust.env import Environment
from locust.runners import STATE_RUNNING

BASE_PATH = "/healthz"


def reader_class(paths_by_kind, headers, think_seconds):
    """A reader that asks for one page after another, pausing 0 to 2 x ``think_seconds`` (none by default):
    a kind at random (equal shares), then one of its pages. Only a 200 counts (redirects are not followed)."""
    kinds = sorted(paths_by_kind)

    class Reader(FastHttpUser):
        wait_time = between(0, 2 * think_seconds)

        @task
        def read(self):
            kind = random.choice(kinds)
            path = random.choice(paths_by_kind[kind])
            with self.client.get(
                path, name=kind, headers=headers, allow_redirects=False, catch_response=True
            ) as response:
                if response.status_code == 200:
                    response.success()
                else:
                    response.failure(f"{path}: {response.status_code}")

    return Reader


def run_phase(base_url, paths_by_kind, *, users, seconds, spawn_rate, headers, think_seconds):
    """``users`` readers over ``paths_by_kind``; counted for ``seconds`` from the moment all of them run.

    Returns requests, errors, rps, timings (ms) and, per kind, timings and errors. A request that
    fails outright (refused, reset, timed out) is an error as a non-200 answer is.
    """
    environment = Environment(user_classes=[reader_class(paths_by_kind, headers, think_seconds)], host=base_url)
    counted = {"on": False}
    timings, by_page, errors_by_page, error_samples = [], defaultdict(list), defaultdict(int), set()

    def on_request(name, response_time, exception=None, **_details):
        if exception is not None:
            errors_by_page[name] += 1  # counted during the ramp-up too: every answer must be a 200
            if len(error_samples) < 5:
                error_samples.add(str(exception)[:200])
        elif counted["on"]:
            timings.append(response_time)
            by_page[name].append(response_time)

    environment.events.request.add_listener(on_request)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=spawn_rate)
    while runner.state != STATE_RUNNING:
        gevent.sleep(0.05)
    counted["on"] = True
    started = time.perf_counter()
    gevent.sleep(seconds)
    counted["on"] = False
    elapsed = time.perf_counter() - started
    runner.quit()
    return {
        "requests": len(timings),
        "errors": sum(errors_by_page.values()),
        "rps": len(timings) / elapsed,
        "timings": timings,
        "by_page": dict(by_page),
        "errors_by_page": dict(errors_by_page),
        "error_samples": sorted(error_samples),
    }


def run_phases(base_url, urls, *, users, seconds, spawn_rate, headers, think_seconds):
    """A short warm-up of the mix (not timed: each worker reads its caches once); then, with no pause,
    the base and the mix (throughput at saturation); then the mix read by readers who pause."""
    options = {"users": users, "spawn_rate": spawn_rate, "headers": headers}
    warm_up = run_phase(base_url, urls, seconds=max(3.0, seconds / 10), think_seconds=0, **options)
    base = run_phase(base_url, {"base": [BASE_PATH]}, seconds=seconds, think_seconds=0, **options)
    mix = run_phase(base_url, urls, seconds=seconds, think_seconds=0, **options)
    readers = run_phase(base_url, urls, seconds=seconds, think_seconds=think_seconds, **options)
    for phase in (warm_up, base, mix):
        readers["errors"] += phase["errors"]
        for name, count in phase["errors_by_page"].items():
            readers["errors_by_page"][name] = readers["errors_by_page"].get(name, 0) + count
    samples = (sample for phase in (warm_up, base, mix, readers) for sample in phase["error_samples"])
    readers["error_samples"] = sorted(set(samples))
    return {"base": base, "mix": mix, "readers": readers}
