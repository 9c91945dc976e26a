"""Compile LocalS3FileSystem.java against pyspark's Hadoop jars, once per source and Spark."""

import hashlib
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pyspark

SOURCE = Path(__file__).with_name("LocalS3FileSystem.java")
CLASS_NAME = "gluestack.LocalS3FileSystem"


class S3FileSystemBuildError(RuntimeError):
    """The JDK is missing or javac rejected the source."""


def local_s3_jar(cache_dir: Path | None = None) -> Path:
    """Path of the compiled jar, building it into the cache on first use."""
    jar = (cache_dir or gluestack_cache()) / f"{jar_stem(pyspark.__version__)}.jar"
    if not jar.is_file():
        _build(jar)
    return jar


def jar_stem(spark_version: str) -> str:
    """The jar's name without .jar: one per source and Spark version."""
    key = hashlib.sha256(SOURCE.read_bytes() + spark_version.encode()).hexdigest()[:16]
    return f"gluestack-s3fs-{key}"


def gluestack_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gluestack"


def _build(jar: Path) -> None:
    javac = shutil.which("javac")
    if javac is None:
        raise S3FileSystemBuildError(
            "javac was not found: local Spark needs a JDK 17 (not only a JRE) to build gluestack's "
            "s3:// file system; install e.g. openjdk-17-jdk-headless"
        )
    spark_jars = Path(pyspark.__file__).parent / "jars"
    with tempfile.TemporaryDirectory() as classes:
        result = subprocess.run(
            [
                javac,
                "--release",
                "17",
                "-nowarn",
                "-cp",
                f"{spark_jars}/*",
                "-d",
                classes,
                str(SOURCE),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise S3FileSystemBuildError(f"javac failed:\n{result.stderr}")
        jar.parent.mkdir(parents=True, exist_ok=True)
        partial = jar.with_suffix(".partial")
        with zipfile.ZipFile(partial, "w") as archive:
            for path in sorted(Path(classes).rglob("*.class")):
                archive.write(path, path.relative_to(classes).as_posix())
        partial.replace(jar)  # atomic: a concurrent reader never sees half a jar
