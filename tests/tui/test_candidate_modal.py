"""The candidate form: every field, validation beside the field, escape, paste (Pilot)."""

from __future__ import annotations

from textual import events
from textual.widgets import Checkbox, Input, Select, TextArea

from mentee_tui.model import CandidateInput
from mentee_tui.tui.dialogs import CandidateModal
from mentee_tui.tui.screens import TrackerScreen

FIELD_ORDER = ["name", "email", "role", "organization", "source", "url", "introduced_by",
               "why", "notes", "knows_well", "is_supervisor", "save", "cancel"]


async def open_form(app, pilot) -> CandidateModal:
    await pilot.press("3", "n")
    await pilot.pause()
    assert isinstance(app.screen, CandidateModal)
    return app.screen


async def test_every_field_is_reachable_with_tab_at_80x24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        seen = [app.focused.id]
        for _ in FIELD_ORDER[1:]:
            await pilot.press("tab")
            await pilot.pause()
            seen.append(app.focused.id)
            # The focused field is scrolled into the visible part of the screen.
            assert app.focused.region.bottom <= 24 and app.focused.region.y >= 0, app.focused.id
        assert seen == FIELD_ORDER
        assert isinstance(form, CandidateModal)


async def test_a_full_form_saves_every_field(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        values = {"name": "Ada Lovelace", "email": "Ada@EXAMPLE.com", "role": "Analyst",
                  "organization": "Analytical", "url": "https://example.org/ada",
                  "introduced_by": "Charles"}
        for field, value in values.items():
            form.query_one(f"#{field}", Input).value = value
        form.query_one("#source", Select).value = "event"
        form.query_one("#why", TextArea).text = "Engines.\nPoetry."
        form.query_one("#notes", TextArea).text = "Met at the salon"
        form.query_one("#knows_well", Checkbox).value = True
        form.query_one("#is_supervisor", Checkbox).value = True
        form.query_one("#save").focus()  # the Save button, from the keyboard
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
    [ada] = store.candidates.all()
    assert ada.email == "Ada@example.com"  # normalised: the domain lowercased
    assert (ada.role, ada.organization, ada.source, ada.url, ada.introduced_by) == (
        "Analyst", "Analytical", "event", "https://example.org/ada", "Charles")
    assert ada.why == "Engines.\nPoetry." and ada.notes == "Met at the salon"
    assert ada.knows_well and ada.is_supervisor and ada.stage == "researched"


async def test_name_is_required(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        error = form.query_one("#name-error")
        assert error.display and "name is required" in str(error.render())
        assert app.focused.id == "name"
    assert store.candidates.all() == []


async def test_an_invalid_email_shows_the_validator_message_and_saves_nothing(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        await pilot.press(*"Ada", "tab", *"ada@@example")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        error = form.query_one("#email-error")
        assert error.display
        assert "@" in str(error.render())  # email-validator's own words about the @-sign
        assert app.focused.id == "email"
        form.query_one("#email", Input).value = "ada@example.org"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
    assert [c.email for c in store.candidates.all()] == ["ada@example.org"]


async def test_a_message_goes_once_the_field_is_fixed(app):
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        await pilot.press("tab", *"ada@@example", "ctrl+s")
        await pilot.pause()
        name_error, email_error = form.query_one("#name-error"), form.query_one("#email-error")
        assert name_error.display and email_error.display
        form.query_one("#email", Input).value = "ada@example"  # still not an address
        await pilot.pause()
        assert email_error.display
        form.query_one("#email", Input).value = "ada@example.org"
        form.query_one("#name", Input).value = "Ada"
        await pilot.pause()
        assert not name_error.display and not email_error.display


async def test_escape_cancels_without_saving(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(app, pilot)
        await pilot.press(*"Ada", "tab", "tab", "tab", "tab", "tab", "tab", "tab", *"why")
        assert isinstance(app.focused, TextArea)
        await pilot.press("escape")  # typed changes: asks once, keeps the form
        await pilot.pause()
        assert isinstance(app.screen, CandidateModal)
        assert any("Unsaved changes" in n.message for n in app._notifications)
        assert app.screen.query_one("#why", TextArea).text == "why"
        await pilot.press("escape")  # the second escape discards
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
    assert store.candidates.all() == []


async def test_pasted_control_and_escape_characters_are_stripped(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        name = form.query_one("#name", Input)
        # A terminal's paste reaches the app, which forwards it to the focused field.
        app.post_message(events.Paste("Ada\x1b[31m Love\x07lace\x1b]0;title\x07"))
        await pilot.pause()
        assert name.value == "Ada Lovelace"
        name.value = ""
        app.post_message(events.Paste("Jane\r\n\r\nDoe\t X\r\n"))  # lines, tabs, CRLF
        await pilot.pause()
        assert name.value == "Jane Doe X"  # every line kept, one space between
        name.value = "Ada Lovelace"
        notes = form.query_one("#notes", TextArea)
        notes.focus()
        await pilot.pause()
        app.post_message(events.Paste("line one\x1b[2J\nline\x00 two"))
        await pilot.pause()
        assert notes.text == "line one\nline two"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [ada] = store.candidates.all()
    assert (ada.name, ada.notes) == ("Ada Lovelace", "line one\nline two")


async def test_edit_form_starts_with_the_stored_values(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        olivia = next(c for c in demo_store.candidates.all() if c.name == "Olivia Brown")
        demo_app.screen.board.select_id(olivia.id)
        await pilot.press("e")
        await pilot.pause()
        form = demo_app.screen
        assert isinstance(form, CandidateModal)
        assert form.query_one("#organization", Input).value == "Northwind"
        assert form.query_one("#source", Select).value == "network"
        assert form.query_one("#is_supervisor", Checkbox).value is True
        assert form.query_one("#notes", TextArea).text.startswith("My skip-level")


async def test_the_flags_read_without_colour(app):
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        flag = form.query_one("#knows_well", Checkbox)
        assert "X" not in flag.render().plain
        flag.value = True
        await pilot.pause()
        assert "X" in flag.render().plain


async def test_a_duplicate_is_warned_about_once_then_saved(app, store):
    store.candidates.add(CandidateInput(name="Grace Hopper", organization="Navy"))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        form.query_one("#name", Input).value = "GRACE hopper"
        form.query_one("#organization", Input).value = "navy"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # warned, not saved
        warning = str(form.query_one("#name-error").render())
        assert "Grace Hopper (#1) is already on the tracker" in warning
        assert "Save again" in warning
        assert len(store.candidates.all()) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
    assert [c.name for c in store.candidates.all()] == ["Grace Hopper", "GRACE hopper"]


async def test_changing_the_values_after_the_warning_warns_again(app, store):
    store.candidates.add(CandidateInput(name="Ada", email="ada@example.org"))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        form.query_one("#name", Input).value = "Ada L"
        form.query_one("#email", Input).value = "ADA@example.org"
        await pilot.press("ctrl+s")
        await pilot.pause()
        form.query_one("#role", Input).value = "Analyst"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "the same email" in str(form.query_one("#name-error").render())
    assert len(store.candidates.all()) == 1
