"""HTML written in Python for the pages whose templates cost more than their queries."""

import html


def escaped(text):
    """``text`` escaped as a template escapes it (``conditional_escape``): safe HTML as it is, anything else
    as text. Without Django's check of every argument for a lazy translation, which on a page of a few
    hundred cells cost more than the escaping itself."""
    if hasattr(text, "__html__"):
        return text.__html__()
    return html.escape(str(text))
