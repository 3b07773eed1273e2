"""The fictional municipality of Lindeveen: an entry point, not part of the product.

``python manage.py samenspel demo`` loads it. Builders live beside each other here and
write through the apps' own services, so the demo obeys the same rules as users do.
"""
