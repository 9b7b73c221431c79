"""Demo content of dsm_data for `manage.py dsm_demo`; every loader is safe to run again."""
