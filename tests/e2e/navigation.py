"""Following a link or a button in the browser, and waiting for the page it leads to."""

from playwright.sync_api import expect


def click_and_wait_for_the_next_page(page, control):
    """A click that navigates returns once the next page has started loading, not once it is
    there: mark the current document, and wait until a document without the mark is in place.
    The control is awaited first, so the mark is never set on a page still being replaced.

    Anything that reads the page right after a click (axe, the address, `evaluate`) needs this:
    read too early, it sees the page being left, or none (axe once failed on a null document)."""
    expect(control).to_be_visible()
    page.wait_for_load_state()
    page.evaluate("document.documentElement.dataset.left = 'yes'")
    control.click()
    expect(page.locator("html[data-left]")).to_have_count(0)
    page.wait_for_load_state()
