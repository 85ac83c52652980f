# BudouX (phrase breaks for printed titles, planner/documents/cjk.py) reads its model from
# budoux/models/zh-hans.json beside its modules: ship that one model, not the others,
# and skip_nodes.json, which budoux reads when it is imported.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("budoux", includes=["models/zh-hans.json", "skip_nodes.json"])
