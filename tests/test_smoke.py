import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_circle_page_renders_for_team_professional(client, world):
    client.force_login(world["users"]["pro_team"])
    response = client.get(reverse("circles:detail", args=[world["circle"].pk]))
    assert response.status_code == 200
    assert "Ans" in response.content.decode()
