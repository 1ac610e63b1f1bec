"""Pure rules, no TinyDB and no Textual, tested without an app: stages and follow-ups
(`stages`), every input check (`validate`), meeting schedules (`schedule`), agendas, the
plan and the journey. Import the module you need: this package imports nothing itself, so
a subcommand that needs only `text` does not pay for arrow."""
