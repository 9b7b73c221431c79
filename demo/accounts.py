"""Demo countries and accounts for `manage.py dsm_demo`, from data/countries.json and data/accounts.json."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from dsm_data.models import Role
from dsm_data.services.accounts import assign_role, save_country

from .tables import read


def load_countries():
    """The 12 EECA states of the first cluster (seed, footnote 1)."""
    return [save_country(country["code"], names=country["name"]) for country in read("countries")]


def _save_account(username, role, country, first_name, last_name, password_hash):
    user, _created = get_user_model().objects.update_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@example.org",
            "password": password_hash,
            "is_active": True,
        },
    )
    return assign_role(user, Role(role), country=country)


@transaction.atomic
def load_accounts(countries, password):
    """`sysadmin`, `editor`, and `<iso3>-admin`, `-focal`, `-user` for each country."""
    # One hash for all: hashing 38 times would take most of the demo's run time.
    password_hash = make_password(password)
    data = read("accounts")
    accounts = [
        _save_account(item["username"], item["role"], None, item["first_name"], item["last_name"], password_hash)
        for item in data["secretariat"]
    ]
    for country in countries:
        for item in data["national"]:
            username = f"{country.code.lower()}-{item['suffix']}"
            accounts.append(_save_account(username, item["role"], country, country.code, item["label"], password_hash))
    return accounts
