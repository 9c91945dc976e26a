"""Wheels built in a test, as `pip wheel` builds them, for pip to install offline."""

import base64
import hashlib
import io
import zipfile


def pure_python_wheel(
    name: str, version: str, module: str, source: str, requires: tuple[str, ...] | list[str] = ()
) -> bytes:
    """A pure-Python wheel, as `pip wheel` builds one (RECORD hashes included)."""
    info = f"{name.replace('-', '_')}-{version}.dist-info"
    dependencies = "".join(f"Requires-Dist: {r}\n" for r in requires)
    files = {
        f"{module}/__init__.py": source,
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        + dependencies,
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
        f"{info}/top_level.txt": f"{module}\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=")
        record.append(f"{path},sha256={digest.decode()},{len(text.encode())}")
    files[f"{info}/RECORD"] = "\n".join([*record, f"{info}/RECORD,,"]) + "\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return buffer.getvalue()
