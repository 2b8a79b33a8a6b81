"""The command page (指挥调度) and its parts."""
