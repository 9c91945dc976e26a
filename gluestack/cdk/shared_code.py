"""glue_scripts/lib as one zip asset, so a Glue job can `import lib...` via --extra-py-files."""

import zipfile
from pathlib import Path

from aws_cdk import aws_glue as glue

LIB_FOLDER = Path("glue_scripts") / "lib"
BUILD_PATH = Path(".gluestack") / "build" / "glue_lib.zip"
# Fixed timestamps keep the zip, and so the asset hash, identical until the code changes.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def build_shared_code_zip(project_root: Path) -> Path:
    """Zip glue_scripts/lib/**.py as lib/... into .gluestack/build/; return the zip's path."""
    source = project_root / LIB_FOLDER
    if not (source / "__init__.py").is_file():
        raise ValueError(f"shared_code needs a package at {source} (with __init__.py)")
    target = project_root / BUILD_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_suffix(".tmp")
    with zipfile.ZipFile(staging, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(source.rglob("*.py")):
            info = zipfile.ZipInfo(str(file.relative_to(source.parent)), date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.read_bytes())
    staging.replace(target)
    return target


def shared_code_asset(project_root: Path) -> glue.Code:
    return glue.Code.from_asset(str(build_shared_code_zip(project_root)))
