# pyguard-corpus: verdict=allow
# what: parses a small XML document from a string with xml.etree.ElementTree and builds a new one
import xml.etree.ElementTree as ET

XML = """<catalog>
  <book id="1"><title>Dune</title><price>9.99</price></book>
  <book id="2"><title>Emma</title><price>4.50</price></book>
</catalog>"""

root = ET.fromstring(XML)
cheap = [b.findtext("title") for b in root.iter("book") if float(b.findtext("price")) < 5]
print(cheap)

summary = ET.Element("summary", count=str(len(root)))
ET.SubElement(summary, "cheap").text = ",".join(cheap)
print(ET.tostring(summary, encoding="unicode"))
