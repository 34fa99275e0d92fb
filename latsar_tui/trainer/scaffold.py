"""Starter files for ``latsar new``: a module, a bank with one question of each type.

Both carry a ``# yaml-language-server: $schema=...`` first line pointing at the schema
shipped inside the package, so VS Code (with the YAML extension) offers completion and
checks offline. The examples are short, true statements about BerAKHLAK, written to be
replaced; the files validate as they are (a test loads them). Their comments and
examples are content written into the trainer's files, in Indonesian like the content
they sit in, not interface text: they do not follow the interface language.
"""

from __future__ import annotations

from latsar_tui.trainer.schema import schema_path


def schema_line(kind: str) -> str:
    """The editor hint line naming the local schema file."""
    path = schema_path("module" if kind == "module" else "bank")
    return f"# yaml-language-server: $schema={path.resolve().as_uri()}"  # i18n: ignore syntax


_MODULE = """\
@@SCHEMA@@
# Modul pelajaran Latsar TUI (format latsar/module@1).
# Ganti contoh di bawah dengan materi Anda, lalu periksa dengan:
#   latsar validate modules/@@ID@@.yaml
schema: latsar/module@1
id: @@ID@@                      # id unik: huruf kecil, angka, '.', '_' atau '-'
title: Judul Modul              # wajib
summary: >                      # wajib: satu paragraf ringkasan (teks biasa)
  Ringkasan singkat isi modul ini untuk peserta Latsar.
agenda: "II"                    # opsional: agenda Latsar I, II, III atau IV
order: 100                      # opsional: urutan di layar beranda
sources:                        # opsional: dokumen yang boleh dirujuk pelajaran dan soal
  - id: se-menpanrb-20-2021
    title: Surat Edaran Menteri PANRB Nomor 20 Tahun 2021
lessons:                        # wajib, minimal satu pelajaran
  - id: pelajaran-1             # unik dalam modul; dirujuk soal lewat 'lesson'
    title: Judul Pelajaran Pertama
    body: |                     # wajib, Markdown
      Tulis isi pelajaran di sini. **Tebal**, *miring* dan daftar boleh dipakai:

      - poin pertama
      - poin kedua
    key_points:                 # opsional: poin penting (teks biasa)
      - Satu kalimat yang perlu diingat peserta.
    sources: [se-menpanrb-20-2021]
"""  # i18n: ignore the starter file's content and comments (Indonesian content)

_BANK = """\
@@SCHEMA@@
# Bank soal Latsar TUI (format latsar/bank@1): satu contoh untuk tiap jenis soal.
# Ganti contohnya dengan soal Anda, lalu periksa dengan:
#   latsar validate question_banks/@@ID@@.yaml
schema: latsar/bank@1
id: @@ID@@
title: Latihan Baru             # wajib
@@MODULE@@
description: Contoh bank soal; ganti dengan keterangan Anda.
pass_mark: 70                   # nilai lulus mode ujian (persen)
time_limit_minutes: 30          # opsional: batas waktu mode ujian
questions:
  # single: tepat satu opsi benar (2..6 opsi).
  - id: contoh-single
    type: single
    prompt: Nilai dasar ASN yang menekankan pemenuhan kebutuhan masyarakat adalah ...
    options:
      - text: Berorientasi Pelayanan
        correct: true
      - text: Kompeten
        feedback: Kompeten menekankan peningkatan kemampuan diri.   # opsional
      - text: Adaptif
    explanation: >
      Berorientasi Pelayanan berarti memahami dan memenuhi kebutuhan masyarakat.
@@REFS@@
    tags: [berakhlak]
    difficulty: 1                 # opsional: 1 mudah, 2 sedang, 3 sulit

  # multiple: pilih semua yang benar (2..8 opsi, minimal satu benar).
  - id: contoh-multiple
    type: multiple
    prompt: Manakah yang termasuk nilai dasar BerAKHLAK? (pilih semua yang benar)
    options:
      - {text: Akuntabel, correct: true}
      - {text: Harmonis, correct: true}
      - {text: Birokratis, feedback: Bukan salah satu dari tujuh nilai dasar.}
    explanation: >
      BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal,
      Adaptif, Kolaboratif.
@@REFS@@

  # true_false: pernyataan yang dinilai Benar atau Salah.
  - id: contoh-benar-salah
    type: true_false
    prompt: ASN boleh menerima hadiah dari pengguna layanan sebagai tanda terima kasih.
    answer: false
    feedback_true: Tidak tepat; hadiah terkait layanan termasuk gratifikasi.   # bila menjawab Benar
    feedback_false: Tepat.                                                    # bila menjawab Salah
    explanation: Menerima hadiah terkait layanan bertentangan dengan nilai Akuntabel.
@@REFS@@

  # scenario: tiap opsi bernilai 1..5, tidak ada yang sama, salah satunya 5.
  - id: contoh-skenario
    type: scenario
    context: >
      Antrean layanan panjang. Seorang lansia berdiri di barisan belakang dan
      tampak kelelahan.
    prompt: Apa yang Anda lakukan?
    options:
      - text: Mendahulukan lansia sesuai ketentuan layanan prioritas
        score: 5
        feedback: Memberi perlakuan khusus bagi kelompok rentan (Berorientasi Pelayanan).
      - text: Menyediakan kursi dan meminta lansia menunggu giliran
        score: 3
        feedback: Peduli, tetapi belum memberi layanan prioritas.
      - text: Membiarkan lansia mengantre seperti yang lain
        score: 1
        feedback: Mengabaikan kebutuhan kelompok rentan.
    explanation: Kelompok rentan berhak atas perlakuan khusus dalam pelayanan publik.
@@REFS@@

  # ordering: langkah ditulis dalam urutan yang benar (3..8); peserta melihatnya diacak.
  - id: contoh-urutan
    type: ordering
    prompt: Urutkan langkah menangani pengaduan masyarakat.
    items:
      - Menerima dan mencatat pengaduan
      - Memeriksa duduk perkara
      - Menindaklanjuti pengaduan
      - Memberi kabar hasilnya kepada pelapor
    explanation: Pengaduan dicatat, diperiksa, ditindaklanjuti, lalu hasilnya disampaikan.
@@REFS@@

  # branching: kasus bertahap; tiap pilihan 0..5 poin, 'next' menuju langkah berikutnya.
  - id: contoh-kasus
    type: branching
    context: Seorang warga datang tanpa membawa dokumen yang disyaratkan.
    prompt: Bagaimana Anda melayaninya?
    start: loket
    steps:
      loket:
        text: Warga tampak bingung dan bertanya apa yang harus dibawa.
        choices:
          - text: Menjelaskan persyaratan dengan ramah dan memberi daftar tertulis
            score: 5
            feedback: Warga paham dan berjanji kembali dengan dokumen lengkap.
            next: kembali
          - text: Menyuruhnya pulang tanpa penjelasan
            score: 0
            feedback: Warga kecewa dan mengadu ke atasan Anda.
      kembali:
        text: Esok harinya warga kembali dengan dokumen lengkap.
        choices:
          - text: Memproses permohonannya sesuai urutan
            score: 5
            feedback: Layanan selesai tepat waktu.
          - text: Memintanya menunggu tanpa kepastian
            score: 1
            feedback: Warga harus menunggu lama tanpa kabar.
    explanation: Informasi yang jelas sejak awal mencegah warga bolak-balik.
@@REFS@@

  # short_answer: isian singkat; 'answers' 1..10 jawaban yang diterima. Huruf besar/kecil,
  # spasi dan tanda baca di akhir diabaikan; angka dan kata bilangan tidak disamakan.
  - id: contoh-isian
    type: short_answer
    prompt: Nilai dasar ASN yang berarti bertanggung jawab atas kepercayaan yang diberikan?
    answers: [akuntabel]
    partial:                    # opsional: jawaban bernilai sebagian (0 < share < 1)
      - {answer: akuntabilitas, share: 0.5}
    tolerance: 1                # opsional: salah ketik satu huruf diterima (kata >= 6 huruf)
    feedback_wrong: Ingat akronim BerAKHLAK.   # opsional: bila jawaban bernilai 0
    explanation: Akuntabel adalah huruf A kedua dalam BerAKHLAK.
@@REFS@@

  # matching: menjodohkan; 'pairs' 3..8 pasangan {left, right}; sisi kanan diacak.
  - id: contoh-jodoh
    type: matching
    prompt: Jodohkan nilai dasar dengan maknanya.
    pairs:
      - {left: Berorientasi Pelayanan, right: Memahami dan memenuhi kebutuhan masyarakat}
      - {left: Kompeten, right: Terus belajar dan mengembangkan kapabilitas}
      - {left: Harmonis, right: Saling peduli dan menghargai perbedaan}
    distractors:                # opsional: 0..4 pilihan kanan yang tidak berpasangan
      - Bekerja tanpa perlu diawasi sama sekali
    explanation: Tiap nilai dasar punya panduan perilakunya sendiri.
@@REFS@@
"""  # i18n: ignore the starter file's content and comments (Indonesian content)


def module_starter(module_id: str) -> str:
    """The text of a starter module file with this id."""
    return _MODULE.replace("@@SCHEMA@@", schema_line("module")).replace("@@ID@@", module_id)


# Lines of the starter bank (file content, like _BANK).
_MODULE_LINE = (
    "module: {module}                 # modul yang dilatih bank ini"  # i18n: ignore content
)
_NO_MODULE_LINE = (
    "# module: id-modul             # opsional: modul yang dilatih bank ini"  # i18n: ignore
)
_NO_LESSON_LINE = (
    "    # lesson: id-pelajaran      # opsional: pelajaran di modul bank ini"  # i18n: ignore
)
_NO_SOURCES_LINE = (
    "    # sources: [id-sumber]      # opsional: sumber dari modul bank ini"  # i18n: ignore
)


def bank_starter(
    bank_id: str,
    module_id: str | None = None,
    lesson_id: str | None = None,
    source_id: str | None = None,
) -> str:
    """The text of a starter bank; ``lesson_id``/``source_id`` of the module when known."""
    module_line = _MODULE_LINE.format(module=module_id) if module_id else _NO_MODULE_LINE
    refs: list[str] = []
    if module_id and lesson_id:
        refs.append(f"    lesson: {lesson_id}")
    else:
        refs.append(_NO_LESSON_LINE)
    if module_id and source_id:
        refs.append(f"    sources: [{source_id}]")
    else:
        refs.append(_NO_SOURCES_LINE)
    return (
        _BANK.replace("@@SCHEMA@@", schema_line("bank"))
        .replace("@@ID@@", bank_id)
        .replace("@@MODULE@@", module_line)
        .replace("@@REFS@@", "\n".join(refs))
    )
