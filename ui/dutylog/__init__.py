"""The duty log page (值班日志): keyboard-first entry, the log with corrections beside
their originals, due follow-ups highlighted, search, export and shift handover."""
