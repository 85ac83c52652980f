"""Printing and exports for the delegation: PDF through QtWebEngine, print preview.

This package's ``__init__`` and ``export_command`` import no Qt, so ``main.py`` can
register the ``export`` command cheaply; Qt loads only when a PDF is made.
"""
