"""The `?` help screen: every key of every screen, in one place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
Latsar — bantuan tombol

Di mana saja
  ?            bantuan ini
  Ctrl+P       palet perintah: modul, bank soal, layar, Ulangi, tema
  q, Ctrl+C    keluar (jawaban sudah tersimpan; kuis dapat dilanjutkan)
  Tab          pindah fokus;  Esc  kembali

Beranda
  ↑/↓          pilih modul atau bank soal
  Enter        buka modul, atau mulai kuis dari bank soal
  k            kuis untuk baris terpilih
  l            lanjutkan kuis yang belum selesai
  u            Ulangi: soal jatuh tempo, persiapan ujian, kesalahan
  s            statistik belajar
  h            riwayat hasil kuis;  r  muat ulang konten
  Kolom Ulang: soal yang jatuh tempo untuk diulang hari ini

Ulangi (tombol u di beranda)
  u            mulai sesi ulangan hari ini
  p            persiapan ujian (soal yang paling mungkin terlupa)
  k            latihan kesalahan;  ↑/↓ lalu Enter per modul atau tag
  e            tanggal ujian dan batas soal per hari
  s            statistik;  Esc  kembali

Statistik
  t            grafik atau tabel per hari;  r  hitung ulang

Pembaca pelajaran
  ↑/↓          pilih pelajaran;  Enter  pindah ke isi pelajaran
  n atau ]     pelajaran berikutnya
  p atau [     pelajaran sebelumnya
  k            kuis untuk pelajaran ini
  Pelajaran dianggap dibaca setelah digulir sampai akhir
  atau tampil 20 detik.

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
  Esc          ke beranda; kuis dapat dilanjutkan dengan l

Hasil dan riwayat
  ↑/↓          pilih ringkasan atau soal; rinciannya tampil di kanan
  h            riwayat;  Esc  kembali ke beranda
"""


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; Esc, q or ? closes it."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape,question_mark,q", "dismiss", "Tutup"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Bantuan"
            box.border_subtitle = "Esc untuk menutup"
            yield Static(HELP, markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()
