# pyguard-corpus: verdict=allow
# what: an order state machine built on enum.Enum with a transition table
from enum import Enum, auto


class State(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    CANCELLED = auto()


TRANSITIONS = {
    State.NEW: {State.PAID, State.CANCELLED},
    State.PAID: {State.SHIPPED, State.CANCELLED},
    State.SHIPPED: set(),
    State.CANCELLED: set(),
}


def advance(current: State, target: State) -> State:
    if target not in TRANSITIONS[current]:
        raise ValueError(f"cannot go from {current.name} to {target.name}")
    return target


state = State.NEW
for step in (State.PAID, State.SHIPPED):
    state = advance(state, step)
    print(state.name)
