# pyguard-corpus: verdict=allow
# what: builds an OpenDocument spreadsheet with odfpy and saves it to output/
import os

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

rows = [("product", "units"), ("apples", 12), ("pears", 7), ("plums", 21)]

doc = OpenDocumentSpreadsheet()
table = Table(name="Stock")
for row in rows:
    tr = TableRow()
    for value in row:
        if isinstance(value, int):
            cell = TableCell(valuetype="float", value=value)
        else:
            cell = TableCell(valuetype="string")
        cell.addElement(P(text=str(value)))
        tr.addElement(cell)
    table.addElement(tr)
doc.spreadsheet.addElement(table)

os.makedirs("output", exist_ok=True)
doc.save("output/stock.ods")
print("saved output/stock.ods")
