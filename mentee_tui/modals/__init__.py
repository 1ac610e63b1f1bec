"""Modal dialogs."""

from mentee_tui.modals.candidate_modal import CandidateModal
from mentee_tui.modals.confirm_modal import ConfirmModal
from mentee_tui.modals.decline_modal import DeclineAnswer, DeclineModal
from mentee_tui.modals.details_modal import DetailsModal, details_content

__all__: list[str] = [
    "CandidateModal",
    "ConfirmModal",
    "DeclineAnswer",
    "DeclineModal",
    "DetailsModal",
    "details_content",
]
