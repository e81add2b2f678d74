"""xlsx-cells.py - read a workbook back with openpyxl, an independent reader.

  xlsx-cells.py compare BOOK SHEET CSV   the sheet holds the CSV's cells:
      same header, same rows; a number where the CSV has a decimal (equal
      to it, shown with its decimals and thousands separators), a date
      where it has an ISO date, the same text elsewhere; the header row
      frozen with an autofilter over the table.  Prints what differs.
  xlsx-cells.py sheets BOOK              the sheets' names, one a line
  xlsx-cells.py dump BOOK SHEET          the cells as TYPE:VALUE, tab-
      separated (n number, d date, s text, - empty), bold rows marked *

An amount in the CSV (digits with a decimal point) must be a number in the
workbook, never text that a spreadsheet in a decimal-comma locale would
misread; a whole number may be either (codes such as account 1000 are
text).
"""
import csv
import datetime
import decimal
import re
import sys

import openpyxl
from openpyxl.utils import get_column_letter

DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
AMOUNT = re.compile(r"^-?[0-9]+\.[0-9]{1,6}$")   # never text in a workbook
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def cell_str(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d")
    return str(v)


def compare(book, sheet, path):
    wb = openpyxl.load_workbook(book)
    ws = wb[sheet]
    with open(path, newline="", encoding="utf-8") as f:
        want = list(csv.reader(f))
    got = [list(r) for r in ws.iter_rows()]
    bad = []
    if len(got) != len(want):
        bad.append("%d rows, the CSV has %d" % (len(got), len(want)))
    for i, (row, wrow) in enumerate(zip(got, want)):
        cells = row + [None] * (len(wrow) - len(row))
        for j, w in enumerate(wrow):
            c = cells[j]
            v = None if c is None else c.value
            where = "%s%d" % (get_column_letter(j + 1), i + 1)
            if i == 0:
                if v != w or not c.font.b:
                    bad.append("%s: header %r, want bold %r" % (where, v, w))
                continue
            if w == "":
                if v not in (None, ""):
                    bad.append("%s: %r, want empty" % (where, v))
            elif DATE.match(w):
                if not isinstance(v, datetime.datetime) or \
                        cell_str(v) != w or c.number_format != "yyyy-mm-dd":
                    bad.append("%s: %r (%s), want the date %s" %
                               (where, v, c.number_format, w))
            elif AMOUNT.match(w) and isinstance(v, str):
                bad.append("%s: the text %r, want the number %s" %
                           (where, v, w))
            elif DECIMAL.match(w) and not isinstance(v, str):
                places = len(w.split(".")[1]) if "." in w else 0
                d = decimal.Decimal(w)
                if not isinstance(v, (int, float)) or \
                        round(decimal.Decimal(v), places) != d:
                    bad.append("%s: %r, want the number %s" % (where, v, w))
                fmt = c.number_format
                if places and not fmt.endswith("." + "0" * places):
                    bad.append("%s: shown as %r, want %d decimals" %
                               (where, fmt, places))
            elif cell_str(v) != w:
                bad.append("%s: %r, want %r" % (where, v, w))
    if want:
        if ws.freeze_panes != "A2":
            bad.append("header not frozen (%r)" % ws.freeze_panes)
        ref = "A1:%s%d" % (get_column_letter(len(want[0])), len(want))
        if ws.auto_filter.ref != ref:
            bad.append("autofilter %r, want %r" % (ws.auto_filter.ref, ref))
    for b in bad[:20]:
        print("%s!%s" % (sheet, b))
    return 1 if bad else 0


def dump(book, sheet):
    ws = openpyxl.load_workbook(book)[sheet]
    for row in ws.iter_rows():
        out = []
        bold = False
        for c in row:
            v = c.value
            bold = bold or bool(c.font.b and v is not None)
            if v is None:
                out.append("-")
            elif isinstance(v, datetime.datetime):
                out.append("d:" + cell_str(v))
            elif isinstance(v, (int, float)):
                out.append("n:%s" % v)
            else:
                out.append("s:" + v)
        print(("*" if bold else "") + "\t".join(out))
    return 0


def main(argv):
    if argv[1] == "compare":
        return compare(argv[2], argv[3], argv[4])
    if argv[1] == "sheets":
        for name in openpyxl.load_workbook(argv[2]).sheetnames:
            print(name)
        return 0
    if argv[1] == "dump":
        return dump(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
