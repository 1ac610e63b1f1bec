"""The revisions dialog: times to the second, how long ago (the store's clock), the marks."""

from __future__ import annotations

from conftest import FIXED_NOW
from helpers.reflections import saved_with_a_restore
from textual.widgets import OptionList, Static

from mentee_tui.model import Revision
from mentee_tui.tui.dialogs.revisions_modal import (
    CURRENT_MARK,
    RESTORED_MARK,
    RevisionsModal,
    current_index,
    option_text,
    relative_label,
    revision_label,
)

SIZE = (80, 24)


def test_revisions_a_minute_apart_read_differently():
    first, second = "2026-11-26T09:58:10+00:00", "2026-11-26T09:59:10+00:00"
    assert revision_label(first) == "2026-11-26 09:58:10"
    assert revision_label(first) != revision_label(second)
    assert revision_label(first, "Europe/Paris") == "2026-11-26 10:58:10"
    assert relative_label(first, FIXED_NOW) == "a minute ago"
    assert relative_label("2026-11-26T09:59:30+00:00", FIXED_NOW) == "30 seconds ago"
    assert relative_label("not a date", FIXED_NOW) == ""


def test_the_marks_name_the_current_text_and_a_restore():
    newest_first = [Revision(at="2026-11-26T09:59:30+00:00", text="A", restored_from="x"),
                    Revision(at="2026-11-26T09:59:00+00:00", text="B"),
                    Revision(at="2026-11-26T09:58:00+00:00", text="A")]
    assert current_index(newest_first, "A") == 0  # the newest of the two holding it
    assert current_index(newest_first, "C") is None  # typed on since: none is current
    assert option_text(newest_first[0], "UTC", FIXED_NOW, current=True).plain == (
        f"2026-11-26 09:59:30\n30 seconds ago\n{CURRENT_MARK} {RESTORED_MARK}")
    assert option_text(newest_first[1], "UTC", FIXED_NOW, current=False).plain == (
        "2026-11-26 09:59:00\na minute ago")


async def test_the_dialog_marks_the_restored_revision_and_says_where_it_came_from(app, db_path):
    saved_with_a_restore(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "ctrl+r")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, RevisionsModal)
        listing = modal.query_one("#revisions-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts[0].endswith(f"30 seconds ago\n{CURRENT_MARK} {RESTORED_MARK}")
        assert prompts[1] == "2026-11-26 09:59:00\na minute ago"
        assert prompts[2] == "2026-11-26 09:58:00\n2 minutes ago"
        diff = str(modal.query_one("#revisions-diff", Static).content)
        assert f"{RESTORED_MARK} from 2026-11-26 09:58:00" in diff
        await pilot.press("down")
        diff = str(modal.query_one("#revisions-diff", Static).content)
        assert RESTORED_MARK not in diff and CURRENT_MARK not in diff
