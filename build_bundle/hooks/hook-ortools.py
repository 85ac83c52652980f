# OR-Tools' C++ extensions import their protobuf message modules (routing_parameters_pb2,
# sat_parameters_pb2 …) from C++, where PyInstaller's analysis cannot see the imports.
# Collect all of them (small, pure Python); nothing else of OR-Tools beyond what the app
# imports.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = [name for name in collect_submodules("ortools") if name.endswith("_pb2")]
