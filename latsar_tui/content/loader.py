"""Load every content root into a Catalog: valid content plus findings, never an exception.

Three passes: each file alone (YAML, then the contract's rules), then ids across files
(a later file may not reuse an earlier one's module or bank id), then each bank's
references to its module's lessons and sources. A file with any error is left out of
the catalog and listed as broken with its first error; the others load regardless.

A bank whose module exists but is broken is no error of the bank's: the module's
file reports its own errors, the bank still loads, and its lesson and source
references go unchecked until the module is fixed. Of two files with one id, the
first in load order keeps it and the later one is broken (``id-clash``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from latsar_tui.content.cache import ContentCache, file_key
from latsar_tui.content.model import Bank, BrokenFile, Catalog, Finding, Module, Severity
from latsar_tui.content.roots import (
    ContentFile,
    ContentRoot,
    default_roots,
    owning_root,
    root_files,
    root_unread_files,
    target_files,
    target_unread_files,
    unique_roots,
)
from latsar_tui.content.validate import (
    Checked,
    check_references,
    make_finding,
    problem_finding,
    validate_tree,
)
from latsar_tui.content.yamlnodes import compose_bytes, compose_text, gc_paused
from latsar_tui.i18n import _
from latsar_tui.paths import Paths


@dataclass(slots=True)
class _Entry:
    file: ContentFile
    shown: str
    report: bool
    checked: Checked | None = None
    findings: list[Finding] | None = None


def load_catalog(
    paths: Paths | None = None, extra: Sequence[Path] = (), *, cache: bool = False
) -> Catalog:
    """Every root in the documented order (builtin, packs, ``--content``, LATSAR_CONTENT).

    With ``cache`` (and ``paths``), files unchanged since the last start come from the
    content cache (``content.cache``) instead of being parsed again; the cross-file
    checks always run.
    """
    roots = default_roots(paths, extra)
    files = [f for root in roots for f in root_files(root.path)]
    unread = [path for root in roots for path in root_unread_files(root.path)]
    store = ContentCache(paths.cache) if cache and paths is not None else None
    return _load([_Entry(f, display_path(f.path), True) for f in files], unread, store)


def load_paths(
    targets: Sequence[Path],
    paths: Paths | None = None,
    *,
    extra: Sequence[Path] = (),
    context: Sequence[ContentRoot] | None = None,
) -> Catalog:
    """Check the given files or folders, for ``latsar validate PATH...``.

    References and id clashes are resolved against the ``context`` roots too (default:
    every root the app reads, ``extra`` included, then the root each target belongs to,
    see :func:`owning_root`), but only the targets' findings and content are returned.
    A target file whose name the app would never read, or such a file in a target
    folder, is reported (``unread-file``).
    A target that is also in a context root keeps that root's place in the load order.
    Raises FileNotFoundError for a target that does not exist.
    """
    wanted: dict[Path, ContentFile] = {}
    unread: dict[Path, Path] = {}
    owners: list[ContentRoot] = []
    for target in targets:
        if not target.exists():
            raise FileNotFoundError(str(target))
        for content_file in target_files(target):
            wanted.setdefault(content_file.path.resolve(), content_file)
        for path in target_unread_files(target):
            unread.setdefault(path.resolve(), path)
        owner = owning_root(target)
        if owner is not None:
            owners.append(ContentRoot(owner, "extra"))
    if context is not None:
        roots = list(context)
    else:
        roots = unique_roots([*default_roots(paths, extra), *owners])
    entries: list[_Entry] = []
    for root in roots:
        for content_file in root_files(root.path):
            key = content_file.path.resolve()
            chosen = wanted.pop(key, None)
            if chosen is not None:
                entries.append(_Entry(chosen, display_path(chosen.path), True))
            else:
                entries.append(_Entry(content_file, display_path(content_file.path), False))
    entries.extend(_Entry(f, display_path(f.path), True) for f in wanted.values())
    return _load(entries, list(unread.values()))


def load_text(
    text: str,
    path: str = "<text>",
    kind: Literal["module", "bank"] | None = None,
) -> tuple[Module | Bank | None, list[Finding]]:
    """Validate one document given as a string, on its own (no cross-file checks)."""
    composed = compose_text(text)
    findings = [problem_finding(path, problem) for problem in composed.problems]
    if composed.root is None:
        return None, findings
    with gc_paused():
        checked = validate_tree(composed.root, path, kind)
    findings = _sorted(findings + checked.findings)
    if any(f.severity is Severity.ERROR for f in findings):
        return None, findings
    return checked.model, findings


def display_path(path: Path) -> str:
    """A path as findings show it: relative to the current folder when under it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except (ValueError, OSError):  # outside the current folder, or it was deleted
        return str(path)


def _check_file(entry: _Entry, cache: ContentCache | None = None) -> None:
    shown = entry.shown
    try:
        data = entry.file.path.read_bytes()
        # The hash of these very bytes is in the key, so a stat racing an edit can
        # only make the next start miss the cache, never trust a stale entry.
        stat = entry.file.path.stat() if cache is not None else None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        entry.findings = [
            make_finding(
                shown,
                1,
                1,
                "unreadable",
                _("file ini tidak dapat dibaca: {reason}").format(reason=reason),
            )
        ]
        return
    key = None
    if cache is not None and stat is not None:
        key = file_key(entry.file.path, shown, str(entry.file.kind), data, stat)
        hit = cache.get(key)
        if hit is not None:
            entry.checked, entry.findings = hit
            return
    composed = compose_bytes(data)
    entry.findings = [problem_finding(shown, problem) for problem in composed.problems]
    if composed.root is not None:
        entry.checked = validate_tree(composed.root, shown, entry.file.kind, entry.file.path)
        entry.findings.extend(entry.checked.findings)
    if cache is not None and key is not None:
        cache.put(key, entry.checked, list(entry.findings))


def _load(
    entries: list[_Entry], unread: Sequence[Path] = (), cache: ContentCache | None = None
) -> Catalog:
    with gc_paused():
        return _load_entries(entries, unread, cache)


def _unread_finding(path: Path) -> Finding:
    return make_finding(
        display_path(path),
        1,
        1,
        "unread-file",
        _(
            "aplikasi tidak akan membaca file ini karena namanya tidak berakhiran .yaml "
            "atau .yml; ganti namanya, misalnya menjadi {name}.yaml"
        ).format(name=path.name.split(".")[0] or "bank"),
    )


def _load_entries(
    entries: list[_Entry], unread: Sequence[Path] = (), cache: ContentCache | None = None
) -> Catalog:
    for entry in entries:
        _check_file(entry, cache)

    # Ids across files: the first file to use an id keeps it, broken or not.
    owners: dict[tuple[str, str], str] = {}
    for entry in entries:
        checked = entry.checked
        if checked is None or checked.id is None:
            continue
        key = (checked.kind, checked.id)
        owner = owners.get(key)
        if owner is None:
            owners[key] = entry.shown
            continue
        assert entry.findings is not None
        entry.findings.append(
            make_finding(
                entry.shown,
                checked.id_line,
                checked.id_column,
                "id-clash",
                # One sentence per kind: a kind word glued in would not translate.
                (
                    _(
                        "id modul '{id}' sudah dipakai oleh {owner}; "
                        "setiap modul dan bank memerlukan id sendiri"
                    )
                    if checked.kind == "module"
                    else _(
                        "id bank '{id}' sudah dipakai oleh {owner}; "
                        "setiap modul dan bank memerlukan id sendiri"
                    )
                ).format(id=checked.id, owner=owner),
            )
        )

    modules: dict[str, Module] = {}
    broken_modules: dict[str, str] = {}
    for entry in entries:
        checked = entry.checked
        if checked is None or checked.kind != "module" or checked.id is None:
            continue
        if _has_error(entry) or not isinstance(checked.model, Module):
            broken_modules.setdefault(checked.id, entry.shown)
        else:
            modules.setdefault(checked.id, checked.model)

    for entry in entries:
        checked = entry.checked
        if checked is not None and checked.kind == "bank" and checked.references:
            assert entry.findings is not None
            entry.findings.extend(check_references(checked, modules, broken_modules))

    found_modules: list[Module] = []
    found_banks: list[Bank] = []
    findings: list[Finding] = []
    broken: list[BrokenFile] = []
    reported = [entry for entry in entries if entry.report]
    findings.extend(_unread_finding(path) for path in unread)
    for entry in reported:
        file_findings = _sorted(entry.findings or [])
        findings.extend(file_findings)
        errors = [f for f in file_findings if f.severity is Severity.ERROR]
        if errors:
            broken.append(BrokenFile(entry.shown, errors[0]))
        elif entry.checked is not None:
            model = entry.checked.model
            if isinstance(model, Module):
                found_modules.append(model)
            elif isinstance(model, Bank):
                found_banks.append(model)
    return Catalog(
        modules=tuple(found_modules),
        banks=tuple(found_banks),
        findings=tuple(findings),
        broken=tuple(broken),
        files_checked=len(reported),
    )


def _has_error(entry: _Entry) -> bool:
    return any(f.severity is Severity.ERROR for f in entry.findings or [])


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.line, f.column))


__all__ = [
    "ContentRoot",
    "default_roots",
    "display_path",
    "load_catalog",
    "load_paths",
    "load_text",
]
