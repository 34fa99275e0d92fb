"""A line-by-line front end for screen readers and very small terminals.

Everything is printed as plain lines and every choice is typed as a number followed by
Enter, so a screen reader reads each line once, in order, with nothing redrawn. It drives
the same domain as the TUI: the catalog, the progress store and the session engine.

Every screen starts with one line that says where the learner is ("Soal 3 dari 10 ·
Latihan BerAKHLAK"); at an answer prompt ``?`` repeats the question, ``u`` the options
and ``w`` the time left; ``q`` saves and goes back (and leaves the app at the main
menu). Decimals follow the interface language (a comma in Indonesian, a point in
English), as the TUI does. Every line is built when it is said, so choosing another
interface language from the menu switches the running session in place.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from latsar_tui import i18n
from latsar_tui.content.model import (
    BranchingQuestion,
    BranchStep,
    Catalog,
    MatchingQuestion,
    Module,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    ScenarioQuestion,
    ShortAnswerQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from latsar_tui.i18n import N_, _, ngettext
from latsar_tui.paths import Paths
from latsar_tui.plain.markdown import markdown_to_plain
from latsar_tui.plain.typed import letter, parse_pairs
from latsar_tui.quiz.scoring import InvalidAnswer, branching_breakdown
from latsar_tui.quiz.session import (
    Mode,
    PresentedQuestion,
    QuizSession,
    Scope,
    SessionError,
    SessionResult,
    TimeUp,
    load_result,
)
from latsar_tui.quiz.typed_answers import (
    accepted_lines,
    matching_answer_lines,
    pair_lines,
    typed_note,
)
from latsar_tui.review.due import due_summary
from latsar_tui.review.sessions import start_mistakes, start_review
from latsar_tui.review.stats import compute_statistics
from latsar_tui.review.text import number, overview_lines
from latsar_tui.settings import Settings, SettingsError, save_settings
from latsar_tui.store.db import StoreError
from latsar_tui.store.progress import DiskFull, ProgressStore

__all__ = ["PlainApp", "markdown_to_plain"]

InputFn = Callable[[str], str]
OutputFn = Callable[[str], None]

QUIT_WORDS = frozenset({"q", "keluar", "k"})
# Marked here, translated where said (N_): the language may change while the app runs.
MODE_NAMES = {
    Mode.PRACTICE: N_("Latihan"),
    Mode.EXAM: N_("Ujian"),
    Mode.REVIEW: N_("Ulangi"),
    Mode.EXAM_PREP: N_("Persiapan ujian"),
    Mode.MISTAKES: N_("Latihan kesalahan"),
}
RESUME_LABEL = N_("Lanjutkan sesi yang belum selesai")
# Bilingual on purpose: a learner who cannot read the current language still finds it.
LANGUAGE_LABEL = N_("Bahasa antarmuka / Interface language")
# The main menu lists five activities, then "Lanjutkan sesi" whenever one waits.
RESUME_NUMBER = 6


def _mode_name(mode: Mode) -> str:
    name = MODE_NAMES.get(mode)
    return _(name) if name else ""


def _language_name(code: str) -> str:
    """A language's own name ("English"), or the raw tag when it is not one we know."""
    return i18n.LANGUAGES.get(code, code)


class _Quit(Exception):
    """The learner typed q at a prompt: leave the current activity."""


class _Repeat(Exception):
    """The learner asked to hear something again (``?``, ``u`` or ``w``)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass
class PlainApp:
    """The plain front end; ``ask`` and ``say`` are injectable so tests can drive it."""

    catalog: Catalog
    store: ProgressStore
    settings: Settings = field(default_factory=Settings)
    ask: InputFn = input
    say: OutputFn = print
    # Where settings are saved (the exam date); None keeps changes for this run only.
    paths: Paths | None = None

    # --- prompts ----------------------------------------------------------------------

    def _read(self, prompt: str, repeats: str = "") -> str:
        """One typed line; ``repeats`` lists the letters that ask to hear something again."""
        try:
            reply = self.ask(prompt).strip()
        except EOFError as error:
            raise _Quit from error
        if reply.casefold() in QUIT_WORDS:
            raise _Quit
        if reply and reply.casefold() in repeats:
            raise _Repeat(reply.casefold())
        return reply

    def _choose(
        self,
        prompt: str,
        count: int,
        repeats: str = "",
        leaves: bool = False,
        line: str | None = None,
    ) -> int:
        """Ask for a number from 1 to count; returns a 0-based index.

        ``leaves``: q leaves the app here (the main menu) rather than going back.
        ``line``: the whole prompt with ``{count}``, where the bare word would be
        ambiguous in the catalogue ("Jawaban" is also a column of answer counts).
        """
        if line is None:
            line = (
                _("{prompt} (1-{count}, q keluar): ")
                if leaves
                else _("{prompt} (1-{count}, q kembali): ")
            )
        while True:
            reply = self._read(line.format(prompt=prompt, count=count), repeats)
            if reply.isdigit() and 1 <= int(reply) <= count:
                return int(reply) - 1
            self.say(_("Ketik angka 1 sampai {count}.").format(count=count))

    def _numbers(self, prompt: str, count: int, repeats: str = "") -> list[int]:
        """Ask for several numbers separated by spaces or commas; 0-based indices."""
        while True:
            reply = self._read(_("{prompt}: ").format(prompt=prompt), repeats)
            parts = [p for p in re.split(r"[\s,]+", reply) if p]
            if parts and all(p.isdigit() and 1 <= int(p) <= count for p in parts):
                return [int(p) - 1 for p in parts]
            self.say(_("Ketik angka 1 sampai {count}, dipisah spasi.").format(count=count))

    def _where(self, *parts: str) -> None:
        """The first line of every screen: where the learner is now."""
        shown: list[str] = []
        for part in parts:
            if part and part not in shown:  # "Ulangi · Ulangi" says nothing twice
                shown.append(part)
        self.say("")
        self.say(" · ".join(shown))

    # --- menus ------------------------------------------------------------------------

    def run(self) -> int:
        """The main menu loop; returns the exit status."""
        self.say(
            _(
                "Latsar TUI, mode teks. Ketik nomor lalu Enter. Di menu utama q keluar; "
                "di tempat lain q menyimpan dan kembali."
            )
        )
        if self.store.notice:
            self.say(self.store.notice)
        for broken in self.catalog.broken:
            error = broken.first_error
            self.say(
                _("Berkas rusak: {path}:{line}: {message}").format(
                    path=error.path, line=error.line, message=error.message
                )
            )
        try:
            return self._main_menu()
        except KeyboardInterrupt:
            self.say(
                _(
                    "Dihentikan. Jawaban yang sudah dikirim tetap tersimpan; sesi yang belum "
                    "selesai bisa dilanjutkan dari menu utama."
                )
            )
            return 130

    def _main_menu(self) -> int:
        while True:
            entries: list[tuple[str, Callable[[], None]]] = [
                (_("Baca materi"), self._lessons_menu),
                (_("Latihan soal"), lambda: self._quiz_menu(Mode.PRACTICE)),
                (_("Ujian"), lambda: self._quiz_menu(Mode.EXAM)),
                (self._review_label(), self._review),
                (_("Latihan kesalahan"), self._mistakes),
            ]
            if self.store.unfinished_attempts():
                entries.append((_(RESUME_LABEL), self._resume_menu))
            entries += [
                (_("Statistik"), self._statistics),
                (_("Riwayat"), self._history),
                (self._exam_date_label(), self._exam_date),
                (_(LANGUAGE_LABEL), self._language),
                (_("Keluar"), lambda: None),
            ]
            self._where(_("Menu utama"))
            for position, (label, _action) in enumerate(entries, start=1):
                self.say(f"{position}. {label}")
            try:
                index = self._choose(_("Pilihan"), len(entries), leaves=True)
            except _Quit:
                return 0
            if index == len(entries) - 1:
                return 0
            try:
                entries[index][1]()
            except _Quit:
                continue
            except StoreError as error:
                # Refused or not written (a full disk): said, and back to the menu.
                self.say(str(error))

    def _pick_module(self, where: str) -> Module:
        modules = self.catalog.modules_in_order()
        if not modules:
            self.say(_("Belum ada modul."))
            raise _Quit
        self._where(where, _("Pilih modul"))
        for position, module in enumerate(modules, start=1):
            read = len(self.store.lessons_read(module.id) & {le.id for le in module.lessons})
            self.say(
                _("{position}. {title} ({read} dari {total} materi dibaca)").format(
                    position=position,
                    title=self._module_title(module),
                    read=read,
                    total=len(module.lessons),
                )
            )
        return modules[self._choose(_("Modul"), len(modules))]

    def _module_title(self, module: Module) -> str:
        """The module's title, with its language's name when it is not the interface's.

        Content is never translated, so a learner is told before opening it (issue 13).
        """
        note = i18n.content_language_note(module.language)
        return f"{module.title} {note}" if note else module.title

    def _lessons_menu(self) -> None:
        module = self._pick_module(_("Baca materi"))
        self._where(_("Baca materi"), self._module_title(module), _("Pilih materi"))
        for position, lesson in enumerate(module.lessons, start=1):
            self.say(f"{position}. {lesson.title}")
        index = self._choose(_("Materi"), len(module.lessons))
        while True:
            lesson = module.lessons[index]
            self._where(
                _("Materi {number} dari {total}").format(
                    number=index + 1, total=len(module.lessons)
                ),
                module.title,
            )
            self.say(lesson.title)
            self.say(markdown_to_plain(lesson.body))
            if lesson.key_points:
                self.say(_("Poin penting:"))
                for point in lesson.key_points:
                    self.say(f"- {point}")
            for source_id in lesson.sources:
                source = module.source(source_id)
                if source is not None:
                    url = f" ({source.url})" if source.url else ""
                    self.say(_("Sumber: {title}{url}").format(title=source.title, url=url))
            self.store.mark_lesson_read(module.id, lesson.id)
            self.say(_("Akhir materi. Materi ini tercatat sudah dibaca."))
            reply = self._read(_("Enter: materi berikutnya, p: sebelumnya, q: kembali: "))
            if reply.casefold() == "p":
                index = max(0, index - 1)
            elif index + 1 < len(module.lessons):
                index += 1
            else:
                self.say(_("Ini materi terakhir modul ini."))
                return

    def _quiz_menu(self, mode: Mode) -> None:
        banks = self.catalog.banks
        if not banks:
            self.say(_("Belum ada bank soal."))
            return
        self._where(_mode_name(mode), _("Pilih bank soal"))
        for position, bank in enumerate(banks, start=1):
            count = len(bank.questions)
            if mode is Mode.EXAM and bank.time_limit_minutes:
                minutes = bank.time_limit_minutes
                line = ngettext(
                    "{position}. {title} ({count} soal, {minutes} menit)",
                    "{position}. {title} ({count} soal, {minutes} menit)",
                    count,
                ).format(position=position, title=bank.title, count=count, minutes=minutes)
            else:
                line = ngettext(
                    "{position}. {title} ({count} soal)",
                    "{position}. {title} ({count} soal)",
                    count,
                ).format(position=position, title=bank.title, count=count)
            self.say(line)
        bank = banks[self._choose(_("Bank soal"), len(banks))]
        try:
            session = QuizSession.start(self.catalog, self.store, Scope(bank_id=bank.id), mode)
        except SessionError as error:
            self.say(_("Sesi tidak bisa dimulai: {error}").format(error=error))
            return
        self._play(session)

    def _review_label(self) -> str:
        summary = due_summary(self.catalog, self.store, self.settings, datetime.now(UTC))
        size = summary.session_size
        return ngettext(
            "Ulangi ({count} soal untuk hari ini)", "Ulangi ({count} soal untuk hari ini)", size
        ).format(count=size)

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
        self._where(_(RESUME_LABEL))
        for position, attempt in enumerate(attempts, start=1):
            self.say(f"{position}. {attempt.title}")
        attempt = attempts[self._choose(_("Sesi"), len(attempts))]
        try:
            session = QuizSession.resume(self.catalog, self.store, attempt.id)
        except SessionError as error:
            self.say(_("Sesi tidak bisa dilanjutkan: {error}").format(error=error))
            return
        self._play(session)

    # --- statistics, history, exam date ------------------------------------------------

    def _statistics(self) -> None:
        stats = compute_statistics(self.catalog, self.store, self.settings, datetime.now(UTC))
        self._where(_("Statistik"))
        for line in overview_lines(stats):
            self.say(line)
        for row in stats.by_module:
            if row.total:
                self.say(
                    ngettext(
                        "Modul {title}: {answered} dari {total} soal pernah dijawab, "
                        "penguasaan {mastery} persen.",
                        "Modul {title}: {answered} dari {total} soal pernah dijawab, "
                        "penguasaan {mastery} persen.",
                        row.total,
                    ).format(
                        title=row.title,
                        answered=row.answered,
                        total=row.total,
                        mastery=round(row.mastery),
                    )
                )
        self._read(_("Enter: kembali ke menu utama: "))

    def _history(self) -> None:
        attempts = self.store.finished_attempts(limit=20)
        self._where(_("Riwayat"))
        if not attempts:
            self.say(_("Belum ada sesi yang selesai."))
            return
        for position, attempt in enumerate(attempts, start=1):
            when = attempt.finished_at.date().isoformat() if attempt.finished_at else ""
            self.say(f"{position}. {when} {attempt.title}: {self._attempt_outcome(attempt.id)}")
        index = self._choose(_("Buka hasil sesi"), len(attempts))
        self._report(load_result(self.catalog, self.store, attempts[index].id))

    def _attempt_outcome(self, attempt_id: int) -> str:
        result = load_result(self.catalog, self.store, attempt_id)
        percent = number(result.percent, 0)
        if result.passed is None:
            return _("{percent} persen").format(percent=percent)
        if result.passed:
            return _("{percent} persen, lulus").format(percent=percent)
        return _("{percent} persen, belum lulus").format(percent=percent)

    def _exam_date_label(self) -> str:
        if self.settings.exam_date is None:
            return _("Tanggal ujian (belum diatur)")
        return _("Tanggal ujian ({date})").format(date=self.settings.exam_date.isoformat())

    def _exam_date(self) -> None:
        self._where(_("Tanggal ujian"))
        current = self.settings.exam_date
        self.say(
            _("Tanggal ujian sekarang: {date}.").format(date=current.isoformat())
            if current
            else _("Tanggal ujian belum diatur.")
        )
        while True:
            reply = self._read(_("Tanggal baru TTTT-BB-HH, '-' untuk menghapus, q kembali: "))
            try:
                updated = self.settings.with_exam_date("" if reply == "-" else reply)
            except SettingsError as error:
                self.say(str(error))
                continue
            if not reply:
                self.say(_("Tidak ada yang diubah."))
                return
            self.settings = updated
            if self.paths is not None:
                save_settings(self.paths, updated)
            when = updated.exam_date.isoformat() if updated.exam_date else None
            self.say(
                _("Tanggal ujian disimpan: {date}.").format(date=when)
                if when
                else _("Tanggal ujian dihapus.")
            )
            return

    def _language(self) -> None:
        """Choose the interface language: saved, and used from the next line on."""
        self._where(_(LANGUAGE_LABEL))
        current = i18n.current_language()
        self.say(_("Bahasa antarmuka sekarang: {name}.").format(name=_language_name(current)))
        codes = list(i18n.LANGUAGES)
        for position, code in enumerate(codes, start=1):
            self.say(f"{position}. {_language_name(code)} ({code})")
        code = codes[self._choose(_("Bahasa"), len(codes))]
        saved = self.settings.language or i18n.DEFAULT_LANGUAGE
        if code == current and code == saved:
            self.say(_("Tidak ada yang diubah."))
            return
        updated = self.settings.with_language(code)
        self.settings = updated
        if self.paths is not None:
            save_settings(self.paths, updated)
        # Plain mode builds every line when it says it, so the switch is immediate.
        used = i18n.setup(code)
        name = _language_name(code)
        if self.paths is not None:
            self.say(
                _(
                    "Bahasa antarmuka disimpan: {name}. Konten tetap dalam bahasa aslinya; "
                    "progres dan pengaturan lain tidak berubah."
                ).format(name=name)
            )
        else:
            self.say(_("Bahasa antarmuka untuk sesi ini saja: {name}.").format(name=name))
        if used != code:
            self.say(
                _("Terjemahan {name} tidak terpasang; antarmuka tetap {used}.").format(
                    name=name, used=_language_name(used)
                )
            )
        forced = os.environ.get("LATSAR_LANG", "")
        if i18n.normalise(forced) not in (None, code):
            self.say(
                _(
                    "Catatan: LATSAR_LANG={value} tetap didahulukan saat aplikasi dimulai lagi."
                ).format(value=forced)
            )

    # --- a quiz -----------------------------------------------------------------------

    def _play(self, session: QuizSession) -> None:
        self._where(_mode_name(session.mode), session.title)
        self.say(
            ngettext("{count} soal.", "{count} soal.", session.total).format(count=session.total)
        )
        if session.time_limit is not None:
            minutes = int(session.time_limit.total_seconds() // 60)
            self.say(
                ngettext(
                    "Batas waktu {minutes} menit.", "Batas waktu {minutes} menit.", minutes
                ).format(minutes=minutes)
            )
        self.say(
            _(
                "Ketik nomor jawaban lalu Enter. ? mengulang soal, u mengulang pilihan, "
                "w sisa waktu, q menyimpan dan kembali."
            )
        )
        try:
            while (presented := session.current()) is not None:
                try:
                    self._ask_question(session, presented)
                except DiskFull as error:
                    # Not kept; from now on answers stay in memory: the same question
                    # comes again.
                    self.say(str(error))
                    continue
                # An exam stays on an answered question; here it goes on to the next
                # unanswered one and is submitted once none is left.
                if session.free_navigation and not session.go_to_next_unanswered():
                    break
        except _Quit:
            session.checkpoint()
            if not self.store.saving:
                self.say(
                    _(
                        "Sesi ditinggalkan. Latsar hanya-baca: jawaban sejak itu tidak "
                        "disimpan dan hilang saat aplikasi ditutup."
                    )
                )
                return
            answered = session.answered_count
            self.say(
                ngettext(
                    "Sesi disimpan; {answered} jawaban sudah tersimpan. Lanjutkan "
                    "dari menu utama, pilihan {number}: {label}.",
                    "Sesi disimpan; {answered} jawaban sudah tersimpan. Lanjutkan "
                    "dari menu utama, pilihan {number}: {label}.",
                    answered,
                ).format(answered=answered, number=RESUME_NUMBER, label=_(RESUME_LABEL))
            )
            return
        except TimeUp:
            self.say(_("Waktu habis. Jawaban yang sudah masuk dinilai."))
        try:
            result = session.finish()
        except DiskFull as error:
            self.say(str(error))
            result = session.finish()  # now kept in memory
        self._report(result)

    def _time_line(self, session: QuizSession) -> str:
        left = session.time_left()
        if left is None:
            return _("Sesi ini tanpa batas waktu.")
        minutes, seconds = divmod(int(left.total_seconds()), 60)
        return _("Sisa waktu {minutes} menit {seconds} detik.").format(
            minutes=minutes, seconds=seconds
        )

    def _say_question(self, q: Question) -> None:
        if q.context:
            self.say(_("Situasi: {text}").format(text=markdown_to_plain(q.context)))
        self.say(markdown_to_plain(q.prompt))

    def _answered(
        self,
        session: QuizSession,
        q: Question,
        show_options: Callable[[], None],
        get: Callable[[str], object],
    ) -> object:
        """Show the options and read an answer, repeating what the learner asks for."""
        show_options()
        while True:
            try:
                return get("?uw")
            except _Repeat as repeat:
                if repeat.what == "?":
                    self._say_question(q)
                    show_options()
                elif repeat.what == "u":
                    show_options()
                else:
                    self.say(self._time_line(session))

    def _ask_question(self, session: QuizSession, presented: PresentedQuestion) -> None:
        q = presented.question
        mode = _mode_name(session.mode)
        where = _("Soal {number} dari {total}").format(
            number=presented.position + 1, total=session.total
        )
        self._where(where, mode, session.title)
        if session.time_limit is not None:
            self.say(self._time_line(session))
        if isinstance(q, BranchingQuestion):
            if q.context:
                self.say(_("Situasi: {text}").format(text=markdown_to_plain(q.context)))
            self._play_branching(session, presented, q)
            return
        self._say_question(q)
        if isinstance(q, TrueFalseQuestion):

            def show_tf() -> None:
                self.say(_("1. Benar"))
                self.say(_("2. Salah"))

            def get_tf(repeats: str) -> object:
                while True:
                    reply = self._read(_("Jawaban (1 atau b Benar, 2 atau s Salah): "), repeats)
                    if reply.casefold() in ("1", "b", "benar"):
                        return True
                    if reply.casefold() in ("2", "s", "salah"):
                        return False
                    self.say(_("Ketik 1 atau b untuk Benar, 2 atau s untuk Salah."))

            answer = self._answered(session, q, show_tf, get_tf)
        elif isinstance(q, SingleQuestion | ScenarioQuestion | MultipleQuestion):
            options = q.options

            def show_options() -> None:
                for position, canonical in enumerate(presented.order, start=1):
                    self.say(f"{position}. {options[canonical].text}")
                if isinstance(q, MultipleQuestion):
                    self.say(_("Pilih semua yang benar."))

            count = len(presented.order)
            if isinstance(q, MultipleQuestion):

                def get_many(repeats: str) -> object:
                    picks = self._numbers(_("Nomor jawaban, dipisah spasi"), count, repeats)
                    return frozenset(presented.canonical(i) for i in picks)

                answer = self._answered(session, q, show_options, get_many)
            else:

                def get_one(repeats: str) -> object:
                    line = _("Jawaban (1-{count}, q kembali): ")
                    return presented.canonical(self._choose("", count, repeats, line=line))

                answer = self._answered(session, q, show_options, get_one)
        elif isinstance(q, ShortAnswerQuestion):
            answer = self._answered(session, q, lambda: None, self._get_typed)
        elif isinstance(q, MatchingQuestion):
            answer = self._ask_matching(session, q, presented)
        else:
            assert isinstance(q, OrderingQuestion)
            answer = self._ask_ordering(session, q, presented)
        outcome = session.answer(answer)  # type: ignore[arg-type]
        self.say(_("Jawaban tersimpan."))
        if session.mode is not Mode.EXAM:
            self._feedback(q, outcome.answer, outcome.score)

    def _get_typed(self, repeats: str) -> object:
        # Nothing is stored until a non-empty line is sent: a half-typed answer never is.
        while True:
            reply = self._read(_("Jawaban Anda (ketik lalu Enter): "), repeats)
            if reply:
                return reply
            self.say(_("Ketik jawaban Anda; jawaban kosong tidak dikirim."))

    def _ask_matching(
        self, session: QuizSession, q: MatchingQuestion, presented: PresentedQuestion
    ) -> tuple[int, ...]:
        rights = q.rights

        def show_sides() -> None:
            for left_no, pair in enumerate(q.pairs, start=1):
                self.say(f"{left_no}. {pair.left}")
            self.say(_("Pasangannya:"))
            for position, canonical in enumerate(presented.order):
                self.say(f"{letter(position)}. {rights[canonical]}")

        def get_pairs(repeats: str) -> object:
            while True:
                prompt = _("Jodohkan, misalnya 1{first} 2{second} (tiap nomor sekali): ")
                reply = self._read(prompt.format(first=letter(0), second=letter(1)), repeats)
                picks = parse_pairs(reply, len(q.pairs), len(presented.order))
                if isinstance(picks, list):
                    return tuple(presented.canonical(i) for i in picks)
                self.say(picks)

        result = self._answered(session, q, show_sides, get_pairs)
        assert isinstance(result, tuple)
        return result

    def _ask_ordering(
        self, session: QuizSession, q: OrderingQuestion, presented: PresentedQuestion
    ) -> tuple[int, ...]:
        count = len(presented.order)

        def show_items() -> None:
            for position, canonical in enumerate(presented.order, start=1):
                self.say(f"{position}. {q.items[canonical]}")

        def get_order(repeats: str) -> object:
            while True:
                prompt = _(
                    "Urutan menurut Anda: ketik {count} nomor dari yang pertama, dipisah spasi"
                )
                picks = self._numbers(prompt.format(count=count), count, repeats)
                if sorted(picks) == list(range(count)):
                    return tuple(presented.canonical(i) for i in picks)
                self.say(
                    _("Sebutkan setiap nomor 1 sampai {count} tepat satu kali.").format(count=count)
                )

        result = self._answered(session, q, show_items, get_order)
        assert isinstance(result, tuple)
        return result

    def _play_branching(
        self, session: QuizSession, presented: PresentedQuestion, q: BranchingQuestion
    ) -> None:
        # A case left half-way is continued where it stopped, with the steps replayed.
        choices = list(session.branch_progress())
        step = q.step(q.start)
        if choices:
            self.say(_("Melanjutkan kasus. Langkah yang sudah Anda ambil:"))
        for index in choices:
            picked = step.choices[index]
            self.say(f"- {picked.text}")
            if picked.next is not None:
                step = q.step(picked.next)
        while True:
            picked_index = self._ask_step(session, presented, step, len(choices) + 1)
            choices.append(picked_index)
            picked = step.choices[picked_index]
            if session.mode is not Mode.EXAM:
                self.say(_("Akibatnya: {feedback}").format(feedback=picked.feedback))
            if picked.next is None:
                break
            session.save_branch_progress(choices)
            step = q.step(picked.next)
        try:
            outcome = session.answer(tuple(choices))
        except InvalidAnswer as error:  # the validator rules this out; say so plainly
            self.say(_("Jawaban tidak dapat dinilai: {error}").format(error=error))
            return
        self.say(_("Jawaban tersimpan."))
        if session.mode is not Mode.EXAM:
            parts = branching_breakdown(q, choices)
            for part in parts:
                self.say(
                    ngettext(
                        "Langkah {number}: {earned} dari {best} poin.",
                        "Langkah {number}: {earned} dari {best} poin.",
                        part.best,
                    ).format(number=part.number, earned=part.earned, best=part.best)
                )
            earned = sum(part.earned for part in parts)
            possible = sum(part.best for part in parts)
            self.say(
                _(
                    "Poin Anda {earned} dari {possible} yang mungkin di langkah yang Anda lalui."
                ).format(earned=earned, possible=possible)
            )
            self._feedback(q, outcome.answer, outcome.score)

    def _ask_step(
        self, session: QuizSession, presented: PresentedQuestion, step: BranchStep, number: int
    ) -> int:
        """One decision of a case, choices in the session's order; the canonical index."""
        shown = presented.step_order(step.id)

        def show_step() -> None:
            self.say(_("Langkah {number}.").format(number=number))
            self.say(markdown_to_plain(step.text))
            for position, canonical in enumerate(shown, start=1):
                self.say(f"{position}. {step.choices[canonical].text}")

        def get_choice(repeats: str) -> object:
            return shown[self._choose(_("Pilihan"), len(shown), repeats)]

        picked = self._answered(session, presented.question, show_step, get_choice)
        assert isinstance(picked, int)
        return picked

    def _feedback(self, q: object, answer: object, score: float) -> None:
        # A TKP item has no wrong option: its points say everything, so no verdict word.
        if not isinstance(q, ScenarioQuestion):
            if score >= 1:
                verdict = _("Benar.")
            elif score > 0:
                verdict = _("Sebagian benar, nilai {percent} persen.").format(
                    percent=round(score * 100)
                )
            else:
                verdict = _("Kurang tepat.")
            self.say(verdict)
        if isinstance(q, SingleQuestion):
            chosen = q.options[answer] if isinstance(answer, int) else None
            if chosen is not None and chosen.feedback:
                self.say(chosen.feedback)
            if score < 1:
                self.say(
                    _("Jawaban yang benar: {answer}").format(answer=q.options[q.correct_index].text)
                )
        elif isinstance(q, ScenarioQuestion) and isinstance(answer, int):
            self.say(
                _("Pilihan Anda bernilai {score} dari 5.").format(score=q.options[answer].score)
            )
            for option in sorted(q.options, key=lambda o: -o.score):
                self.say(
                    ngettext("{score} poin: {text}", "{score} poin: {text}", option.score).format(
                        score=option.score, text=option.text
                    )
                )
                self.say(f"  {option.feedback}")
        elif isinstance(q, MultipleQuestion):
            right = [q.options[i].text for i in sorted(q.correct_indices)]
            self.say(_("Jawaban yang benar: {answer}").format(answer="; ".join(right)))
        elif isinstance(q, TrueFalseQuestion):
            self.say(_("Pernyataan ini benar.") if q.answer else _("Pernyataan ini salah."))
            extra = q.feedback_true if answer is True else q.feedback_false
            if extra:
                self.say(extra)
        elif isinstance(q, ShortAnswerQuestion) and isinstance(answer, str):
            note = typed_note(q, answer)
            if note:
                self.say(note + ".")
            for line in accepted_lines(q):
                self.say(line)
            if score <= 0 and q.feedback_wrong:
                self.say(q.feedback_wrong)
        elif isinstance(q, MatchingQuestion) and isinstance(answer, tuple):
            for line in matching_answer_lines(q, answer):
                self.say(line)
            if score < 1:
                self.say(_("Pasangan yang benar:"))
                for line in pair_lines(q):
                    self.say(line)
        elif isinstance(q, OrderingQuestion) and score < 1:
            self.say(_("Urutan yang benar:"))
            for position, item in enumerate(q.items, start=1):
                self.say(f"{position}. {item}")
        explanation = getattr(q, "explanation", "")
        if explanation:
            self.say(_("Penjelasan: {text}").format(text=markdown_to_plain(explanation)))
        lesson = getattr(q, "lesson", None)
        if lesson and score < 1:
            self.say(
                _("Materi untuk dibaca ulang: {lesson}.").format(lesson=self._lesson_title(lesson))
            )

    def _lesson_title(self, lesson_id: str) -> str:
        for module in self.catalog.modules:
            lesson = module.lesson(lesson_id)
            if lesson is not None:
                return _("{lesson} (modul {module}, menu 1)").format(
                    lesson=lesson.title, module=module.title
                )
        return lesson_id

    def _report(self, result: SessionResult) -> None:
        self._where(_("Hasil"), result.title)
        self.say(
            ngettext(
                "Nilai {percent} persen, {points} dari {total} poin, "
                "{answered} dari {total} soal dijawab.",
                "Nilai {percent} persen, {points} dari {total} poin, "
                "{answered} dari {total} soal dijawab.",
                result.total,
            ).format(
                percent=number(result.percent, 1),
                points=number(result.points, 1),
                total=result.total,
                answered=result.answered,
            )
        )
        if result.passed is not None:
            line = (
                _("Lulus (batas lulus {mark} persen).")
                if result.passed
                else _("Belum lulus (batas lulus {mark} persen).")
            )
            self.say(line.format(mark=result.pass_mark))
        for tag, percent in sorted(result.by_tag.items()):
            self.say(
                _("Topik {tag}: {percent} persen.").format(tag=tag, percent=number(percent, 0))
            )
        if self.store.saving:
            self.say(_("Hasil ini tersimpan di Riwayat."))
        else:
            self.say(
                _(
                    "Hasil ini tidak disimpan: Latsar hanya-baca, jawaban hanya diingat "
                    "sampai aplikasi ditutup."
                )
            )
