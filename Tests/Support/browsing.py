"""How the browser tests wait and click: one place, so every suite tolerates the same things a real page does."""
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait


class PageWait(WebDriverWait):
    """Waits for a condition while pages load and islands redraw.

    A missing element is looked for again, and so is one read while its list was replaced. A look that lands while
    the page is navigating (a sign-in sending the browser on) is aborted by Chromium; it is looked at again on the
    next page rather than failing the test. Every other error ends the wait at once."""

    def __init__(self, browser, seconds):
        super().__init__(browser, seconds, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))

    def until(self, method, message=""):
        def looked_at_after_navigation(driver):
            try:
                return method(driver)
            except (NoSuchElementException, StaleElementReferenceException):
                raise
            except WebDriverException as error:
                if "aborted by navigation" in (error.msg or ""):
                    return False
                raise
        return super().until(looked_at_after_navigation, message)


def wait(browser, seconds=15):
    return PageWait(browser, seconds)


def click(browser, element):
    """Clicks like a person who scrolled the element into view first."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()
