# pyguard-corpus: verdict=allow
# what: creates an Excel workbook with openpyxl, including a formula and a bold header, and reads it back
import os

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

wb = Workbook()
ws = wb.active
ws.title = "Budget"
ws.append(["item", "cost"])
for item, cost in [("rent", 1200), ("power", 85), ("internet", 40)]:
    ws.append([item, cost])
ws["A5"] = "total"
ws["B5"] = "=SUM(B2:B4)"
for cell in ws[1]:
    cell.font = Font(bold=True)

os.makedirs("output", exist_ok=True)
wb.save("output/budget.xlsx")

check = load_workbook("output/budget.xlsx")
print([[c.value for c in row] for row in check["Budget"].iter_rows()])
