"""The user interfaces: the Qt window and its pages, and the command line."""
