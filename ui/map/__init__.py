"""The risk map page: the register's layers in an offline Leaflet page, with a side panel."""
