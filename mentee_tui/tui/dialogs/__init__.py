"""Modal dialogs, each imported when first opened (see `tui.lazy`)."""

from mentee_tui.tui.lazy import lazy_exports

_MODULES = {
    "CandidateModal": "candidate_modal",
    "ConfirmModal": "confirm_modal",
    "DeclineAnswer": "decline_modal",
    "DeclineModal": "decline_modal",
    "DetailsModal": "details_modal",
    "DraftModal": "draft_modal",
    "EndMentorshipModal": "mentorship_modal",
    "FollowUp": "follow_up_modal",
    "FollowUpModal": "follow_up_modal",
    "FormDialog": "form_dialog",
    "MeetingModal": "meeting_modal",
    "MentorshipSetupModal": "mentorship_modal",
    "RecoverableForm": "recoverable",
    "RestoreModal": "restore_modal",
    "RevisionsModal": "revisions_modal",
    "SettingsModal": "settings_modal",
    "details_content": "details_modal",
}
__getattr__ = lazy_exports(__name__, _MODULES)
__all__ = sorted(_MODULES)
