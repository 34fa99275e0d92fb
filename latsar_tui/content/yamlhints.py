"""Plain Indonesian explanations for YAML syntax errors, with a hint at the usual cause.

The parser's own words ("mapping values are not allowed here") tell a trainer nothing.
Almost every syntax error in a hand-written bank comes from one of a few slips: a line
indented differently from its neighbours, a ``:`` (colon and space) or ``#`` inside
unquoted text, a list entry without its ``-``, an unclosed quote or bracket, or text
that starts with a character YAML reserves (``*``, ``&``, ``@``, `````, ``%``). We
match the parser's message (libyaml's and the pure-Python parser's wording both) and
look at the offending line to name the likely one; the parser's words follow in
parentheses for anyone who wants to search for them.
"""

from __future__ import annotations

from latsar_tui.i18n import _


def explain(problem: str, context: str | None, lines: list[str], line: int) -> str:
    """The message of a ``yaml-syntax`` finding for a parser ``problem`` at ``line``."""
    text = lines[line - 1] if 1 <= line <= len(lines) else ""
    before = _previous_content_line(lines, line)
    original = problem + (f", {context}" if context else "")
    words = _(" (pesan parser: {original})").format(original=original)
    lowered = original.lower()
    if "mapping values are not allowed" in lowered:
        value = text.split(": ", 1)[1] if ": " in text else ""
        if ": " in value or value.rstrip().endswith(":"):
            return (
                _(
                    "sintaks YAML salah: teks pada baris ini memuat ':' (titik dua) tanpa tanda "
                    "kutip, sehingga dibaca sebagai nama field baru; tulis seluruh teksnya di "
                    'dalam tanda kutip, misalnya text: "Langkah 1: lapor atasan"'
                )
                + words
            )
        if before is not None and _indent(text) > _indent(before):
            return (
                _(
                    "sintaks YAML salah: baris ini menjorok lebih dalam daripada baris di atasnya; "
                    "field yang setingkat harus diawali jumlah spasi yang sama"
                )
                + words
            )
        return (
            _(
                "sintaks YAML salah: ada ':' yang tidak diharapkan di sini; periksa indentasi "
                "baris ini dan baris di atasnya, dan beri tanda kutip pada teks yang memuat ': '"
            )
            + words
        )
    if "expected '-' indicator" in lowered or (
        "expected <block end>" in lowered and "block collection" in lowered
    ):
        return (
            _(
                "sintaks YAML salah: baris ini tidak cocok dengan daftar di atasnya; penyebab "
                "umum: indentasinya berbeda dari butir lain (pakai jumlah spasi yang sama), atau "
                "butir baru daftar ini kehilangan tanda '- ' di depannya"
            )
            + words
        )
    if "did not find expected key" in lowered or "expected <block end>" in lowered:
        return (
            _(
                "sintaks YAML salah: baris ini tidak terbaca sebagai 'nama: nilai'; penyebab "
                "umum: indentasinya bergeser dari field lain yang setingkat, atau ada tanda kutip "
                "di tengah teks yang diawali tanda kutip (di dalam '...' tulis '' untuk satu "
                "kutip)"
            )
            + words
        )
    if "quoted scalar" in lowered:
        return (
            _(
                "sintaks YAML salah: tanda kutip yang dibuka tidak pernah ditutup; tutup teksnya "
                "dengan tanda kutip yang sama dengan pembukanya"
            )
            + words
        )
    if "alias" in lowered or "anchor" in lowered:
        return (
            _(
                "sintaks YAML salah: teks yang diawali '*' atau '&' dibaca YAML sebagai rujukan; "
                "tulis seluruh teksnya di dalam tanda kutip, misalnya "
                'text: "*Penting*: lapor dulu" (dan tulis teks biasa, tanpa tanda Markdown)'
            )
            + words
        )
    if "cannot start any token" in lowered:
        return (
            _(
                "sintaks YAML salah: teks tidak boleh diawali '@', '`' atau '%' tanpa tanda kutip; "
                'tulis seluruh teksnya di dalam tanda kutip, misalnya text: "@atasan sudah diberi '
                'tahu"'
            )
            + words
        )
    if "flow sequence" in lowered or "flow mapping" in lowered:
        return (
            _(
                "sintaks YAML salah: daftar dalam kurung [ ] atau { } tidak ditutup dengan benar; "
                "tutup kurungnya, atau beri tanda kutip pada teks yang diawali '[' atau '{'"
            )
            + words
        )
    return (
        _(
            "sintaks YAML salah di sini; periksa indentasi (hanya spasi, sama untuk field yang "
            "setingkat), tanda kutip pada teks yang memuat ': ' atau ' #', dan tanda '- ' di "
            "depan setiap butir daftar"
        )
        + words
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _previous_content_line(lines: list[str], line: int) -> str | None:
    """The nearest line above ``line`` that is neither blank nor only a comment."""
    for number in range(line - 1, 0, -1):
        if number > len(lines):
            continue
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return lines[number - 1]
    return None
