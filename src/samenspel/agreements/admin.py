"""The task catalogue is data: administrators keep it up to date here.

Agreements themselves are not in the admin: they belong to a client's circle
and are only seen through the permission layer.
"""

from django.contrib import admin

from samenspel.agreements.models import CareTask


@admin.register(CareTask)
class CareTaskAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "reserved_act", "is_core", "is_active", "order"]
    list_editable = ["reserved_act", "is_core", "is_active", "order"]
    list_filter = ["category", "reserved_act", "is_core", "is_active"]
    search_fields = ["name"]

    def has_delete_permission(self, request, obj=None):
        # Tasks in use are protected by the database; retire them with "In gebruik".
        return super().has_delete_permission(request, obj) and (
            obj is None or not obj.agreements.exists()
        )
