from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and its `dsm_demo` command; sits on top of every other app and nothing imports it."""

    name = "demo"
    verbose_name = "Demo content"
