"""The desktop app (Qt): the only part of Letopis that imports PySide6.

Start it with ``viewer.ui.app.run(home)``. Heavy core modules (whoosh, the lemmatiser) are
imported only after the main window is on screen, so the window shows at once.
"""
