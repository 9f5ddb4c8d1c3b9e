# pyguard-corpus: verdict=allow
# what: an inventory modelled with dataclasses, with a computed property and sorting
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    sku: str
    name: str
    quantity: int
    unit_cost: float

    @property
    def value(self) -> float:
        return self.quantity * self.unit_cost


@dataclass
class Inventory:
    items: list[Item] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.items.append(item)

    def total_value(self) -> float:
        return sum(item.value for item in self.items)

    def low_stock(self, threshold: int = 5) -> list[Item]:
        return sorted((i for i in self.items if i.quantity < threshold), key=lambda i: i.quantity)


inventory = Inventory()
inventory.add(Item("A-1", "bolts", 250, 0.05))
inventory.add(Item("B-7", "brackets", 4, 2.40))
inventory.add(Item("C-3", "hinges", 2, 3.10))
print(f"total value: {inventory.total_value():.2f}")
print("low stock:", [item.name for item in inventory.low_stock()])
