"""The exchange's forms, by area: ``requests`` and ``proposals``. They read what was typed; what is allowed is
decided by the services, by the rules of ``dsm_data.permissions``."""
