"""Windows-only build pieces: the version resource shown in the .exe's Properties (and by
signtool / SmartScreen). Used by planner.spec when building on Windows."""

from __future__ import annotations

from build_bundle import APP_ID, APP_NAME_EN, APP_NAME_ZH, ROOT, version


def version_info_file() -> str:
    numbers = [int(part) for part in version().split(".")[:4] if part.isdigit()]
    numbers += [0] * (4 - len(numbers))
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple(numbers)}, prodvers={tuple(numbers)}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', '{APP_NAME_EN}'),
      StringStruct('FileDescription', '{APP_NAME_ZH} {APP_NAME_EN}'),
      StringStruct('FileVersion', '{version()}'),
      StringStruct('InternalName', '{APP_ID}'),
      StringStruct('OriginalFilename', '{APP_ID}.exe'),
      StringStruct('ProductName', '{APP_NAME_ZH}'),
      StringStruct('ProductVersion', '{version()}')])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""
    out = ROOT / "build" / "bundle" / "version_info.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return str(out)
