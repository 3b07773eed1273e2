from django.shortcuts import render

from samenspel.circles.access import circle_view
from samenspel.domain.access import Perm


@circle_view(Perm.VIEW_DETAILS)
def scan_list(request, circle_id):
    scans = list(request.circle.scans.all())
    return render(request, "mantelscan/list.html", {"circle": request.circle, "scans": scans})
