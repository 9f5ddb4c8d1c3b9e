# pyguard-corpus: verdict=allow
# what: a container class implementing __len__, __iter__, __getitem__, __contains__, __eq__ and __lt__
from functools import total_ordering


@total_ordering
class Version:
    def __init__(self, text: str) -> None:
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Version) and self.parts == other.parts

    def __lt__(self, other: "Version") -> bool:
        return self.parts < other.parts

    def __hash__(self) -> int:
        return hash(self.parts)

    def __len__(self) -> int:
        return len(self.parts)

    def __iter__(self):
        return iter(self.parts)

    def __getitem__(self, index: int) -> int:
        return self.parts[index]

    def __contains__(self, value: int) -> bool:
        return value in self.parts

    def __str__(self) -> str:
        return ".".join(map(str, self))


versions = sorted(Version(v) for v in ["1.10.0", "1.2.3", "1.2.10"])
print([str(v) for v in versions], len(versions[0]), 3 in versions[0], versions[-1][1])
