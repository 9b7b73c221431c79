"""What every page of the portal must pass in a browser: a 360 px phone, and axe."""

from tests.e2e.test_accessibility import blocking_violations

PHONE = {"width": 360, "height": 740}

# What sticks out past the screen's right edge, to name the culprit when the page is too wide.
WIDEST = """[...document.querySelectorAll('body *')]
    .filter(element => element.getBoundingClientRect().right > 361)
    .slice(0, 5)
    .map(element => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`)"""


def assert_fits_a_phone_and_is_accessible(page):
    """The page as it stands, on a 360 px screen (the viewport is left so): it never scrolls sideways (wide
    tables scroll inside their own box), and axe finds no serious or critical violation."""
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.evaluate(WIDEST)
    assert blocking_violations(page) == []
