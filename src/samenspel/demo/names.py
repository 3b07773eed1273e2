"""Names every demo builder shares: the municipality, its organisations, the password."""

DEMO_PASSWORD = "samenspel-demo"  # noqa: S105 - public demo password, shown in the README
MUNICIPALITY_NAME = "Gemeente Lindeveen"
TEAM_NORTH = "Wijkteam Lindeveen-Noord"
TEAM_SOUTH = "Wijkteam Lindeveen-Zuid"
VOLUNTEER_CENTRE = "Vrijwilligerscentrale De Schakel"
CARER_SUPPORT = "Steunpunt Mantelzorg Lindeveen"
CARE_PROVIDER = "Thuiszorg De Linde"
SEED = 2026
