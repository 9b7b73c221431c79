"""The Django group that carries each role's Wagtail admin rights.

Group names are data (created by migration 0002); the role is the truth and
``services.assign_role`` keeps a user's groups in step with it.
"""

from .models import Role

ROLE_GROUP_NAMES = {
    Role.DATA_USER: "Data users",
    Role.FOCAL_POINT: "Focal points",
    Role.COUNTRY_ADMIN: "Country administrators",
    Role.EDITOR: "Editors",
    Role.SYSTEM_ADMIN: "System administrators",
}
