"""Domain rules of Samenspel in plain Python.

Nothing in this package imports Django: the rules (network analysis, access
policy, ecogram layout, scan comparison) are tested directly and fast, and the
Django apps only translate between the database and these functions.
"""
