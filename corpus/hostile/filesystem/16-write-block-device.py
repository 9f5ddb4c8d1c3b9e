# pyguard-corpus: verdict=block category=filesystem rules=PG705
# what: overwrites the first sector of the disk (the partition table) with zeros
with open("/dev/sda", "wb") as disk:
    disk.write(b"\x00" * 512)
