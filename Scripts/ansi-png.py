#!/usr/bin/env python3
"""Renders a terminal screen captured with colours (`tmux capture-pane -e -p`) to a PNG.

    Scripts/ansi-png.py SCREEN.txt OUT.png [--columns 100] [--font PATH] [--size 15]

Understands the SGR codes tmux writes: reset, bold, dim, underline, reverse, the 8 and 16
colours, 256-colour (38;5;N / 48;5;N) and true colour (38;2;R;G;B). Wide characters (CJK,
emoji) take two cells. Needs Pillow (python3 -m pip install pillow) and a monospace font
(DejaVu Sans Mono by default, which has the box-drawing and arrow glyphs).
"""
import argparse, re, sys, unicodedata
from PIL import Image, ImageDraw, ImageFont

BASE16 = [(0x1e, 0x1e, 0x1e), (0xcd, 0x31, 0x31), (0x0d, 0xbc, 0x79), (0xe5, 0xe5, 0x10),
          (0x24, 0x72, 0xc8), (0xbc, 0x3f, 0xbc), (0x11, 0xa8, 0xcd), (0xe5, 0xe5, 0xe5),
          (0x66, 0x66, 0x66), (0xf1, 0x4c, 0x4c), (0x23, 0xd1, 0x8b), (0xf5, 0xf5, 0x43),
          (0x3b, 0x8e, 0xea), (0xd6, 0x70, 0xd6), (0x29, 0xb8, 0xdb), (0xff, 0xff, 0xff)]
FG, BG = (0xd4, 0xd4, 0xd4), (0x1e, 0x1e, 0x1e)


def colour256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    v = 8 + 10 * (n - 232)
    return (v, v, v)


def cells(text, columns):
    """The screen as rows of cells: (character, fg, bg, bold, dim, underline, wide)."""
    rows = []
    for line in text.split("\n"):
        row, state = [], dict(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
        for token in re.split(r"(\x1b\[[0-9;]*m)", line):
            if token.startswith("\x1b["):
                codes = [int(c) if c else 0 for c in token[2:-1].split(";")]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0:
                        state.update(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
                    elif c == 1: state["bold"] = True
                    elif c == 2: state["dim"] = True
                    elif c == 4: state["underline"] = True
                    elif c == 7: state["reverse"] = True
                    elif c == 22: state.update(bold=False, dim=False)
                    elif c == 24: state["underline"] = False
                    elif c == 27: state["reverse"] = False
                    elif 30 <= c <= 37: state["fg"] = BASE16[c - 30]
                    elif 90 <= c <= 97: state["fg"] = BASE16[c - 90 + 8]
                    elif 40 <= c <= 47: state["bg"] = BASE16[c - 40]
                    elif 100 <= c <= 107: state["bg"] = BASE16[c - 100 + 8]
                    elif c == 39: state["fg"] = None
                    elif c == 49: state["bg"] = None
                    elif c in (38, 48) and i + 1 < len(codes):
                        if codes[i + 1] == 5 and i + 2 < len(codes):
                            state["fg" if c == 38 else "bg"] = colour256(codes[i + 2]); i += 2
                        elif codes[i + 1] == 2 and i + 4 < len(codes):
                            state["fg" if c == 38 else "bg"] = tuple(codes[i + 2:i + 5]); i += 4
                    i += 1
                continue
            for ch in token:
                if unicodedata.combining(ch) and row:
                    row[-1] = (row[-1][0] + ch,) + row[-1][1:]
                    continue
                fg, bg = state["fg"] or FG, state["bg"] or BG
                if state["reverse"]:
                    fg, bg = bg, fg
                if state["bold"] and fg in BASE16[1:8]:
                    fg = BASE16[BASE16.index(fg) + 8]
                if state["dim"]:
                    fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
                wide = unicodedata.east_asian_width(ch) in "WF"
                row.append((ch, fg, bg, state["bold"], state["underline"], wide))
                if wide:
                    row.append(None)
        rows.append(row[:columns])
    while rows and not rows[-1]:
        rows.pop()
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("screen"); ap.add_argument("out")
    ap.add_argument("--columns", type=int, default=100)
    ap.add_argument("--font", default="/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
    ap.add_argument("--bold-font", default="/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf")
    ap.add_argument("--size", type=int, default=15)
    a = ap.parse_args()
    rows = cells(open(a.screen, encoding="utf-8").read(), a.columns)
    font, bold = ImageFont.truetype(a.font, a.size), ImageFont.truetype(a.bold_font, a.size)
    left, top, right, bottom = font.getbbox("M")
    cw, ch = round(font.getlength("M")), round(a.size * 1.3)
    pad = 12
    img = Image.new("RGB", (2 * pad + cw * a.columns, 2 * pad + ch * len(rows)), BG)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            if cell is None:
                continue
            text, fg, bg, is_bold, underline, wide = cell
            px, py = pad + x * cw, pad + y * ch
            width = cw * (2 if wide else 1)
            if bg != BG:
                draw.rectangle([px, py, px + width - 1, py + ch - 1], fill=bg)
            if text.strip():
                if text in "─│┌┐└┘├┤┬┴┼":
                    draw_box(draw, text, px, py, cw, ch, fg)
                else:
                    draw.text((px, py + (ch - a.size) // 2 - 1), text, font=bold if is_bold else font, fill=fg)
            if underline:
                draw.line([px, py + ch - 2, px + width - 1, py + ch - 2], fill=fg)
    img.save(a.out, optimize=True)


def draw_box(draw, c, x, y, w, h, fg):
    """Box-drawing lines drawn as lines, so they join across cells whatever the font."""
    mx, my = x + w // 2, y + h // 2
    left, right = c in "─┐┘┤┬┴┼", c in "─┌└├┬┴┼"
    up, down = c in "│└┘├┤┴┼", c in "│┌┐├┤┬┼"
    if left: draw.line([x, my, mx, my], fill=fg)
    if right: draw.line([mx, my, x + w, my], fill=fg)
    if up: draw.line([mx, y, mx, my], fill=fg)
    if down: draw.line([mx, my, mx, y + h], fill=fg)


if __name__ == "__main__":
    sys.exit(main())
