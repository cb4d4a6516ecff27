"""Windows version resource (PyInstaller's text format) generated from pyproject.toml, so Explorer shows it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from project_meta import DISPLAY_NAME, PUBLISHER, Project


def render_version_file(project: Project, exe_name: str) -> str:
    """The text PyInstaller's `EXE(version=...)` reads (a VSVersionInfo expression)."""
    numbers = project.version_tuple
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": DISPLAY_NAME,
        "FileVersion": project.version,
        "InternalName": project.name,
        "LegalCopyright": f"© {PUBLISHER}",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": project.version,
    }
    string_structs = ",\n          ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {string_structs}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(project: Project, exe_name: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_version_file(project, exe_name), encoding="utf-8")
    return target
