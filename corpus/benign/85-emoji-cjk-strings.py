# pyguard-corpus: verdict=allow
# what: prints status messages containing emoji, CJK text and combining accents, measuring their length
import unicodedata

messages = ["数据分析完成 ✅", "処理中… ⏳", "Café ☕", "naïve résumé"]
for m in messages:
    nfc = unicodedata.normalize("NFC", m)
    print(f"{nfc} ({len(nfc)} code points)")
print(unicodedata.name("✅"))
