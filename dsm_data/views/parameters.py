"""Reading the parameters of a request."""


def whole_number(text):
    """The integer a URL or form parameter holds, or None."""
    try:
        return int(text)
    except (TypeError, ValueError):
        return None
