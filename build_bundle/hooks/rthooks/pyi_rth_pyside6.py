# PyInstaller run-time hook for PySide6, replacing PyInstaller's own (pyi_rth_pyside6.py).
#
# PyInstaller's hook also imports PySide6.QtCore at start-up to register an embedded
# qt.conf — 50–70 ms on every run, headless commands included. The PyPI PySide6 wheels
# register that qt.conf themselves when QtCore is imported (so PyInstaller's step is a
# no-op for them), which lets this hook keep only the environment set-up and leave Qt to
# load when the app first needs it. The rest follows PyInstaller's hook.


def _pyi_rthook():
    import os
    import sys

    from _pyi_rth_utils import prepend_path_to_environment_variable
    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")

    if sys.platform.startswith("win"):
        pyqt_path = os.path.join(sys._MEIPASS, "PySide6")
    else:
        pyqt_path = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(pyqt_path, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(pyqt_path, "qml")
    if sys.platform.startswith("win"):
        prepend_path_to_environment_variable(sys._MEIPASS, "PATH")


_pyi_rthook()
del _pyi_rthook
