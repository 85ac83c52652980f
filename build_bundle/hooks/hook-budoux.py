# BudouX (phrase breaks for printed titles, planner/documents/cjk.py) reads its model from
# budoux/models/zh-hans.json beside its modules: ship that one model, not the others.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("budoux", includes=["models/zh-hans.json"])
