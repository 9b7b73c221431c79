"""Rows that many tests need, made as the portal makes them; plain functions, so that a recorded build
(tests/recorded_builds.py) can name them among its arguments. The fixtures make_user and make_period hand them out."""

import datetime

from django.contrib.auth import get_user_model

from dsm_data.models import Period
from dsm_data.services.accounts import assign_role


def new_user(role, country=None, username=None, password="a-long-test-password"):
    """An active account with that role (``make_user``)."""
    username = username or f"{(country.code.lower() + '-') if country else ''}{role}"
    user = get_user_model().objects.create_user(username=username, password=password, email=f"{username}@example.org")
    if role:
        assign_role(user, role, country)
    return user


def new_period(year, deadline=None, frequency="annual", lock_days=30):
    """The period of ``year``, open until ``deadline`` (in 30 days by default) (``make_period``)."""
    return Period.objects.create(
        code=str(year),
        frequency=frequency,
        start=datetime.date(year, 1, 1),
        end=datetime.date(year, 12, 31),
        deadline=deadline or datetime.date.today() + datetime.timedelta(days=30),
        lock_days=lock_days,
    )
