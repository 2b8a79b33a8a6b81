"""Personnel transfer during an event: roll-ups, shelter occupancy and check-in."""
