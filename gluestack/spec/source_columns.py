"""Write a transform source's `columns` into its spec file, keeping the file's comments and layout.

`gluestack generate --from-catalog` uses it, so a user never types a schema the crawler already
knows. The edited text must load as a valid spec, or no file is changed.
"""

from collections.abc import Mapping
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from gluestack.spec.errors import SpecError
from gluestack.spec.loader import load

Source = tuple[str, str]  # (job, source)


def sources_reading(spec_file: Path, table: str, pipeline: str | None = None) -> list[Source]:
    """(job, source) of every transform source in the file that reads the table `table`.

    Read from the YAML itself: a spec whose sources lack their columns does not validate yet.
    """
    document = _yaml().load(spec_file)  # a YAML error names the file
    if not isinstance(document, Mapping) or pipeline not in (None, document.get("name")):
        return []
    found = []
    for job_name, job in sorted((document.get("jobs") or {}).items()):
        transform = job.get("transform") if isinstance(job, Mapping) else None
        sources = transform.get("sources") if isinstance(transform, Mapping) else None
        for source_name, source in (sources or {}).items():
            if isinstance(source, Mapping) and source.get("table") == table:
                found.append((str(job_name), str(source_name)))
    return found


def staged_source_columns(
    spec_file: Path,
    project_root: Path,
    targets: list[Source],
    columns: Mapping[str, str],
) -> Path:
    """The spec with `columns` set for each (job, source), validated, beside the file.

    The caller replaces the file with it (Path.replace) once every spec it edits is staged, so
    an edit of several specs is all or nothing; a staged text that does not load is removed.
    """
    yaml = _yaml()
    document = yaml.load(spec_file.read_text(encoding="utf-8"))
    for job, source in targets:
        entry = document["jobs"][job]["transform"]["sources"][source]
        entry["columns"] = CommentedMap(columns)
    staged = spec_file.with_name(spec_file.name + ".tmp")
    with staged.open("w", encoding="utf-8") as out:
        yaml.dump(document, out)
    try:
        load(staged, project_root, require_generated=False)
    except SpecError:
        staged.unlink()
        raise
    return staged


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    # Lists indented under their key ("key:\n  - item"), as gluestack's examples write them.
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    return yaml
