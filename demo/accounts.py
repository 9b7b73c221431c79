"""Demo countries and accounts for `manage.py dsm_demo`; safe to run again."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from dsm_data.models import Role
from dsm_data.services.accounts import assign_role, save_country

# The 12 EECA states of the first cluster (seed, footnote 1).
COUNTRIES = [
    ("ARM", "Armenia", "Армения"),
    ("AZE", "Azerbaijan", "Азербайджан"),
    ("BLR", "Belarus", "Беларусь"),
    ("GEO", "Georgia", "Грузия"),
    ("KAZ", "Kazakhstan", "Казахстан"),
    ("KGZ", "Kyrgyzstan", "Кыргызстан"),
    ("MDA", "Republic of Moldova", "Республика Молдова"),
    ("RUS", "Russian Federation", "Российская Федерация"),
    ("TJK", "Tajikistan", "Таджикистан"),
    ("TKM", "Turkmenistan", "Туркменистан"),
    ("UKR", "Ukraine", "Украина"),
    ("UZB", "Uzbekistan", "Узбекистан"),
]

NATIONAL_ACCOUNTS = [
    ("admin", Role.COUNTRY_ADMIN, "Country administrator"),
    ("focal", Role.FOCAL_POINT, "Focal point"),
    ("user", Role.DATA_USER, "Data user"),
]


def load_countries():
    return [save_country(code, names={"en": name_en, "ru": name_ru}) for code, name_en, name_ru in COUNTRIES]


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
    return assign_role(user, role, country=country)


@transaction.atomic
def load_accounts(countries, password):
    """`sysadmin`, `editor`, and `<iso3>-admin`, `-focal`, `-user` for each country."""
    # One hash for all: hashing 38 times would take most of the demo's run time.
    password_hash = make_password(password)
    accounts = [
        _save_account("sysadmin", Role.SYSTEM_ADMIN, None, "System", "Administrator", password_hash),
        _save_account("editor", Role.EDITOR, None, "Secretariat", "Editor", password_hash),
    ]
    for country in countries:
        for suffix, role, label in NATIONAL_ACCOUNTS:
            username = f"{country.code.lower()}-{suffix}"
            accounts.append(_save_account(username, role, country, country.code, label, password_hash))
    return accounts
