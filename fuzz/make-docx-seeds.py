#!/usr/bin/env python3
"""Writes the seeds of the `docx` fuzz target into fuzz/corpus/docx/: small Word documents (deflated and
stored), with a handlingsplan table, a merged cell, entities and a text box, and an archive without
word/document.xml. Run it again only to change the seeds."""

import os
import zipfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "docx")


def p(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def row(cells):
    return "<w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in cells) + "</w:tr>"


def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>'
            + body + "<w:sectPr/></w:body></w:document>")


PLAN = document(
    p("VERKSAMHETSPLAN 2021") + p("Redovisas vid föreningens årsmöte 28 maj 2021")
    + "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"6\"/></w:tcPr>" + p("Förebild och föregångare")
    + "</w:tc></w:tr>" + row(["Vad", "Hur", "Vem", "När/Resurs", "Status", "Prio"])
    + row(["SKR &amp; WWF &#228;", "Hålla<w:tab/>kontakten", "Kansliet Styrelsen", "28-05-01", "Pågår", "1"])
    + row(["", "Mer<w:br/>text", "Styrels", "Löpande", "", "2"]) + "</w:tbl>"
    + "<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>" + p("ruta")
    + "</w:txbxContent></mc:Choice><mc:Fallback>" + p("gammal") + "</mc:Fallback></mc:AlternateContent></w:r></w:p>")


def write(name, entries, method):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", method) as archive:
        for entry, text in entries:
            info = zipfile.ZipInfo(entry, date_time=(2021, 3, 22, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, text)


os.makedirs(HERE, exist_ok=True)
CONTENT_TYPES = ("[Content_Types].xml", "<Types/>")
write("plan-deflated.docx", [CONTENT_TYPES, ("word/document.xml", PLAN)], zipfile.ZIP_DEFLATED)
write("plan-stored.docx", [CONTENT_TYPES, ("word/document.xml", PLAN)], zipfile.ZIP_STORED)
write("no-table.docx", [CONTENT_TYPES, ("word/document.xml", document(p("VERKSAMHETSPLAN 2021")))],
      zipfile.ZIP_DEFLATED)
write("not-word.zip", [("content.xml", "<office:document/>")], zipfile.ZIP_DEFLATED)
