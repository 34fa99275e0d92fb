"""The loader: valid content into the model, roots in order, bad files isolated."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_helpers import VALID

from latsar_tui.content import loader
from latsar_tui.content.loader import display_path, load_catalog, load_paths, load_text
from latsar_tui.content.model import (
    Bank,
    BranchingQuestion,
    Module,
    MultipleQuestion,
    OrderingQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.content.roots import ContentRoot, default_roots
from latsar_tui.paths import Paths

BANK = """schema: latsar/bank@1
id: {id}
title: {title}
questions:
  - id: q1
    type: true_false
    prompt: A statement.
    explanation: Why.
    answer: true
"""


def write_bank(root: Path, name: str, bank_id: str, title: str = "T") -> Path:
    path = root / "question_banks" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BANK.format(id=bank_id, title=title), encoding="utf-8")
    return path


@pytest.fixture
def no_builtin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point the built-in root at an empty folder so tests never read shipped content."""
    empty = tmp_path / "builtin"
    empty.mkdir()
    monkeypatch.setattr("latsar_tui.content.roots.builtin_content_root", lambda: empty)
    return empty


def test_valid_module_and_bank_load_into_the_model() -> None:
    catalog = load_paths([VALID], context=[])
    assert catalog.findings == ()
    assert catalog.files_checked == 2
    module = catalog.module("contoh-modul")
    assert isinstance(module, Module)
    assert module.agenda == "II" and module.order == 10 and module.language == "id"
    assert [lesson.id for lesson in module.lessons] == ["pelayanan", "akuntabel"]
    assert module.lessons[0].key_points == ("Ramah, cekatan, solutif",)
    assert module.lessons[0].sources == ("uu-25-2009",)
    assert "[b]apa adanya[/b]" in module.lessons[0].body  # text is kept literally
    assert module.source("uu-25-2009") is not None
    bank = catalog.bank("contoh-bank")
    assert isinstance(bank, Bank)
    assert bank.module == "contoh-modul" and bank.pass_mark == 80
    assert bank.time_limit_minutes == 15
    kinds = [type(q) for q in bank.questions]
    assert kinds == [
        SingleQuestion,
        MultipleQuestion,
        TrueFalseQuestion,
        ScenarioQuestion,
        OrderingQuestion,
        BranchingQuestion,
    ]
    single, multiple, true_false, scenario, ordering, branching = bank.questions
    assert isinstance(single, SingleQuestion) and single.correct_index == 0
    assert single.options[0].feedback == "Tepat." and single.options[1].feedback is None
    assert single.tags == ("pelayanan",) and single.difficulty == 1 and single.line == 10
    assert isinstance(multiple, MultipleQuestion)
    assert multiple.correct_indices == frozenset({0, 1})
    assert isinstance(true_false, TrueFalseQuestion) and true_false.answer is False
    assert true_false.feedback_false == "Benar, itu dilarang."
    assert isinstance(scenario, ScenarioQuestion)
    assert [o.score for o in scenario.options] == [5, 3, 1]
    assert scenario.context is not None
    assert isinstance(ordering, OrderingQuestion) and len(ordering.items) == 3
    assert isinstance(branching, BranchingQuestion) and branching.start == "loket"
    assert branching.step("loket").choices[0].next == "ruang"
    assert branching.step("ruang").choices[1].next is None
    assert catalog.banks_for_module("contoh-modul") == (bank,)


def test_defaults_when_optional_fields_are_absent() -> None:
    model, findings = load_text(BANK.format(id="b", title="T"))
    assert findings == []
    assert isinstance(model, Bank)
    assert model.pass_mark == 70 and model.time_limit_minutes is None and model.module is None


def test_load_text_reports_without_raising() -> None:
    model, findings = load_text("schema: latsar/bank@1\nid: b\n", path="x.yaml")
    assert model is None
    assert {f.code for f in findings} == {"missing-field"}
    assert all(f.path == "x.yaml" for f in findings)


def test_kind_from_folder_beats_schema(tmp_path: Path) -> None:
    path = tmp_path / "modules" / "oops.yaml"
    path.parent.mkdir()
    path.write_text(BANK.format(id="b", title="T"), encoding="utf-8")
    catalog = load_paths([tmp_path], context=[])
    (first,) = catalog.findings  # nothing else: the rest would be noise
    assert (first.code, first.line, first.column) == ("bad-schema", 1, 9)
    assert "modules/" in first.message


def test_bom_is_tolerated(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "bom", "with-bom")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    catalog = load_paths([tmp_path], context=[])
    assert catalog.findings == ()
    assert catalog.bank("with-bom") is not None


def test_one_bad_file_does_not_hide_the_others(tmp_path: Path) -> None:
    write_bank(tmp_path, "a-good", "good-one")
    (tmp_path / "question_banks" / "b-broken.yaml").write_text("id: [\n", encoding="utf-8")
    write_bank(tmp_path, "c-good", "good-two")
    (tmp_path / "question_banks" / "d-empty.yml").write_text("", encoding="utf-8")
    catalog = load_paths([tmp_path], context=[])
    assert [b.id for b in catalog.banks] == ["good-one", "good-two"]
    assert catalog.files_checked == 4
    assert [Path(b.path).name for b in catalog.broken] == ["b-broken.yaml", "d-empty.yml"]
    assert [b.first_error.code for b in catalog.broken] == ["yaml-syntax", "empty-file"]


def test_broken_file_shows_its_first_error_by_position(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "two-errors", "Bad Id")
    path.write_text(path.read_text().replace("prompt: A statement.", "prompt: 7"))
    catalog = load_paths([tmp_path], context=[])
    assert [f.code for f in catalog.findings] == ["bad-id", "wrong-type"]
    assert catalog.broken[0].first_error.code == "bad-id"


def test_roots_in_documented_order(
    paths: Paths, no_builtin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("zeta", "alpha"):
        (paths.packs / name).mkdir(parents=True)
    (paths.packs / "not-a-folder.txt").write_text("x")
    extra = tmp_path / "extra"
    env_a, env_b = tmp_path / "env-a", tmp_path / "env-b"
    monkeypatch.setenv("LATSAR_CONTENT", f"{env_a}{__import__('os').pathsep}{env_b}")
    roots = default_roots(paths, [extra, no_builtin])  # the builtin repeated: read once
    assert [(r.path.name, r.origin) for r in roots] == [
        ("builtin", "builtin"),
        ("alpha", "pack"),
        ("zeta", "pack"),
        ("extra", "extra"),
        ("env-a", "env"),
        ("env-b", "env"),
    ]


def test_load_catalog_reads_every_root_and_rejects_cross_root_duplicates(
    paths: Paths, no_builtin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_bank(no_builtin, "shared", "shared-id", title="From builtin")
    write_bank(paths.packs / "pack-one", "pack-bank", "pack-bank")
    write_bank(paths.packs / "pack-one", "shared", "shared-id", title="From pack")
    extra = tmp_path / "extra"
    write_bank(extra, "extra-bank", "extra-bank")
    env = tmp_path / "env"
    write_bank(env, "env-bank", "env-bank")
    monkeypatch.setenv("LATSAR_CONTENT", str(env))
    catalog = load_catalog(paths, [extra])
    assert [b.id for b in catalog.banks] == ["shared-id", "pack-bank", "extra-bank", "env-bank"]
    shared = catalog.bank("shared-id")
    assert shared is not None and shared.title == "From builtin"
    (clash,) = catalog.errors
    assert clash.code == "id-clash" and (clash.line, clash.column) == (2, 5)
    assert clash.path.endswith("pack-one/question_banks/shared.yaml")
    assert display_path(first) in clash.message  # the message names both files
    assert catalog.files_checked == 5


def test_modules_and_banks_have_separate_ids(tmp_path: Path) -> None:
    write_bank(tmp_path, "same", "same")
    module = tmp_path / "modules" / "same.yaml"
    module.parent.mkdir()
    module.write_text(
        "schema: latsar/module@1\nid: same\ntitle: M\nsummary: S\n"
        "lessons:\n  - {id: l1, title: L, body: B}\n",
        encoding="utf-8",
    )
    catalog = load_paths([tmp_path], context=[])
    assert catalog.findings == ()
    assert catalog.module("same") is not None and catalog.bank("same") is not None


def test_bank_naming_a_broken_module_loads_without_reference_errors(tmp_path: Path) -> None:
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "m.yaml").write_text(
        "schema: latsar/module@1\nid: m\ntitle: M\nsummary: S\nlessons: []\n", encoding="utf-8"
    )
    bank = write_bank(tmp_path, "b", "b")
    bank.write_text(
        bank.read_text().replace("questions:", "module: m\nquestions:")
        + "    lesson: l-x\n    sources: [s-x]\n"
    )
    catalog = load_paths([tmp_path], context=[])
    assert [f.code for f in catalog.findings] == ["empty-list"]
    assert catalog.bank("b") is not None and catalog.module("m") is None


def test_validate_paths_resolves_references_against_context(tmp_path: Path) -> None:
    context = tmp_path / "context"
    (context / "modules").mkdir(parents=True)
    (context / "modules" / "m.yaml").write_text(
        "schema: latsar/module@1\nid: m\ntitle: M\nsummary: S\n"
        "lessons:\n  - {id: l1, title: L, body: B}\n",
        encoding="utf-8",
    )
    target = tmp_path / "mine.yaml"
    target.write_text(
        BANK.format(id="mine", title="T").replace("questions:", "module: m\nquestions:")
        + "    lesson: l1\n    sources: [nope]\n",
        encoding="utf-8",
    )
    catalog = load_paths([target], context=[ContentRoot(context, "extra")])
    assert catalog.files_checked == 1
    assert [(f.code, f.line, f.column) for f in catalog.findings] == [("unknown-source", 12, 15)]
    assert catalog.modules == ()  # context content is not part of the answer


def test_target_inside_context_is_not_a_clash_with_itself(tmp_path: Path) -> None:
    bank = write_bank(tmp_path, "b", "b")
    catalog = load_paths([bank], context=[ContentRoot(tmp_path, "extra")])
    assert catalog.findings == () and catalog.files_checked == 1


def test_missing_target_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_paths([tmp_path / "nope"], context=[])


def test_display_path_is_relative_under_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "question_banks" / "b.yaml") == "question_banks/b.yaml"
    outside = tmp_path.parent / "elsewhere.yaml"
    assert display_path(outside) == str(outside)


def test_findings_use_paths_relative_to_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = write_bank(tmp_path, "b", "B")
    monkeypatch.chdir(tmp_path)
    catalog = load_paths([bank], context=[])
    assert catalog.findings[0].format().startswith("question_banks/b.yaml:2:5: error: ")


def test_loader_module_has_the_agreed_api() -> None:
    for name in ("load_catalog", "load_paths", "load_text", "ContentRoot", "default_roots"):
        assert hasattr(loader, name)


def _mutations(text: str) -> list[str]:
    """The text with each line deleted, and with each ``key: value`` line's value emptied.

    Lines that start a list entry are not deleted: dropping a whole option is legal.
    """
    lines = text.splitlines(keepends=True)
    result = []
    for index, line in enumerate(lines):
        if not line.lstrip().startswith("- "):
            result.append("".join(lines[:index] + lines[index + 1 :]))
        key, sep, value = line.partition(": ")
        if sep and value.strip() and not key.strip().startswith("#"):
            result.append("".join([*lines[:index], key + ":\n", *lines[index + 1 :]]))
    return result


@pytest.mark.parametrize("kind", ["module", "bank"])
def test_validator_never_drops_content_silently(kind: str) -> None:
    """Break the valid fixture one line at a time: an error, or nothing lost."""
    folder = "modules/contoh-modul.yaml" if kind == "module" else "question_banks/contoh-bank.yaml"
    original, _ = load_text((VALID / folder).read_text(encoding="utf-8"), kind=kind)  # type: ignore[arg-type]
    assert original is not None
    for mutated in _mutations((VALID / folder).read_text(encoding="utf-8")):
        model, findings = load_text(mutated, kind=kind)  # type: ignore[arg-type]
        if model is None:
            assert any(f.severity == "error" for f in findings), mutated
        elif isinstance(model, Bank):
            assert isinstance(original, Bank)
            assert [q.id for q in model.questions] == [q.id for q in original.questions]
            for new, old in zip(model.questions, original.questions, strict=True):
                for name in ("options", "items", "steps"):
                    assert len(getattr(new, name, ())) == len(getattr(old, name, ())), mutated
        else:
            assert isinstance(model, Module) and isinstance(original, Module)
            assert [lesson.id for lesson in model.lessons] == [
                lesson.id for lesson in original.lessons
            ]
            assert len(model.sources) == len(original.sources), mutated


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("{text: Menutup loket, score: 1,", "{text: Menutup loket, score: ,"),
        ("{text: Mengabaikan, score: 0,", "{text: Mengabaikan, score: ,"),
        ("    answer: false", "    answer:"),
        ("    start: loket", "    start:"),
        ("    type: ordering", "    type:"),
    ],
)
def test_required_field_without_value_is_an_error(old: str, new: str) -> None:
    text = (VALID / "question_banks" / "contoh-bank.yaml").read_text(encoding="utf-8")
    assert old in text
    model, findings = load_text(text.replace(old, new))
    assert model is None
    assert [f.code for f in findings] == ["wrong-type"]
    assert "kosong (null)" in findings[0].message


def test_no_missing_lesson_warning_when_the_lesson_is_wrong() -> None:
    text = (VALID / "question_banks" / "contoh-bank.yaml").read_text(encoding="utf-8")
    text = text.replace("    lesson: pelayanan\n    tags:", "    lesson: Pelayanan!\n    tags:")
    text = text.replace("    sources: [se-20-2021]\n    answer", "    sources: [SE 20]\n    answer")
    _, findings = load_text(text)
    assert [f.code for f in findings] == ["bad-id", "bad-id"]


def test_empty_sources_list_warns() -> None:
    text = (VALID / "question_banks" / "contoh-bank.yaml").read_text(encoding="utf-8")
    text = text.replace("    sources: [se-20-2021]\n    answer", "    sources: []\n    answer")
    model, findings = load_text(text)
    assert model is not None
    assert [(f.code, f.line, f.column) for f in findings] == [("missing-sources", 33, 5)]
