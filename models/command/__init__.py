"""Command (指挥调度): events' response levels and grades as history, the incidents logged
under an event, and the register of member units. The event itself is ``models.events``."""
