# pyguard-corpus: verdict=allow
# what: writes a Word report with a heading, paragraphs and a table using python-docx
import os

from docx import Document

findings = [("Coverage", "87%"), ("Open issues", "14"), ("Median latency", "120 ms")]

document = Document()
document.add_heading("Quarterly engineering report", level=1)
document.add_paragraph("This report summarises the main indicators for the quarter.")
table = document.add_table(rows=1, cols=2)
table.rows[0].cells[0].text = "Indicator"
table.rows[0].cells[1].text = "Value"
for name, value in findings:
    cells = table.add_row().cells
    cells[0].text = name
    cells[1].text = value

os.makedirs("output", exist_ok=True)
document.save("output/report.docx")
print("saved output/report.docx")
