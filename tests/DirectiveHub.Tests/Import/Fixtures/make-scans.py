#!/usr/bin/env python3
"""Makes the committed OCR fixtures from a sample text (run once; needs ImageMagick, img2pdf, fonts-liberation2).

A page is laid out as the printed directive is (header and signature in two columns, body wrapped), rendered at
200 dpi, then turned into what a clerk gets: a phone photo (rotated 1.2 degrees, noise, JPEG) and a scanned PDF.
Usage: make-scans.py SAMPLE.txt OUT_PREFIX
"""
import re, subprocess, sys, textwrap

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
RIGHT = re.compile(r"ĐẢNG C.NG S.N VI.T NAM|ngày \d+ tháng \d+ năm \d{4}")


def layout(text):
    lines = [l.replace("**", "").strip() for l in text.splitlines()]
    body_start = next(i for i, l in enumerate(lines) if l.startswith("Kính gửi"))
    tail_start = next(i for i, l in enumerate(lines) if l.startswith("Nơi nhận"))
    left, right = [], []
    for l in lines[:body_start]:
        if l:
            (right if RIGHT.search(l) else left).append(l)
    rows = [("two", a, b) for a, b in zip(left + [""] * (len(right) - len(left)), right + [""] * (len(left) - len(right)))]
    for l in lines[body_start:tail_start]:
        if not l:
            rows.append(("blank", "", ""))
            continue
        for w in textwrap.wrap(l, 88):
            rows.append(("one", w, ""))
    tl, tr = [], []
    for l in lines[tail_start:]:
        if l:
            (tl if l.startswith("-") or l.startswith("Nơi") else tr).append(l)
    rows.append(("blank", "", ""))
    rows += [("two", a, b) for a, b in zip(tl + [""] * (len(tr) - len(tl)), tr + [""] * (len(tl) - len(tr)))]
    return rows


def render(rows, png):
    args = ["convert", "-size", "1654x2339", "xc:white", "-font", FONT, "-pointsize", "30", "-fill", "black"]
    y = 140
    for kind, a, b in rows:
        if kind == "blank":
            y += 20
            continue
        if a:
            args += ["-annotate", f"+120+{y}", a]
        if b:
            args += ["-annotate", f"+880+{y}", b]
        y += 44
    args.append(png)
    subprocess.run(args, check=True)


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    out = sys.argv[2]
    render(layout(text), out + "-clean.png")
    subprocess.run(["convert", out + "-clean.png", "-background", "white", "-rotate", "1.2", "-attenuate", "0.4", "+noise", "Gaussian",
                    "-colorspace", "Gray", "-resize", "1654x2339", "-quality", "55", out + "-photo.jpg"], check=True)
    subprocess.run(["convert", out + "-clean.png", "-background", "white", "-rotate", "-0.6", "-attenuate", "0.3", "+noise", "Gaussian",
                    "-colorspace", "Gray", "-quality", "50", out + "-scan.jpg"], check=True)
    subprocess.run(["img2pdf", "--pagesize", "A4", "-o", out + "-scan.pdf", out + "-scan.jpg"], check=True)
    subprocess.run(["rm", out + "-clean.png", out + "-scan.jpg"], check=True)


main()
