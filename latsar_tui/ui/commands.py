"""Command palette (Ctrl+P) entries: every module, lesson and bank, every screen and
the review sessions; and the palette itself with its texts in Indonesian.

Titles come from YAML, so hits are built as literal ``Content`` and highlighted by
hand: Textual's ``Matcher.highlight`` would read them as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from latsar_tui.i18n import LANGUAGES, _, current_language

NO_MATCHES = _("Tidak ada yang cocok")
PLACEHOLDER = _("Cari perintah, modul, pelajaran, bank soal…")


class LatsarPalette(CommandPalette):
    """Textual's palette with its own words in Indonesian."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("placeholder", PLACEHOLDER)
        super().__init__(**kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own method, with the message translated (it has no parameter).
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(NO_MATCHES, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


class LatsarCommands(Provider):
    """Go to a module, start a bank's quiz, or open one of the app's screens."""

    def _entries(self) -> Iterator[tuple[str, Callable[[], Any], str]]:
        app: Any = self.app
        yield _("Layar: Beranda"), app.go_home, _("Daftar modul dan bank soal")
        yield _("Layar: Riwayat hasil kuis"), app.open_history, _("Hasil kuis yang sudah selesai")
        yield _("Layar: Bantuan tombol"), app.action_help, _("Semua tombol di setiap layar")
        yield (
            _("Ulangi"),
            app.start_review,
            _("Sesi ulangan hari ini: soal jatuh tempo dan soal baru"),
        )
        yield (
            _("Persiapan ujian"),
            app.start_exam_prep,
            _("Soal yang paling mungkin terlupa pada tanggal ujian"),
        )
        yield (
            _("Latihan kesalahan"),
            app.start_mistakes,
            _("Soal yang jawaban terakhirnya belum benar"),
        )
        yield (
            _("Layar: Ulangi"),
            app.open_review,
            _("Ringkasan ulangan, persiapan ujian, kesalahan"),
        )
        yield _("Statistik"), app.open_stats, _("Penguasaan, aktivitas, perkiraan ingatan")
        yield _("Tanggal ujian"), app.open_exam_date, _("Atur tanggal evaluasi dan batas harian")
        yield _("Muat ulang konten"), app.action_reload_content, _("Baca lagi semua berkas YAML")
        yield (
            _("Tema: kontras tinggi gelap"),
            partial(app.use_theme, "latsar-kontras-gelap"),
            _("Teks putih dan kuning di atas hitam (WCAG AA)"),
        )
        yield (
            _("Tema: kontras tinggi terang"),
            partial(app.use_theme, "latsar-kontras-terang"),
            _("Teks hitam di atas putih (WCAG AA)"),
        )
        for code, name in LANGUAGES.items():
            if code != current_language():
                # In both languages: a learner who cannot read the current one finds it.
                yield (
                    _("Bahasa / Language: {name}").format(name=name),
                    partial(app.set_language, code),
                    _("Antarmuka dalam {name}; aplikasi dimulai ulang, progres tetap").format(
                        name=name
                    ),
                )
        yield _("Animasi: matikan"), partial(app.set_animations, False), _("Tanpa gerakan di layar")
        yield _("Animasi: nyalakan"), partial(app.set_animations, True), _("Gerakan halus di layar")
        for module in app.catalog.modules_in_order():
            yield (
                _("Modul: {title}").format(title=module.title),
                partial(app.open_module, module.id),
                _("Buka pembaca pelajaran"),
            )
            for lesson in module.lessons:
                yield (
                    _("Pelajaran: {title}").format(title=lesson.title),
                    partial(app.open_module, module.id, lesson.id),
                    _("Baca pelajaran ini ({module})").format(module=module.title),
                )
        for bank in app.catalog.banks:
            yield (
                _("Bank soal: {title}").format(title=bank.title),
                partial(app.choose_quiz, bank_id=bank.id),
                _("Mulai latihan atau ujian"),
            )

    async def discover(self) -> Hits:
        for text, command, help_text in self._entries():
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, self._highlight(matcher, text), command, text=text, help=help_text)

    @staticmethod
    def _highlight(matcher: Any, text: str) -> Content:
        content = Content(text)
        _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
        return content
