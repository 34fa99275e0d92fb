"""Starting the review sessions: "Ulangi", "Persiapan ujian" and the mistakes drill.

Each is an ordinary :class:`QuizSession` over an explicit list of questions, so the
quiz screen, resume and history work for them unchanged; the list decides the order.
"""

from __future__ import annotations

from datetime import tzinfo

from latsar_tui.content.model import Catalog
from latsar_tui.i18n import N_, _
from latsar_tui.quiz.clock import Clock, SystemClock
from latsar_tui.quiz.session import Mode, QuizSession, Scope, SessionError
from latsar_tui.review.due import review_items
from latsar_tui.review.mistakes import mistake_items
from latsar_tui.review.plan import DEFAULT_PREP_COUNT, prep_items
from latsar_tui.settings import Settings
from latsar_tui.store.progress import ProgressStore

# Translated at use (N_ here): the title is stored with the attempt in the language in use.
TITLES = {
    Mode.REVIEW: N_("Ulangi"),
    Mode.EXAM_PREP: N_("Persiapan ujian"),
    Mode.MISTAKES: N_("Latihan kesalahan"),
}


def _start(
    catalog: Catalog,
    store: ProgressStore,
    items: list[tuple[str, str]],
    mode: Mode,
    *,
    clock: Clock,
    seed: int | None,
    empty_message: str,
    title: str | None = None,
) -> QuizSession:
    # One session of each kind at a time: leaving "Ulangi" and pressing u again goes on
    # with the session already open instead of piling up a second one.
    for waiting in store.unfinished_attempts():
        if waiting.mode == str(mode):
            try:
                return QuizSession.resume(catalog, store, waiting.id, clock=clock)
            except SessionError:
                break  # its questions were edited since: a fresh session replaces it
    if not items:
        raise SessionError(empty_message)
    return QuizSession.start(
        catalog,
        store,
        Scope(items=tuple(items)),
        mode,
        seed=seed,
        clock=clock,
        title=title or _(TITLES[mode]),
    )


def start_review(
    catalog: Catalog,
    store: ProgressStore,
    settings: Settings,
    *,
    clock: Clock | None = None,
    tz: tzinfo | None = None,
    seed: int | None = None,
) -> QuizSession:
    """Today's review: due questions (most overdue first), then new ones, capped."""
    clock = clock or SystemClock()
    items = review_items(catalog, store, settings, clock.now(), tz)
    return _start(
        catalog,
        store,
        items,
        Mode.REVIEW,
        clock=clock,
        seed=seed,
        empty_message=_("Tidak ada soal yang perlu diulang hari ini. Bagus!"),
    )


def start_exam_prep(
    catalog: Catalog,
    store: ProgressStore,
    settings: Settings,
    *,
    clock: Clock | None = None,
    tz: tzinfo | None = None,
    seed: int | None = None,
    count: int = DEFAULT_PREP_COUNT,
) -> QuizSession:
    """The questions least likely to be recalled on the exam date."""
    clock = clock or SystemClock()
    if settings.exam_date is None:
        raise SessionError(_("Tanggal ujian belum diatur. Atur dulu tanggal evaluasi Latsar Anda."))
    items = prep_items(catalog, store, settings.exam_date, clock.now(), tz=tz, count=count)
    return _start(
        catalog,
        store,
        items,
        Mode.EXAM_PREP,
        clock=clock,
        seed=seed,
        empty_message=_("Tidak ada soal."),
    )


def start_mistakes(
    catalog: Catalog,
    store: ProgressStore,
    *,
    module_id: str | None = None,
    tag: str | None = None,
    clock: Clock | None = None,
    seed: int | None = None,
) -> QuizSession:
    """The questions last answered with a score below 1 (optionally one module or tag)."""
    items = mistake_items(catalog, store, module_id=module_id, tag=tag)
    title = _(TITLES[Mode.MISTAKES])
    if tag is not None:
        title = f"{title}: {tag}"
    elif module_id is not None:
        module = catalog.module(module_id)
        title = f"{title}: {module.title if module is not None else module_id}"
    return _start(
        catalog,
        store,
        items,
        Mode.MISTAKES,
        clock=clock or SystemClock(),
        seed=seed,
        empty_message=_("Tidak ada kesalahan untuk dilatih: jawaban terakhir Anda semuanya benar."),
        title=title,
    )
