"""Make the current circle's permissions available to every template.

`circle_view` puts them on the request; templates such as the circle menu need
them on every circle page, whether or not the view passes them along.
"""


def circle_access(request):
    return {"access": getattr(request, "access", None)}
