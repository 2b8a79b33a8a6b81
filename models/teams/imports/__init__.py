"""The steps of ``import teams``, ``import members`` and ``import experts`` (loaded by the
import registry as "module:Class"); ``common`` holds what the three share."""
