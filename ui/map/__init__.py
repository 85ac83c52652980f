"""The map pane: an offline Leaflet map of the plan's sites and routes.

``view.MapPane`` is the widget; ``snapshot.route_map_png`` draws route pictures for
printed documents; ``scheme`` serves the page and its assets (``planmap:``), and must
be registered before the QApplication exists (``ui.environment.prepare_qt``).
"""
