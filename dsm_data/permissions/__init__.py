"""Every rule about who may read or change what, in one place: this package.

Views, the Wagtail admin, search, exports and the API all ask these functions
(``from dsm_data import permissions``; ``permissions.can_read_document(...)``); none of
them compares roles or countries itself. One module per area, each rule stated once:

- ``roles``: who holds which right, by role and country; the others are built from it;
- ``figures``: reading figures, entering them, the submission workflow;
- ``documents``: the library's documents and their files;
- ``accounts``: managing accounts, signing in, the audit trail;
- ``reports``: whose reading a report holds, and who may fetch it;
- ``admin``: what the Wagtail admin shows and lets each user act on;
- ``refusals``: ``Refusal`` and ``enforce``, the shape of every check-then-act rule.
"""

from .accounts import (
    account_refusal,
    assignable_roles,
    can_read_audit,
    idle_timeout_applies,
    manageable_users,
    readable_audit_entries,
    role_change_refusal,
    second_factor_needed,
    second_factor_required,
)
from .admin import (
    admin_documents,
    admin_pages,
    can_act_on_admin_page,
    can_see_admin_page,
    can_see_whole_site_reports,
    can_translate_admin_page,
    sees_whole_admin,
)
from .api import (
    can_make_tokens,
    token_refusal,
)
from .documents import (
    DOCUMENT_NATIONAL,
    DOCUMENT_PARTICIPATING,
    DOCUMENT_PUBLIC,
    can_read_document,
    document_reading_grants,
    readable_documents,
)
from .figures import (
    BULK_ACTIONS,
    PUBLISH,
    RETURN,
    STEP_FROM,
    SUBMIT,
    UNVALIDATE,
    VALIDATE,
    WORKFLOW_STEPS,
    bulk_actions_for,
    can_add_indicator_to_submissions,
    can_change_table_mapping,
    can_complete_delivery,
    can_manage_calendar,
    can_read_delivery,
    can_read_full_history,
    can_read_submission,
    can_read_value,
    can_use_table_mappings,
    correction_refusal,
    entry_refusal,
    is_public_figure,
    upload_refusal,
    validates_own_figures,
    visible_values,
    workflow_refusal,
)
from .refusals import (
    Refusal,
    enforce,
)
from .reports import (
    can_read_report,
    report_audience,
)
from .roles import (
    belongs_to,
    can_correct_data_for,
    can_edit_intranet_of,
    can_enter_data_for,
    can_key_in_paper_for,
    can_manage_users_of,
    can_publish,
    can_read_completeness,
    can_read_intranet_of,
    can_read_shared_data,
    can_submit_data_for,
    can_use_submissions,
    can_validate_data_for,
    channel_for,
    country_of,
    is_editor,
    is_system_admin,
)

__all__ = [
    "BULK_ACTIONS",
    "DOCUMENT_NATIONAL",
    "DOCUMENT_PARTICIPATING",
    "DOCUMENT_PUBLIC",
    "PUBLISH",
    "RETURN",
    "STEP_FROM",
    "SUBMIT",
    "UNVALIDATE",
    "VALIDATE",
    "WORKFLOW_STEPS",
    "Refusal",
    "account_refusal",
    "admin_documents",
    "admin_pages",
    "assignable_roles",
    "belongs_to",
    "bulk_actions_for",
    "can_act_on_admin_page",
    "can_add_indicator_to_submissions",
    "can_change_table_mapping",
    "can_complete_delivery",
    "can_correct_data_for",
    "can_edit_intranet_of",
    "can_enter_data_for",
    "can_key_in_paper_for",
    "can_manage_calendar",
    "can_manage_users_of",
    "can_publish",
    "can_read_audit",
    "can_read_delivery",
    "can_read_document",
    "can_read_full_history",
    "can_read_intranet_of",
    "can_read_report",
    "can_make_tokens",
    "can_read_completeness",
    "can_read_shared_data",
    "can_read_submission",
    "can_read_value",
    "can_see_admin_page",
    "can_see_whole_site_reports",
    "can_submit_data_for",
    "can_translate_admin_page",
    "can_use_submissions",
    "can_use_table_mappings",
    "can_validate_data_for",
    "channel_for",
    "correction_refusal",
    "country_of",
    "document_reading_grants",
    "enforce",
    "entry_refusal",
    "idle_timeout_applies",
    "is_editor",
    "is_system_admin",
    "manageable_users",
    "readable_audit_entries",
    "readable_documents",
    "report_audience",
    "role_change_refusal",
    "second_factor_needed",
    "second_factor_required",
    "sees_whole_admin",
    "upload_refusal",
    "validates_own_figures",
    "is_public_figure",
    "visible_values",
    "workflow_refusal",
    "token_refusal",
]
