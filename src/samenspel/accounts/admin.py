from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from samenspel.accounts.models import Person, User

admin.site.register(User, UserAdmin)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    """Only the name and account link: care data stays inside the circle."""

    list_display = ["first_name", "last_name", "user"]
    search_fields = ["first_name", "last_name"]
    fields = ["first_name", "last_name", "user"]
    autocomplete_fields = ["user"]
