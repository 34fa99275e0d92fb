"""A line-by-line front end for screen readers and very small terminals.

Everything is printed as plain lines and every choice is typed as a number followed by
Enter, so a screen reader reads each line once, in order, with nothing redrawn. It drives
the same domain as the TUI: the catalog, the progress store and the session engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from latsar_tui.content.model import (
    BranchingQuestion,
    Catalog,
    Module,
    MultipleQuestion,
    OrderingQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.quiz.scoring import InvalidAnswer, branching_max_points, branching_points
from latsar_tui.quiz.session import (
    Mode,
    PresentedQuestion,
    QuizSession,
    Scope,
    SessionError,
    SessionResult,
    TimeUp,
)
from latsar_tui.review.due import due_summary
from latsar_tui.review.sessions import start_mistakes, start_review
from latsar_tui.settings import Settings
from latsar_tui.store.progress import ProgressStore

InputFn = Callable[[str], str]
OutputFn = Callable[[str], None]

QUIT_WORDS = frozenset({"q", "keluar", "k"})


class _Quit(Exception):
    """The learner typed q at a prompt: leave the current activity."""


def markdown_to_plain(text: str) -> str:
    """Markdown as plain lines: heading marks, emphasis and code ticks removed."""
    lines = []
    for raw in text.splitlines():
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", raw)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1", line)
        lines.append(line.replace("`", ""))
    return "\n".join(lines).strip()


@dataclass
class PlainApp:
    """The plain front end; ``ask`` and ``say`` are injectable so tests can drive it."""

    catalog: Catalog
    store: ProgressStore
    settings: Settings = field(default_factory=Settings)
    ask: InputFn = input
    say: OutputFn = print

    # --- prompts ----------------------------------------------------------------------

    def _read(self, prompt: str) -> str:
        try:
            reply = self.ask(prompt).strip()
        except EOFError as error:
            raise _Quit from error
        if reply.casefold() in QUIT_WORDS:
            raise _Quit
        return reply

    def _choose(self, prompt: str, count: int) -> int:
        """Ask for a number from 1 to count; returns a 0-based index."""
        while True:
            reply = self._read(f"{prompt} (1-{count}, q untuk kembali): ")
            if reply.isdigit() and 1 <= int(reply) <= count:
                return int(reply) - 1
            self.say(f"Ketik angka 1 sampai {count}.")

    def _numbers(self, prompt: str, count: int) -> list[int]:
        """Ask for several numbers separated by spaces or commas; 0-based indices."""
        while True:
            reply = self._read(f"{prompt}: ")
            parts = [p for p in re.split(r"[\s,]+", reply) if p]
            if parts and all(p.isdigit() and 1 <= int(p) <= count for p in parts):
                return [int(p) - 1 for p in parts]
            self.say(f"Ketik angka 1 sampai {count}, dipisah spasi.")

    # --- menus ------------------------------------------------------------------------

    def run(self) -> int:
        """The main menu loop; returns the exit status."""
        self.say("Latsar TUI, mode teks. Ketik angka lalu Enter. Ketik q untuk kembali.")
        if self.store.notice:
            self.say(self.store.notice)
        for broken in self.catalog.broken:
            error = broken.first_error
            self.say(f"Berkas rusak: {error.path}:{error.line}: {error.message}")
        while True:
            entries: list[tuple[str, Callable[[], None]]] = [
                ("Baca materi", self._lessons_menu),
                ("Latihan soal", lambda: self._quiz_menu(Mode.PRACTICE)),
                ("Ujian", lambda: self._quiz_menu(Mode.EXAM)),
                (self._review_label(), self._review),
                ("Latihan kesalahan", self._mistakes),
            ]
            if self.store.unfinished_attempts():
                entries.append(("Lanjutkan sesi yang belum selesai", self._resume_menu))
            entries.append(("Keluar", lambda: None))
            self.say("")
            self.say("Menu utama:")
            for number, (label, _) in enumerate(entries, start=1):
                self.say(f"{number}. {label}")
            try:
                index = self._choose("Pilihan", len(entries))
            except _Quit:
                return 0
            if index == len(entries) - 1:
                return 0
            try:
                entries[index][1]()
            except _Quit:
                continue

    def _pick_module(self) -> Module:
        modules = self.catalog.modules_in_order()
        if not modules:
            self.say("Belum ada modul.")
            raise _Quit
        self.say("Modul:")
        for number, module in enumerate(modules, start=1):
            read = len(self.store.lessons_read(module.id) & {le.id for le in module.lessons})
            self.say(f"{number}. {module.title} ({read} dari {len(module.lessons)} materi dibaca)")
        return modules[self._choose("Modul", len(modules))]

    def _lessons_menu(self) -> None:
        module = self._pick_module()
        index = 0
        self.say("Materi:")
        for number, lesson in enumerate(module.lessons, start=1):
            self.say(f"{number}. {lesson.title}")
        index = self._choose("Materi", len(module.lessons))
        while True:
            lesson = module.lessons[index]
            self.say("")
            self.say(f"Materi {index + 1} dari {len(module.lessons)}: {lesson.title}")
            self.say(markdown_to_plain(lesson.body))
            if lesson.key_points:
                self.say("Poin penting:")
                for point in lesson.key_points:
                    self.say(f"- {point}")
            for source_id in lesson.sources:
                source = module.source(source_id)
                if source is not None:
                    url = f" ({source.url})" if source.url else ""
                    self.say(f"Sumber: {source.title}{url}")
            self.store.mark_lesson_read(module.id, lesson.id)
            self.say("Akhir materi.")
            reply = self._read("Enter: materi berikutnya, p: sebelumnya, q: kembali: ")
            if reply.casefold() == "p":
                index = max(0, index - 1)
            elif index + 1 < len(module.lessons):
                index += 1
            else:
                self.say("Ini materi terakhir modul ini.")
                return

    def _quiz_menu(self, mode: Mode) -> None:
        banks = self.catalog.banks
        if not banks:
            self.say("Belum ada bank soal.")
            return
        self.say("Bank soal:")
        for number, bank in enumerate(banks, start=1):
            self.say(f"{number}. {bank.title} ({len(bank.questions)} soal)")
        bank = banks[self._choose("Bank soal", len(banks))]
        try:
            session = QuizSession.start(self.catalog, self.store, Scope(bank_id=bank.id), mode)
        except SessionError as error:
            self.say(f"Sesi tidak bisa dimulai: {error}")
            return
        self._play(session)

    def _review_label(self) -> str:
        summary = due_summary(self.catalog, self.store, self.settings, datetime.now(UTC))
        return f"Ulangi ({summary.session_size} soal untuk hari ini)"

    def _review(self) -> None:
        try:
            session = start_review(self.catalog, self.store, self.settings)
        except SessionError as error:
            self.say(str(error))
            return
        self._play(session)

    def _mistakes(self) -> None:
        try:
            session = start_mistakes(self.catalog, self.store)
        except SessionError as error:
            self.say(str(error))
            return
        self._play(session)

    def _resume_menu(self) -> None:
        attempts = self.store.unfinished_attempts()
        self.say("Sesi yang belum selesai:")
        for number, attempt in enumerate(attempts, start=1):
            self.say(f"{number}. {attempt.title}")
        attempt = attempts[self._choose("Sesi", len(attempts))]
        try:
            session = QuizSession.resume(self.catalog, self.store, attempt.id)
        except SessionError as error:
            self.say(f"Sesi tidak bisa dilanjutkan: {error}")
            return
        self._play(session)

    # --- a quiz -----------------------------------------------------------------------

    def _play(self, session: QuizSession) -> None:
        self.say(f"{session.title}. {session.total} soal.")
        if session.time_limit is not None:
            self.say(f"Batas waktu {int(session.time_limit.total_seconds() // 60)} menit.")
        try:
            while (presented := session.current()) is not None:
                self._ask_question(session, presented)
                # An exam stays on an answered question; here it goes on to the next
                # unanswered one and is submitted once none is left.
                if session.free_navigation and not session.go_to_next_unanswered():
                    break
        except _Quit:
            session.checkpoint()
            self.say("Sesi disimpan. Anda bisa melanjutkannya dari menu utama.")
            return
        except TimeUp:
            self.say("Waktu habis. Jawaban yang sudah masuk dinilai.")
        self._report(session.finish())

    def _ask_question(self, session: QuizSession, presented: PresentedQuestion) -> None:
        q = presented.question
        self.say("")
        left = session.time_left()
        timer = f", sisa waktu {int(left.total_seconds() // 60)} menit" if left else ""
        self.say(f"Soal {presented.position + 1} dari {session.total}{timer}.")
        if q.context:
            self.say("Situasi: " + markdown_to_plain(q.context))
        if isinstance(q, BranchingQuestion):
            self._play_branching(session, q)
            return
        self.say(markdown_to_plain(q.prompt))
        if isinstance(q, TrueFalseQuestion):
            self.say("1. Benar")
            self.say("2. Salah")
            outcome = session.answer(self._choose("Jawaban", 2) == 0)
        elif isinstance(q, SingleQuestion | ScenarioQuestion):
            for number, canonical in enumerate(presented.order, start=1):
                self.say(f"{number}. {q.options[canonical].text}")
            choice = self._choose("Jawaban", len(presented.order))
            outcome = session.answer(presented.canonical(choice))
        elif isinstance(q, MultipleQuestion):
            for number, canonical in enumerate(presented.order, start=1):
                self.say(f"{number}. {q.options[canonical].text}")
            self.say("Pilih semua yang benar.")
            picks = self._numbers("Nomor jawaban, dipisah spasi", len(presented.order))
            outcome = session.answer(frozenset(presented.canonical(i) for i in picks))
        else:
            outcome = session.answer(self._ask_ordering(q, presented))
        if session.mode is not Mode.EXAM:
            self._feedback(q, outcome.answer, outcome.score)

    def _ask_ordering(self, q: OrderingQuestion, presented: PresentedQuestion) -> tuple[int, ...]:
        for number, canonical in enumerate(presented.order, start=1):
            self.say(f"{number}. {q.items[canonical]}")
        count = len(presented.order)
        while True:
            picks = self._numbers(f"Urutan yang benar, {count} nomor dipisah spasi", count)
            if sorted(picks) == list(range(count)):
                return tuple(presented.canonical(i) for i in picks)
            self.say(f"Sebutkan setiap nomor 1 sampai {count} tepat satu kali.")

    def _play_branching(self, session: QuizSession, q: BranchingQuestion) -> None:
        # A case left half-way is continued where it stopped, with the steps replayed.
        choices = list(session.branch_progress())
        step = q.step(q.start)
        if choices:
            self.say("Melanjutkan kasus. Langkah yang sudah Anda ambil:")
        for index in choices:
            picked = step.choices[index]
            self.say(f"- {picked.text}")
            if picked.next is not None:
                step = q.step(picked.next)
        while True:
            self.say(markdown_to_plain(step.text))
            for number, choice in enumerate(step.choices, start=1):
                self.say(f"{number}. {choice.text}")
            index = self._choose("Pilihan", len(step.choices))
            choices.append(index)
            picked = step.choices[index]
            if session.mode is not Mode.EXAM:
                self.say(f"Akibatnya: {picked.feedback}")
            if picked.next is None:
                break
            session.save_branch_progress(choices)
            step = q.step(picked.next)
        try:
            outcome = session.answer(tuple(choices))
        except InvalidAnswer as error:  # the validator rules this out; say so plainly
            self.say(f"Jawaban tidak dapat dinilai: {error}")
            return
        if session.mode is not Mode.EXAM:
            earned = branching_points(q, choices)
            best = branching_max_points(q)
            self.say(f"Poin Anda {earned} dari {best} yang mungkin.")
            self._feedback(q, outcome.answer, outcome.score)

    def _feedback(self, q: object, answer: object, score: float) -> None:
        # A TKP item has no wrong option: its points say everything, so no verdict word.
        if not isinstance(q, ScenarioQuestion):
            if score >= 1:
                verdict = "Benar."
            elif score > 0:
                verdict = f"Sebagian benar, nilai {round(score * 100)} persen."
            else:
                verdict = "Kurang tepat."
            self.say(verdict)
        if isinstance(q, SingleQuestion):
            chosen = q.options[answer] if isinstance(answer, int) else None
            if chosen is not None and chosen.feedback:
                self.say(chosen.feedback)
            if score < 1:
                self.say(f"Jawaban yang benar: {q.options[q.correct_index].text}")
        elif isinstance(q, ScenarioQuestion) and isinstance(answer, int):
            self.say(f"Pilihan Anda bernilai {q.options[answer].score} dari 5.")
            for option in sorted(q.options, key=lambda o: -o.score):
                self.say(f"{option.score} poin: {option.text}")
                self.say(f"  {option.feedback}")
        elif isinstance(q, MultipleQuestion):
            right = [q.options[i].text for i in sorted(q.correct_indices)]
            self.say("Jawaban yang benar: " + "; ".join(right))
        elif isinstance(q, TrueFalseQuestion):
            self.say("Pernyataan ini " + ("benar." if q.answer else "salah."))
            extra = q.feedback_true if answer is True else q.feedback_false
            if extra:
                self.say(extra)
        elif isinstance(q, OrderingQuestion) and score < 1:
            self.say("Urutan yang benar:")
            for number, item in enumerate(q.items, start=1):
                self.say(f"{number}. {item}")
        explanation = getattr(q, "explanation", "")
        if explanation:
            self.say("Penjelasan: " + markdown_to_plain(explanation))

    def _report(self, result: SessionResult) -> None:
        self.say("")
        self.say(f"Selesai: {result.title}.")
        self.say(
            f"Nilai {result.percent:.0f} persen, {result.points:.1f} dari {result.total} poin, "
            f"{result.answered} soal dijawab."
        )
        if result.passed is not None:
            verdict = "LULUS" if result.passed else "BELUM LULUS"
            self.say(f"{verdict} (batas lulus {result.pass_mark} persen).")
        for tag, percent in sorted(result.by_tag.items()):
            self.say(f"Topik {tag}: {percent:.0f} persen.")
