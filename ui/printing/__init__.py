"""Printing with Qt: documents to PDF through QtWebEngine (``pdf``, ``render``), the
print dialog with its preview (``dialog``), and ``headless.make_pdf`` for the ``export``
command (``planner.documents.export``), which makes every other format without Qt.
"""
