"""Administrators manage organisations and staff; circles are not in the admin
on purpose: nobody sees a circle they are not a member of."""

from django.contrib import admin

from samenspel.organisations.models import Employment, Organisation


class EmploymentInline(admin.TabularInline):
    model = Employment
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name"]
    inlines = [EmploymentInline]
