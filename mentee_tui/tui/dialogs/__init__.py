"""Modal dialogs."""

from mentee_tui.tui.dialogs.candidate_modal import CandidateModal
from mentee_tui.tui.dialogs.confirm_modal import ConfirmModal
from mentee_tui.tui.dialogs.decline_modal import DeclineAnswer, DeclineModal
from mentee_tui.tui.dialogs.details_modal import DetailsModal, details_content

__all__: list[str] = [
    "CandidateModal",
    "ConfirmModal",
    "DeclineAnswer",
    "DeclineModal",
    "DetailsModal",
    "details_content",
]
