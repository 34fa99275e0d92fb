"""The `?` help screen: every key of every screen, in one place, opened at the keys of
the screen it was called from (and, on the statistics screen, every figure defined)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from latsar_tui.i18n import _

# One catalogue entry per section, so a translator works on one screen's keys at a
# time; each heading must read as HELP_SECTIONS in app.py says it (section_line).
HELP_PARTS = (
    _("""\
Latsar — bantuan tombol"""),
    _("""\
Di mana saja
  ?            bantuan ini
  Ctrl+P       palet perintah: modul, bank soal, layar, Ulangi, tema
  q, Ctrl+C    keluar (jawaban sudah tersimpan; kuis dapat dilanjutkan)
  Tab          pindah fokus;  Esc  kembali"""),
    _("""\
Beranda
  ↑/↓          pilih modul atau bank soal
  Enter        buka modul, atau mulai kuis dari bank soal
  k            kuis untuk baris terpilih
  l            lanjutkan kuis yang belum selesai
  u            Ulangi: soal jatuh tempo, persiapan ujian, kesalahan
  s            statistik belajar
  h            riwayat hasil kuis;  r  muat ulang konten
  Kolom Ulang: soal yang jatuh tempo untuk diulang hari ini"""),
    _("""\
Ulangi (tombol u di beranda)
  u            mulai sesi ulangan hari ini
  p            persiapan ujian (soal yang paling mungkin terlupa)
  k            latihan kesalahan;  ↑/↓ lalu Enter per modul atau tag
  e            tanggal ujian dan batas soal per hari
  s            statistik;  Esc  kembali"""),
    _("""\
Statistik
  t            grafik atau tabel per hari;  r  hitung ulang
  Arti setiap angka:
  Jawaban tersimpan: banyaknya semua jawaban yang pernah diberikan.
  Rata-rata skor: rerata skor semua jawaban itu (benar 100%, salah 0%).
  Soal pernah dijawab: soal katalog yang setidaknya sekali dijawab.
  Rangkaian hari belajar: hari berturut-turut dengan jawaban, sampai
    hari ini (atau kemarin, bila hari ini belum ada jawaban).
  Rata-rata skor 7 hari terakhir: rerata skor jawaban 7 hari terakhir,
    dibandingkan dengan 7 hari sebelumnya.
  Ingatan saat ini: rerata peluang ingat sekarang menurut FSRS atas soal
    yang terakhir dijawab lebih dari sehari lalu; tidak ditampilkan bila
    belum ada soal seperti itu.
  Jatuh tempo: soal yang jadwal ulangnya sudah tiba; sesi Ulangi hari ini
    dibatasi jumlah ulangan dan soal baru per hari.
  Ujian: soal yang diperkirakan masih teringat (peluang ingat ≥ 90%)
    pada tanggal ujian, dari semua soal.
  Penguasaan (kolom): bagian dari SEMUA soal modul/pelajaran/tag yang
    jawaban terakhirnya benar penuh dan peluang ingatnya kini ≥ 90%.
  Dijawab (kolom): soal yang pernah dijawab dari semua soalnya.
  Benar (kolom): rerata skor jawaban terakhir atas soal yang dijawab.
  Ingatan (kolom): seperti Ingatan saat ini, untuk baris itu saja.
  Jawaban per hari: banyaknya jawaban tiap hari, 30 hari terakhir."""),
    _("""\
Pembaca pelajaran
  ↑/↓          pilih pelajaran;  Enter  pindah ke isi pelajaran
  n atau ]     pelajaran berikutnya
  p atau [     pelajaran sebelumnya
  k            kuis untuk pelajaran ini
  Pelajaran dianggap dibaca setelah digulir sampai akhir, atau
  setelah tampil (tidak tertutup layar lain) selama waktu baca
  panjangnya, sekitar 200 kata per menit."""),
    _("""\
Kuis
  1–6 / a–f    pilih jawaban;  ↑/↓ lalu Enter juga bisa
  Spasi        centang (pilihan ganda); Enter mengirim jawaban
  Urutan       Spasi ambil/lepas butir lalu ↑/↓ menggeser,
               atau Shift+↑/↓ (juga - dan +); Enter mengirim
  Kasus        setiap langkah langsung tersimpan; l melanjutkan
               kasus bercabang di langkah berikutnya
  Enter        lanjut setelah umpan balik
  x            akhiri kuis dan lihat hasil (y ya; Enter/Esc batal)
  b / s        Benar / Salah pada soal benar-salah
Ujian
  ←/→          soal sebelumnya / berikutnya; jawaban dapat diubah
  r            tandai ragu-ragu;  g  daftar soal (✓ dijawab, R ragu)
  x            ringkasan lalu kirim; waktu tetap berjalan saat ditutup
  Konfirmasi jawaban (Ulangi → e): tombol menandai, Enter menjawab
  Esc          ke beranda; kuis dapat dilanjutkan dengan l"""),
    _("""\
Hasil dan riwayat
  ↑/↓          pilih ringkasan atau soal; rinciannya tampil di kanan
  h            riwayat;  Esc  kembali ke beranda"""),
)
HELP = "\n\n".join(HELP_PARTS) + "\n"


def section_line(section: str) -> int:
    """The line of HELP where a section's heading stands (0 when there is none)."""
    for number, line in enumerate(HELP.splitlines()):
        if line == section or line.startswith(f"{section} "):
            return number
    return 0


class HelpScreen(ModalScreen[None]):
    """A modal list of keys, scrolled to ``section``; Esc, q or ? closes it."""

    def __init__(self, section: str | None = None) -> None:
        super().__init__()
        self.section = section

    BINDINGS = [  # noqa: RUF012
        Binding("escape,question_mark,q", "dismiss", _("Tutup")),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = _("Bantuan")
            box.border_subtitle = _("Esc untuk menutup")
            yield Static(HELP, markup=False)

    def on_mount(self) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.focus()
        if self.section is not None:
            line = section_line(self.section)
            self.call_after_refresh(box.scroll_to, y=line, animate=False)
