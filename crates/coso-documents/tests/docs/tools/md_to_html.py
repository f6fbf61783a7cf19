#!/usr/bin/env python3
"""Writes the HTML that LibreOffice turns into the DOCX test documents.

Usage: md_to_html.py IN.md OUT.html

Word users lay out the header and the signature block as borderless two-column tables;
this keeps that structure: the lines before the type heading go into a header table
(left: issuing body and number, right: national title, motto, place and date), and the
recipients and the signer go into a footer table. Every Markdown line becomes a paragraph,
bold where the line is bold, with the numbering kept as text, as in real plans.
Then: soffice --headless --infilter="HTML (StarWriter)" --convert-to docx OUT.html
"""
import html
import re
import sys

TYPES = ("KẾ HOẠCH", "BÁO CÁO", "QUYẾT ĐỊNH", "THÔNG BÁO", "TỜ TRÌNH", "CÔNG VĂN")
RIGHT = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|[^,]{2,40}, ngày)")
ROLE = re.compile(r"^(TM|KT|Q|TL|TUQ)\s*\.")


def inline(text):
    out = html.escape(text.strip())
    out = re.sub(r"\*\*\*(.+?)\*\*\*", r"<b><i>\1</i></b>", out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"\*(.+?)\*", r"<i>\1</i>", out)
    return out


def para(line):
    line = re.sub(r"^#{1,6}\s+", "", line.strip())
    return f"<p>{inline(line)}</p>"


def table(left, right):
    cells = "".join(f"<td valign='top' width='50%'>{''.join(c)}</td>" for c in (left, right))
    return f"<table border='0' width='100%'><tr>{cells}</tr></table>"


def convert(md):
    lines = md.split("\n")
    plain = [re.sub(r"[*#]", "", l).strip() for l in lines]
    type_at = next((i for i, p in enumerate(plain) if p in TYPES), 0)
    tail_at = next((i for i, p in enumerate(plain) if p.startswith("Nơi nhận")), len(lines))
    out = ["<html><head><meta charset='utf-8'></head><body>"]
    left, right = [], []
    for line, p in zip(lines[:type_at], plain[:type_at]):
        if p and not set(p) <= set("-_"):
            (right if RIGHT.match(p) else left).append(f"<p align='center'>{inline(line)}</p>")
    if left or right:
        out.append(table(left, right))
    rows = []
    for line in lines[type_at:tail_at] + [""]:
        if line.strip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= set(":-") for c in cells):
                rows.append("<tr>" + "".join(f"<td><p>{inline(c)}</p></td>" for c in cells) + "</tr>")
            continue
        if rows:
            out.append("<table border='1' width='100%'>" + "".join(rows) + "</table>")
            rows = []
        if line.strip():
            out.append(para(line))
        else:
            out.append("")
    left, right = [], []
    for line, p in zip(lines[tail_at:], plain[tail_at:]):
        if not p:
            continue
        line = re.sub(r"^#{1,6}\s+", "", line.strip())
        if p.startswith("Nơi nhận") or p.startswith("-"):
            left.append(f"<p>{inline(line)}</p>")
        else:
            right.append(f"<p align='center'>{inline(line)}</p>")
    if left or right:
        out.append(table(left, right))
    out.append("</body></html>")
    return "\n".join(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        src = f.read()
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(convert(src))
