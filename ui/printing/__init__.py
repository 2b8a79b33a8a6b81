"""Printed documents (reportlab): no Qt widgets here, so the command line prints
without a screen. ``layout`` owns fonts and page layouts; ``transfers`` prints the
village transfer list, the transfer cards and the town roll-up."""
