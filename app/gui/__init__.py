"""The station GUI (PySide6). Qt lives here, in app.devices and in the raster part of app.labels only.

Nothing is imported here on purpose: ``import app.gui.app`` must stay cheap for the cold start.
"""
