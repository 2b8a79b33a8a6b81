"""The domain layer: tables, rules, queries, imports and the demo county.

Nothing here imports Qt widgets or ``ui``; QtCore is allowed for translations.
"""
