"""Which content roots the app reads, in which order, and the files inside them.

Order (the contract's): the built-in root, installed packs (sorted by folder name),
every ``--content`` folder, then ``LATSAR_CONTENT``. A folder named twice is read
once, at its first place, so that ``--content`` pointing at the built-in root does
not turn every id into a clash with itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from latsar_tui.paths import Paths, builtin_content_root, env_content_roots

Origin = Literal["builtin", "pack", "extra", "env"]
ContentKind = Literal["module", "bank"]

KIND_FOLDERS: dict[str, ContentKind] = {"modules": "module", "question_banks": "bank"}
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class ContentRoot:
    """A folder holding ``modules/`` and/or ``question_banks/``, and where it came from."""

    path: Path
    origin: Origin


@dataclass(frozen=True, slots=True)
class ContentFile:
    """One content file and the kind its folder says it holds (None: ask its 'schema')."""

    path: Path
    kind: ContentKind | None


def default_roots(paths: Paths | None = None, extra: Sequence[Path] = ()) -> list[ContentRoot]:
    """Every root the app reads, in order, duplicates dropped; missing folders included."""
    paths = paths if paths is not None else Paths.resolve()
    roots = [ContentRoot(builtin_content_root(), "builtin")]
    if paths.packs.is_dir():
        roots.extend(
            ContentRoot(pack, "pack")
            for pack in sorted(paths.packs.iterdir(), key=lambda p: p.name)
            # Dot-folders are an installer's work in progress, never a finished pack.
            if pack.is_dir() and not pack.name.startswith(".")
        )
    roots.extend(ContentRoot(Path(folder), "extra") for folder in extra)
    roots.extend(ContentRoot(folder, "env") for folder in env_content_roots())
    return unique_roots(roots)


def unique_roots(roots: Sequence[ContentRoot]) -> list[ContentRoot]:
    """Roots with later repeats of the same folder dropped."""
    seen: set[Path] = set()
    result: list[ContentRoot] = []
    for root in roots:
        key = _resolved(root.path)
        if key not in seen:
            seen.add(key)
            result.append(root)
    return result


def root_files(root: Path) -> list[ContentFile]:
    """The content files of a root: ``modules/`` first, then ``question_banks/``, sorted."""
    files: list[ContentFile] = []
    for folder, kind in KIND_FOLDERS.items():
        files.extend(ContentFile(path, kind) for path in yaml_files(root / folder))
    return files


def yaml_files(folder: Path) -> list[Path]:
    """``*.yaml`` and ``*.yml`` files directly in a folder, sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix in SUFFIXES and path.is_file())


def unread_files(folder: Path) -> list[Path]:
    """Files directly in ``folder`` that the app will never read (``bank.yaml.txt``).

    Dot-files (editor and system litter such as ``.DS_Store``) are left alone: nobody
    meant them as content.
    """
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.suffix not in SUFFIXES and not path.name.startswith(".")
    )


def root_unread_files(root: Path) -> list[Path]:
    """The unread files of a root's ``modules/`` and ``question_banks/``."""
    return [path for folder in KIND_FOLDERS for path in unread_files(root / folder)]


def owning_root(target: Path) -> Path | None:
    """The content root a ``latsar validate`` target belongs to, if any.

    A file in ``modules/`` or ``question_banks/`` belongs to the folder above; so does
    such a folder itself; a content root belongs to itself. References of the target
    are resolved against that root, as the app will once the root is installed.
    """
    resolved = _resolved(target)
    if target.is_file():
        folder = resolved.parent
        return folder.parent if folder.name in KIND_FOLDERS else None
    if is_root(target):
        return resolved
    if resolved.name in KIND_FOLDERS:
        return resolved.parent
    return None


def is_root(folder: Path) -> bool:
    """Whether a folder looks like a content root (it has a modules/ or question_banks/)."""
    return any((folder / name).is_dir() for name in KIND_FOLDERS)


def target_files(target: Path) -> list[ContentFile]:
    """The files ``latsar validate PATH`` checks for one PATH (a file or a folder).

    A folder is a content root if it holds ``modules/`` or ``question_banks/``; a folder
    named ``modules`` or ``question_banks`` holds that kind; any other folder's YAML
    files say their kind in 'schema'.
    """
    if target.is_file():
        return [ContentFile(target, KIND_FOLDERS.get(_resolved(target).parent.name))]
    if is_root(target):
        return root_files(target)
    kind = KIND_FOLDERS.get(_resolved(target).name)
    return [ContentFile(path, kind) for path in yaml_files(target)]


def target_unread_files(target: Path) -> list[Path]:
    """The files a target holds (or is) that the app would never read, by their name."""
    if target.is_file():
        return [] if target.suffix in SUFFIXES else [target]
    if is_root(target):
        return root_unread_files(target)
    if _resolved(target).name in KIND_FOLDERS:
        return unread_files(target)
    return []


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
